#!/usr/bin/python3
"""GStreamer's webrtcbin as a receiver for run.py, run with Debian's Python (python3-gi and
gir1.2-gst-plugins-bad-1.0). It reads cases (JSON lines with `id` and `sdp`) on standard input
and writes one result per case on standard output, as the browser page does: a fresh webrtcbin
each, set-remote-description(offer), then create-answer and set-local-description; for a case of
type make-answer it also writes the answer it made. For run.py's answer cases it takes the
offerer's side (see `offering`).

GstSdp parses the text first (gst_sdp_message_new_from_text); a text it cannot parse is
refused there, with its result code, as an application would see it. No network traffic:
webrtcbin gathers nothing before an answer is set, and no STUN or TURN server is configured.
"""
import json
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstSdp", "1.0")
gi.require_version("GstWebRTC", "1.0")
from gi.repository import Gst, GstSdp, GstWebRTC  # noqa: E402

STEP = 5.0  # seconds a step may take, as on the browser page


def call(webrtc, signal, *arguments):
    """Emits a webrtcbin action signal that answers through a promise; returns its reply
    structure, or raises with the error webrtcbin gave (or a timeout)."""
    settled = threading.Event()
    promise = Gst.Promise.new_with_change_func(lambda _: settled.set())
    webrtc.emit(signal, *arguments, promise)
    if not settled.wait(STEP):
        promise.interrupt()
        raise RuntimeError(f"no answer within {STEP:.0f} s")
    if promise.wait() != Gst.PromiseResult.REPLIED:
        raise RuntimeError("the promise was not replied")
    reply = promise.get_reply()
    if reply is not None and reply.has_field("error"):
        raise RuntimeError(reply.get_value("error").message)
    return reply


def offering(webrtc, result, case):
    """The offerer's side: audio (Opus) and video (VP8) to send and receive, and a data
    channel, as the other receivers offer them; then the case's answer (or, for make-offer,
    the offer itself). webrtcbin's default bundle policy (none) stays: the offer is its own."""
    for caps in ("application/x-rtp,media=audio,encoding-name=OPUS,payload=111,clock-rate=48000",
                 "application/x-rtp,media=video,encoding-name=VP8,payload=96,clock-rate=90000"):
        webrtc.emit("add-transceiver", GstWebRTC.WebRTCRTPTransceiverDirection.SENDRECV, Gst.Caps.from_string(caps))
    webrtc.emit("create-data-channel", "conformance", None)
    reply = call(webrtc, "create-offer", None)
    offer = reply.get_value("offer") if reply is not None and reply.has_field("offer") else None
    if offer is None:
        raise RuntimeError("create-offer gave no offer")
    call(webrtc, "set-local-description", offer)
    if case["type"] == "make-offer":
        result.update(sdp=offer.sdp.as_text(), remote="accepted")
        return result
    status, message = GstSdp.SDPMessage.new_from_text(case["sdp"])
    if status != GstSdp.SDPResult.OK:
        result.update(remote="refused", error=f"GstSdp could not parse the text ({status.value_nick})")
        return result
    try:
        call(webrtc, "set-remote-description",
             GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.ANSWER, message))
        result["remote"] = "accepted"
    except Exception as error:  # webrtcbin's own message
        result.update(remote="refused", error=str(error))
    return result


def one(case):
    result = {"id": case["id"]}
    if case.get("type") in ("make-offer", "answer"):
        pipeline = Gst.Pipeline.new()
        webrtc = Gst.ElementFactory.make("webrtcbin")
        pipeline.add(webrtc)
        pipeline.set_state(Gst.State.READY)
        try:
            return offering(webrtc, result, case)
        except Exception as error:
            result.update(remote="refused", error=str(error))
            return result
        finally:
            pipeline.set_state(Gst.State.NULL)
    status, message = GstSdp.SDPMessage.new_from_text(case["sdp"])
    if status != GstSdp.SDPResult.OK:
        result.update(remote="refused", error=f"GstSdp could not parse the text ({status.value_nick})")
        return result
    pipeline = Gst.Pipeline.new()
    webrtc = Gst.ElementFactory.make("webrtcbin")
    pipeline.add(webrtc)
    pipeline.set_state(Gst.State.READY)
    try:
        offer = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.OFFER, message)
        try:
            call(webrtc, "set-remote-description", offer)
            result["remote"] = "accepted"
        except Exception as error:  # webrtcbin's own message
            result.update(remote="refused", error=str(error))
            return result
        try:
            reply = call(webrtc, "create-answer", None)
            answer = reply.get_value("answer") if reply is not None and reply.has_field("answer") else None
            if answer is None:
                raise RuntimeError("create-answer gave no answer")
            call(webrtc, "set-local-description", answer)
            result["local"] = "accepted"
            if case.get("type") == "make-answer":  # an answer for run.py's answer cases
                result["sdp"] = answer.sdp.as_text()
        except Exception as error:
            result.update(local="refused", localError=str(error))
        return result
    finally:
        pipeline.set_state(Gst.State.NULL)


def main():
    Gst.init(None)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(one(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
