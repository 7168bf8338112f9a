#!/usr/bin/env python3
"""Writes the hand-made offer/answer fixtures of this folder.

Each rule OAnnn of the OfferAnswer module gets a pair (or, for OA6xx, a sequence) where it
fires, OAnnn.fires.*, and a near-identical one where it does not, OAnnn.passes.*. They are
small edits of two templates below: a WebRTC audio+video offer and answer, a data channel
offer and answer, and a SIP audio call. Run `python3 make-fixtures.py` in this folder.
"""
import os
import re

FP_OFFER = "sha-256 " + ":".join(["AA"] * 32)
FP_ANSWER = "sha-256 " + ":".join(["BB"] * 32)


def session(origin, group="0 1", extra=()):
    lines = ["v=0", f"o={origin}", "s=-", "t=0 0"]
    if group is not None:
        lines.append(f"a=group:BUNDLE {group}")
    lines += list(extra)
    lines.append("a=msid-semantic: WMS stream")
    return lines


def transport(ufrag, pwd, fingerprint, setup, trickle=True):
    lines = ["c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", f"a=ice-ufrag:{ufrag}", f"a=ice-pwd:{pwd}"]
    if trickle:
        lines.append("a=ice-options:trickle")
    lines += [f"a=fingerprint:{fingerprint}", f"a=setup:{setup}"]
    return lines


def audio(side, port=9, mid="0", direction="sendrecv", setup=None):
    o = side == "offer"
    ufrag, pwd = ("offr", "offerpassword0123456789") if o else ("answ", "answerpassword012345678")
    ssrc = "1111" if o else "4444"
    lines = [f"m=audio {port} UDP/TLS/RTP/SAVPF 111 110 126"]
    lines += transport(ufrag, pwd, FP_OFFER if o else FP_ANSWER, setup or ("actpass" if o else "active"))
    lines += [f"a=mid:{mid}",
              "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
              "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
              f"a={direction}",
              "a=msid:stream audiotrack",
              "a=rtcp-mux", "a=rtcp-rsize",
              "a=rtpmap:111 opus/48000/2", "a=rtcp-fb:111 transport-cc", "a=fmtp:111 minptime=10;useinbandfec=1",
              "a=rtpmap:110 telephone-event/48000", "a=rtpmap:126 telephone-event/8000",
              f"a=ssrc:{ssrc} cname:{side}cname", f"a=ssrc:{ssrc} msid:stream audiotrack"]
    return lines


def video(side, port=9, mid="1", direction="sendrecv", setup=None):
    o = side == "offer"
    ufrag, pwd = ("offr", "offerpassword0123456789") if o else ("answ", "answerpassword012345678")
    main, rtx = ("2222", "3333") if o else ("5555", "6666")
    lines = [f"m=video {port} UDP/TLS/RTP/SAVPF 96 97"]
    lines += transport(ufrag, pwd, FP_OFFER if o else FP_ANSWER, setup or ("actpass" if o else "active"))
    lines += [f"a=mid:{mid}",
              "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
              "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
              f"a={direction}",
              "a=msid:stream videotrack",
              "a=rtcp-mux", "a=rtcp-rsize",
              "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
              "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
              f"a=ssrc-group:FID {main} {rtx}",
              f"a=ssrc:{main} cname:{side}cname", f"a=ssrc:{rtx} cname:{side}cname"]
    return lines


def datachannel(side, legacy=False):
    o = side == "offer"
    ufrag, pwd = ("offr", "offerpassword0123456789") if o else ("answ", "answerpassword012345678")
    lines = ["m=application 9 DTLS/SCTP 5000" if legacy else "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
             "c=IN IP4 0.0.0.0", f"a=ice-ufrag:{ufrag}", f"a=ice-pwd:{pwd}", "a=ice-options:trickle",
             f"a=fingerprint:{FP_OFFER if o else FP_ANSWER}", f"a=setup:{'actpass' if o else 'active'}", "a=mid:0"]
    lines += ["a=sctpmap:5000 webrtc-datachannel 1024"] if legacy else ["a=sctp-port:5000"]
    lines.append("a=max-message-size:262144")
    return lines


OFFER_ORIGIN = "- 1000 2 IN IP4 127.0.0.1"
ANSWER_ORIGIN = "- 2000 2 IN IP4 127.0.0.1"


def webrtc(side, version=2, group="0 1", extra=(), a=None, v=None):
    origin = (OFFER_ORIGIN if side == "offer" else ANSWER_ORIGIN).replace(" 2 IN", f" {version} IN")
    return session(origin, group, extra) + (a if a is not None else audio(side)) + (v if v is not None else video(side))


def dc(side, legacy=False):
    origin = OFFER_ORIGIN if side == "offer" else ANSWER_ORIGIN
    return session(origin, "0") + datachannel(side, legacy)


def sip(side, savp=False, ice=False, suite="AES_CM_128_HMAC_SHA1_80", tag=1):
    lines = ["v=0", f"o={'alice 53655765 2353687637' if side == 'offer' else 'bob 88121 1'} IN IP4 127.0.0.1",
             "s=-", "c=IN IP4 127.0.0.1", "t=0 0"]
    if ice:
        lines += [f"a=ice-ufrag:{'e5810c88' if side == 'offer' else 'f00dcafe'}",
                  f"a=ice-pwd:{'e701d1463d6374fbca7e5126' if side == 'offer' else '0123456789abcdef01234567'}"]
    lines += [f"m=audio {7078 if side == 'offer' else 6000} {'RTP/SAVP' if savp else 'RTP/AVP'} 0 8",
              "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000"]
    if savp:
        if side == "offer":
            lines += ["a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:7KeuakBBJryi+D9I0G3EAGa4tSQ6aB2Srn1/Q8nI",
                      "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:j/6rxrm+Oc4mHIqi26CWtqVaIOZ+L3kV+4NykmfA"]
        else:
            lines += [f"a=crypto:{tag} {suite} inline:as3hO6WGlrx4kFEj8o6BNRASnlGQYVOuXK080f4J"]
    if ice:
        lines += [f"a=candidate:1 1 UDP 2130706303 127.0.0.1 {7078 if side == 'offer' else 6000} typ host"]
    return lines


def edit(lines, *pairs):
    """Replaces whole lines: edit(lines, (old, new), …); new None removes the line."""
    result = list(lines)
    for old, new in pairs:
        if old not in result:
            raise SystemExit(f"no line {old!r}")
        i = result.index(old)
        if new is None:
            del result[i]
        elif isinstance(new, list):
            result[i:i + 1] = new
        else:
            result[i] = new
    return result


def drop(lines, *prefixes):
    return [line for line in lines if not any(line.startswith(p) for p in prefixes)]


def h264(side, mode="1", plid="42e01f", asymmetry=False):
    lines = video(side)
    fmtp = ("level-asymmetry-allowed=1;" if asymmetry else "") + f"packetization-mode={mode};profile-level-id={plid}"
    return edit(lines, ("m=video 9 UDP/TLS/RTP/SAVPF 96 97", "m=video 9 UDP/TLS/RTP/SAVPF 102 97"),
                ("a=rtpmap:96 VP8/90000", ["a=rtpmap:102 H264/90000", f"a=fmtp:102 {fmtp}"]),
                ("a=rtcp-fb:96 nack", "a=rtcp-fb:102 nack"), ("a=rtcp-fb:96 nack pli", "a=rtcp-fb:102 nack pli"),
                ("a=fmtp:97 apt=96", "a=fmtp:97 apt=102"))


def simulcast(side, value, rids):
    return video(side) + [f"a=rid:{rid}" for rid in rids] + ([f"a=simulcast:{value}"] if value else [])


OFFER = webrtc("offer")
ANSWER = webrtc("answer")
CASES = {}


def case(code, fires, passes):
    CASES[code] = {"fires": fires, "passes": passes}


# OA1xx sections and directions
case("OA100", (OFFER, ["HTTP/1.1 500 Internal Server Error", "", "no session here"]), (OFFER, ANSWER))
case("OA101", (OFFER, session(ANSWER_ORIGIN, "0") + audio("answer")),
     (OFFER, session(ANSWER_ORIGIN, "0") + audio("answer") + video("answer", port=0)))
case("OA102", (OFFER, session(ANSWER_ORIGIN, "1 0") + video("answer") + audio("answer")), (OFFER, ANSWER))
case("OA103", (sip("offer", savp=True), edit(sip("answer", savp=True), ("m=audio 6000 RTP/SAVP 0 8", "m=audio 6000 RTP/AVP 0 8"))),
     (sip("offer", savp=True), sip("answer", savp=True)))
case("OA104", (OFFER, webrtc("answer", v=video("answer", port=0))), (OFFER, ANSWER))
case("OA105", (webrtc("offer", group="0", v=video("offer", port=0, direction="inactive")), webrtc("answer", group="0", v=video("answer", direction="inactive"))),
     (webrtc("offer", group="0", v=video("offer", port=0, direction="inactive")), webrtc("answer", group="0", v=video("answer", port=0, direction="inactive"))))
case("OA106", (OFFER, webrtc("answer", group="audio 1", a=audio("answer", mid="audio"))), (OFFER, ANSWER))
case("OA107", (OFFER, OFFER), (OFFER, ANSWER))
case("OA115", (OFFER, webrtc("answer", group="0", v=video("answer", port=0, mid="video"))),
     (OFFER, webrtc("answer", group="0", v=video("answer", port=0))))
case("OA116", (dc("offer"), edit(dc("answer"), ("m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "m=application 9 UDP/TLS/RTP/SAVPF 100"))),
     (dc("offer"), dc("answer")))
case("OA108", (OFFER, edit(ANSWER, ("a=rtcp-rsize", ["a=rtcp-rsize", "this line is not SDP"]))), (OFFER, ANSWER))
case("OA109", (OFFER, edit(ANSWER, ("o=" + ANSWER_ORIGIN, "o=" + OFFER_ORIGIN))), (OFFER, ANSWER))
case("OA110", (webrtc("offer", a=audio("offer", direction="sendonly")), webrtc("answer", a=audio("answer", direction="sendonly"))),
     (webrtc("offer", a=audio("offer", direction="sendonly")), webrtc("answer", a=audio("answer", direction="recvonly"))))
case("OA111", (OFFER, webrtc("answer", a=audio("answer", direction="recvonly"))), (OFFER, ANSWER))
case("OA112", (OFFER, webrtc("answer", group="0", v=video("answer", mid="0"))), (OFFER, ANSWER))
# An answerer without the grouping framework: no a=mid, no a=group (RFC 8843 §18.2).
case("OA113", (sip("offer") + ["a=mid:0"], sip("answer")), (sip("offer") + ["a=mid:0"], sip("answer") + ["a=mid:0"]))
# An answerer that uses a=mid, less one section's.
case("OA114", (OFFER, webrtc("answer", group="0", v=drop(video("answer"), "a=mid:"))), (OFFER, ANSWER))

# OA2xx codecs
only_vp9 = edit(video("answer"), ("m=video 9 UDP/TLS/RTP/SAVPF 96 97", "m=video 9 UDP/TLS/RTP/SAVPF 98"),
                ("a=rtpmap:96 VP8/90000", "a=rtpmap:98 VP9/90000"), ("a=rtcp-fb:96 nack", "a=rtcp-fb:98 nack"),
                ("a=rtcp-fb:96 nack pli", None), ("a=rtpmap:97 rtx/90000", None), ("a=fmtp:97 apt=96", None),
                ("a=ssrc-group:FID 5555 6666", None), ("a=ssrc:6666 cname:answercname", None))
case("OA200", (OFFER, webrtc("answer", v=only_vp9)), (OFFER, ANSWER))
case("OA201", (OFFER, webrtc("answer", a=edit(audio("answer"), ("m=audio 9 UDP/TLS/RTP/SAVPF 111 110 126", "m=audio 9 UDP/TLS/RTP/SAVPF 111 9 110 126"),
                                               ("a=rtpmap:110 telephone-event/48000", ["a=rtpmap:9 G722/8000", "a=rtpmap:110 telephone-event/48000"])))),
     (OFFER, ANSWER))
case("OA202", (OFFER, webrtc("answer", v=edit(video("answer"), ("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP9/90000")))), (OFFER, ANSWER))
case("OA203", (OFFER, webrtc("answer", a=edit(audio("answer"), ("m=audio 9 UDP/TLS/RTP/SAVPF 111 110 126", "m=audio 9 UDP/TLS/RTP/SAVPF 109 110 126"),
                                               ("a=rtpmap:111 opus/48000/2", "a=rtpmap:109 opus/48000/2"), ("a=rtcp-fb:111 transport-cc", "a=rtcp-fb:109 transport-cc"),
                                               ("a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:109 minptime=10;useinbandfec=1")))),
     (OFFER, ANSWER))
case("OA204", (webrtc("offer", v=h264("offer")), webrtc("answer", v=h264("answer", mode="0"))),
     (webrtc("offer", v=h264("offer")), webrtc("answer", v=h264("answer"))))
case("OA205", (webrtc("offer", v=h264("offer")), webrtc("answer", v=h264("answer", plid="42e028"))),
     (webrtc("offer", v=h264("offer", asymmetry=True)), webrtc("answer", v=h264("answer", plid="42e028", asymmetry=True))))
case("OA206", (OFFER, webrtc("answer", v=edit(video("answer"), ("a=fmtp:97 apt=96", "a=fmtp:97 apt=98")))), (OFFER, ANSWER))
red_offer = edit(audio("offer"), ("m=audio 9 UDP/TLS/RTP/SAVPF 111 110 126", "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 110 126"),
                 ("a=rtpmap:110 telephone-event/48000", ["a=rtpmap:63 red/48000/2", "a=fmtp:63 111/111", "a=rtpmap:110 telephone-event/48000"]))
red_answer = lambda carried: edit(audio("answer"), ("m=audio 9 UDP/TLS/RTP/SAVPF 111 110 126", "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 110 126"),
                                  ("a=rtpmap:110 telephone-event/48000", ["a=rtpmap:63 red/48000/2", f"a=fmtp:63 {carried}", "a=rtpmap:110 telephone-event/48000"]))
case("OA207", (webrtc("offer", a=red_offer), webrtc("answer", a=red_answer("109/109"))), (webrtc("offer", a=red_offer), webrtc("answer", a=red_answer("111/111"))))
case("OA208", (OFFER, webrtc("answer", v=edit(video("answer"), ("a=rtpmap:96 VP8/90000", None)))), (OFFER, ANSWER))
av1_offer = edit(video("offer"), ("m=video 9 UDP/TLS/RTP/SAVPF 96 97", "m=video 9 UDP/TLS/RTP/SAVPF 45 96 97"),
                 ("a=rtpmap:96 VP8/90000", ["a=rtpmap:45 AV1/90000", "a=rtcp-fb:45 nack", "a=rtcp-fb:45 nack pli", "a=rtpmap:96 VP8/90000"]))
av1_answer = edit(video("answer"), ("m=video 9 UDP/TLS/RTP/SAVPF 96 97", "m=video 9 UDP/TLS/RTP/SAVPF 45 96 97"),
                  ("a=rtpmap:96 VP8/90000", ["a=rtpmap:45 AV1/90000", "a=rtcp-fb:45 nack", "a=rtcp-fb:45 nack pli", "a=rtpmap:96 VP8/90000"]))
case("OA209", (webrtc("offer", v=av1_offer), ANSWER), (webrtc("offer", v=av1_offer), webrtc("answer", v=av1_answer)))
case("OA210", (OFFER, webrtc("answer", a=edit(audio("answer"), ("m=audio 9 UDP/TLS/RTP/SAVPF 111 110 126", "m=audio 9 UDP/TLS/RTP/SAVPF 111 126"),
                                               ("a=rtpmap:110 telephone-event/48000", None)))),
     (OFFER, ANSWER))
collide = lambda side: edit(video(side), ("m=video 9 UDP/TLS/RTP/SAVPF 96 97", "m=video 9 UDP/TLS/RTP/SAVPF 111 97"),
                            ("a=rtpmap:96 VP8/90000", "a=rtpmap:111 VP8/90000"), ("a=rtcp-fb:96 nack", "a=rtcp-fb:111 nack"),
                            ("a=rtcp-fb:96 nack pli", "a=rtcp-fb:111 nack pli"), ("a=fmtp:97 apt=96", "a=fmtp:97 apt=111"))
case("OA211", (webrtc("offer", v=collide("offer")), webrtc("answer", v=collide("answer"))), (OFFER, ANSWER))
case("OA212", (webrtc("offer", a=edit(audio("offer"), ("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 OPUS/48000"))), ANSWER), (OFFER, ANSWER))

# OA3xx transport
case("OA300", (OFFER, drop(ANSWER, "a=ice-ufrag", "a=ice-pwd")), (OFFER, ANSWER))
case("OA301", (webrtc("offer", extra=["a=ice-lite"]), webrtc("answer", extra=["a=ice-lite"])), (OFFER, webrtc("answer", extra=["a=ice-lite"])))
case("OA302", (OFFER, drop(ANSWER, "a=ice-options")), (OFFER, ANSWER))
case("OA303", (sip("offer", ice=True), sip("answer")), (sip("offer", ice=True), sip("answer", ice=True)))
case("OA304", (OFFER, drop(ANSWER, "a=fingerprint")), (OFFER, ANSWER))
case("OA305", (OFFER, [line.replace("a=fingerprint:" + FP_ANSWER, "a=fingerprint:md5 " + ":".join(["BB"] * 16)) for line in ANSWER]), (OFFER, ANSWER))
case("OA306", (drop(OFFER, "a=setup"), ANSWER), (OFFER, ANSWER))
case("OA307", (webrtc("offer", a=audio("offer", setup="active"), v=video("offer", setup="active")), ANSWER),
     (webrtc("offer", a=audio("offer", setup="active"), v=video("offer", setup="active")),
      webrtc("answer", a=audio("answer", setup="passive"), v=video("answer", setup="passive"))))
case("OA308", (OFFER, webrtc("answer", v=edit(video("answer"), ("a=ice-ufrag:answ", "a=ice-ufrag:othr")))), (OFFER, ANSWER))
case("OA309", (webrtc("offer", group="0"), ANSWER), (webrtc("offer", group="0"), webrtc("answer", group="0")))
case("OA310", (OFFER, webrtc("answer", group="0")), (OFFER, ANSWER))
bundle_only = edit(video("offer", port=0), ("a=mid:1", ["a=bundle-only", "a=mid:1"]))
case("OA311", (webrtc("offer", v=bundle_only), webrtc("answer", group="0")), (webrtc("offer", v=bundle_only), ANSWER))
case("OA312", (OFFER, webrtc("answer", group="1 0")), (OFFER, ANSWER))
case("OA313", (OFFER, webrtc("answer", v=video("answer", port=0))), (OFFER, webrtc("answer", group="0", v=video("answer", port=0))))
case("OA314", (sip("offer", savp=True), sip("answer", savp=True, suite="AES_256_CM_HMAC_SHA1_80")), (sip("offer", savp=True), sip("answer", savp=True)))

# OA4xx RTP features
case("OA400", (OFFER, webrtc("answer", v=edit(video("answer"), ("a=rtcp-fb:96 nack pli", ["a=rtcp-fb:96 nack pli", "a=rtcp-fb:96 ccm fir"])))), (OFFER, ANSWER))
case("OA401", (OFFER, webrtc("answer", v=drop(video("answer"), "a=rtcp-fb:96 nack"))), (OFFER, ANSWER))
case("OA402", (OFFER, webrtc("answer", a=edit(audio("answer"), ("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
                                                              ["a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:5 urn:ietf:params:rtp-hdrext:toffset"])))),
     (OFFER, ANSWER))
case("OA403", (OFFER, webrtc("answer", a=edit(audio("answer"), ("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid")))), (OFFER, ANSWER))
id_collision = lambda side: edit(video(side), ("a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time", "a=extmap:1 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"))
case("OA404", (webrtc("offer", v=id_collision("offer")), webrtc("answer", v=id_collision("answer"))), (OFFER, ANSWER))
case("OA405", (OFFER, webrtc("answer", extra=["a=extmap-allow-mixed"])), (webrtc("offer", extra=["a=extmap-allow-mixed"]), webrtc("answer", extra=["a=extmap-allow-mixed"])))
mux_only = edit(audio("offer"), ("a=rtcp-mux", ["a=rtcp-mux", "a=rtcp-mux-only"]))
case("OA406", (webrtc("offer", a=mux_only), webrtc("answer", a=drop(audio("answer"), "a=rtcp-mux"))), (webrtc("offer", a=mux_only), ANSWER))
# The passing answer enables rtcp-mux only in the section of its BUNDLE tag, as RFC 9143 §7.1.3 has it.
case("OA407", (OFFER, drop(ANSWER, "a=rtcp-mux")), (OFFER, webrtc("answer", v=drop(video("answer"), "a=rtcp-mux"))))
case("OA408", (drop(OFFER, "a=rtcp-rsize"), ANSWER), (drop(OFFER, "a=rtcp-rsize"), drop(ANSWER, "a=rtcp-rsize")))
sim_offer = webrtc("offer", v=simulcast("offer", "send h;l", ["h send", "l send"]))
case("OA409", (sim_offer, webrtc("answer", v=simulcast("answer", "send h;l", ["h send", "l send"]))),
     (sim_offer, webrtc("answer", v=simulcast("answer", "recv h;l", ["h recv", "l recv"]))))
case("OA410", (sim_offer, webrtc("answer", v=simulcast("answer", "recv h;m;l", ["h recv", "m recv", "l recv"]))),
     (sim_offer, webrtc("answer", v=simulcast("answer", "recv h;l", ["h recv", "l recv"]))))
case("OA411", (webrtc("offer", v=simulcast("offer", "send h;l", ["h send pt=98", "l send"])), webrtc("answer", v=simulcast("answer", "recv h;l", ["h recv", "l recv"]))),
     (webrtc("offer", v=simulcast("offer", "send h;l", ["h send pt=96", "l send"])), webrtc("answer", v=simulcast("answer", "recv h;l", ["h recv", "l recv"]))))
case("OA412", (sim_offer, ANSWER), (sim_offer, webrtc("answer", v=simulcast("answer", "recv h;l", ["h recv", "l recv"]))))
case("OA413", (OFFER, webrtc("answer", v=drop(video("answer"), "a=ssrc:6666"))), (OFFER, ANSWER))
case("OA414", (OFFER, webrtc("answer", a=edit(audio("answer"), ("a=ssrc:4444 msid:stream audiotrack", "a=ssrc:4444 msid:other audiotrack")))), (OFFER, ANSWER))
case("OA416", (OFFER, webrtc("answer", a=edit(audio("answer"), ("a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level", "a=extmap:1 urn:ietf:params:rtp-hdrext:toffset")))),
     (OFFER, ANSWER))
case("OA415", (OFFER, webrtc("answer", v=[line.replace("5555", "4444") for line in video("answer")])), (OFFER, ANSWER))

# OA5xx SCTP
case("OA500", (dc("offer"), drop(dc("answer"), "a=sctp-port")), (dc("offer"), dc("answer")))
case("OA501", (dc("offer", legacy=True), dc("answer")), (dc("offer", legacy=True), dc("answer", legacy=True)))
case("OA502", (dc("offer"), drop(dc("answer"), "a=max-message-size")), (dc("offer"), dc("answer")))
case("OA503", (dc("offer"), edit(dc("answer"), ("m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "m=application 9 UDP/DTLS/SCTP other-app"))),
     (dc("offer"), dc("answer")))


# OA6xx renegotiation: sequences of (offer, answer) steps; step 2 puts audio on hold unless
# a case says otherwise, so that something changes and the versions must grow.
def step2(offer=None, answer=None):
    return (offer or webrtc("offer", 3, a=audio("offer", direction="sendonly")),
            answer or webrtc("answer", 3, a=audio("answer", direction="recvonly")))


def bump(lines, old, new):
    return [line.replace(old, new) if line.startswith("o=") else line for line in lines]


STEP1 = (OFFER, ANSWER)
sequences = {}
sequences["OA600"] = ([STEP1, step2(offer=bump(webrtc("offer", 3, a=audio("offer", direction="sendonly")), "- 1000 ", "- 1001 "))], [STEP1, step2()])
sequences["OA601"] = ([STEP1, step2(offer=webrtc("offer", 2, a=audio("offer", direction="sendonly")))], [STEP1, step2()])
sequences["OA602"] = ([STEP1, step2(offer=session("- 1000 3 IN IP4 127.0.0.1", "0") + audio("offer", direction="sendonly"),
                                    answer=session("- 2000 3 IN IP4 127.0.0.1", "0") + audio("answer", direction="recvonly"))],
                      [STEP1, step2(offer=webrtc("offer", 3, group="0", a=audio("offer", direction="sendonly"), v=video("offer", port=0, direction="inactive")),
                                    answer=webrtc("answer", 3, group="0", a=audio("answer", direction="recvonly"), v=video("answer", port=0, direction="inactive")))])
sequences["OA603"] = ([STEP1, step2(offer=webrtc("offer", 3, group="a 1", a=audio("offer", mid="a", direction="sendonly")),
                                    answer=webrtc("answer", 3, group="a 1", a=audio("answer", mid="a", direction="recvonly")))], [STEP1, step2()])
stopped = (webrtc("offer", 3, group="0", v=video("offer", port=0, direction="inactive")), webrtc("answer", 3, group="0", v=video("answer", port=0, direction="inactive")))
sequences["OA604"] = ([STEP1, stopped, (webrtc("offer", 4), webrtc("answer", 4))],
                      [STEP1, stopped, (webrtc("offer", 4, group="0 2", v=video("offer", mid="2")), webrtc("answer", 4, group="0 2", v=video("answer", mid="2")))])
rebound = lambda side: edit(video(side), ("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP9/90000"))
sequences["OA605"] = ([STEP1, step2(offer=webrtc("offer", 3, a=audio("offer", direction="sendonly"), v=rebound("offer")),
                                    answer=webrtc("answer", 3, a=audio("answer", direction="recvonly"), v=rebound("answer")))], [STEP1, step2()])
sequences["OA606"] = ([STEP1, step2(answer=webrtc("answer", 3, a=audio("answer", direction="recvonly", setup="passive"), v=video("answer", setup="passive")))], [STEP1, step2()])
restart = lambda lines, side: [line.replace("offr" if side == "offer" else "answ", "new1" if side == "offer" else "new2")
                               .replace("offerpassword0123456789", "restartpassword01234567").replace("answerpassword012345678", "restartanswerpassword01") for line in lines]
sequences["OA607"] = ([STEP1, step2(offer=restart(webrtc("offer", 3, a=audio("offer", direction="sendonly")), "offer"),
                                    answer=restart(webrtc("answer", 3, a=audio("answer", direction="recvonly")), "answer"))], [STEP1, step2()])
sequences["OA608"] = ([STEP1, step2(offer=[line.replace("a=ice-ufrag:offr", "a=ice-ufrag:new1") for line in webrtc("offer", 3, a=audio("offer", direction="sendonly"))])],
                      [STEP1, step2()])
sequences["OA609"] = ([STEP1, step2(offer=restart(webrtc("offer", 3, a=audio("offer", direction="sendonly")), "offer"))],
                      [STEP1, step2(offer=restart(webrtc("offer", 3, a=audio("offer", direction="sendonly")), "offer"),
                                    answer=restart(webrtc("answer", 3, a=audio("answer", direction="recvonly")), "answer"))])
sequences["OA610"] = ([STEP1, (step2()[0], None)], [STEP1, step2()])


def write(name, lines):
    with open(name, "w", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def main():
    for old in os.listdir("."):
        if re.match(r"OA\d\d\d\.", old):
            os.remove(old)
    for code, variants in CASES.items():
        for variant, (offer, answer) in variants.items():
            write(f"{code}.{variant}.offer.sdp", offer)
            write(f"{code}.{variant}.answer.sdp", answer)
    for code, (fires, passes) in sequences.items():
        for variant, steps in (("fires", fires), ("passes", passes)):
            for number, (offer, answer) in enumerate(steps, 1):
                write(f"{code}.{variant}.{number}.offer.sdp", offer)
                if answer is not None:
                    write(f"{code}.{variant}.{number}.answer.sdp", answer)


main()
