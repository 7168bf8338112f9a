#!/usr/bin/env python3
"""aiortc as a receiver for run.py: reads cases (JSON lines with `id` and `sdp`) on standard
input and writes one result per case on standard output, as the browser page does — a fresh
RTCPeerConnection each, setRemoteDescription(offer), then createAnswer and setLocalDescription;
or, for run.py's answer cases, the offerer's side (see `offering`).
No network traffic: aiortc gathers host candidates only (no STUN or TURN server is configured).
"""
import asyncio
import json
import sys

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack

STEP = 5.0  # seconds a step may take, as on the browser page


async def offering(pc, result, case):
    """The offerer's side of run.py's answer cases: audio, video and a data channel, as the
    browser page offers them; then the case's answer (or, for make-offer, the offer itself)."""
    pc.addTransceiver("audio")
    pc.addTransceiver("video")
    pc.createDataChannel("conformance")
    await asyncio.wait_for(pc.setLocalDescription(await pc.createOffer()), STEP)
    if case.get("type") == "make-offer":
        result["sdp"] = pc.localDescription.sdp
    else:
        await asyncio.wait_for(pc.setRemoteDescription(RTCSessionDescription(sdp=case["sdp"], type="answer")), STEP)
    result["remote"] = "accepted"
    return result


FLOWS = {}  # the answering peers of run.py's cross-engine flows, by case id, until flow-close


async def flow_step(case):
    """The answerer's side of a flow across engines: it answers the offer in the case's
    directions, sending silence and blank pictures, and stays connected until flow-close."""
    result = {"id": case["id"]}
    try:
        if case["type"] == "flow-close":
            pc = FLOWS.pop(case["id"], None)
            if pc:
                await asyncio.wait_for(pc.close(), STEP)
        else:
            pc = FLOWS[case["id"]] = RTCPeerConnection(RTCConfiguration(iceServers=[]))
            await asyncio.wait_for(pc.setRemoteDescription(RTCSessionDescription(sdp=case["sdp"], type="offer")), STEP)
            for transceiver in pc.getTransceivers():
                transceiver.sender.replaceTrack(AudioStreamTrack() if transceiver.kind == "audio" else VideoStreamTrack())
                transceiver.direction = case["answerer"][transceiver.kind]
            await asyncio.wait_for(pc.setLocalDescription(await pc.createAnswer()), STEP)
            result["sdp"] = pc.localDescription.sdp
        result["remote"] = "accepted"
    except Exception as error:
        result["remote"] = "refused"
        result["error"] = f"{type(error).__name__}: {error}"
    return result


async def one(case):
    if case.get("type", "").startswith("flow-"):
        return await flow_step(case)
    result = {"id": case["id"]}
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    try:
        if case.get("type") in ("make-offer", "answer"):
            try:
                return await offering(pc, result, case)
            except Exception as error:
                result["remote"] = "refused"
                result["error"] = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
                return result
        try:
            await asyncio.wait_for(pc.setRemoteDescription(RTCSessionDescription(sdp=case["sdp"], type="offer")), STEP)
            result["remote"] = "accepted"
        except Exception as error:  # any refusal, with aiortc's own message
            result["remote"] = "refused"
            result["error"] = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            return result
        try:
            answer = await asyncio.wait_for(pc.createAnswer(), STEP)
            await asyncio.wait_for(pc.setLocalDescription(answer), STEP)
            result["local"] = "accepted"
            if case.get("type") == "make-answer":  # an answer for run.py's answer cases
                result["sdp"] = pc.localDescription.sdp
        except Exception as error:
            result["local"] = "refused"
            result["localError"] = f"{type(error).__name__}: {error}"
        return result
    finally:
        try:
            await asyncio.wait_for(pc.close(), STEP)
        except Exception:
            pass


async def main():
    # Standard input is read off the event loop, so that a flow's peer keeps sending meanwhile.
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        if line.strip():
            print(json.dumps(await one(json.loads(line))), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
