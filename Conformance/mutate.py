"""Systematic mutations of session descriptions, along the SDP grammar.

Each mutation is (kind, detail, text): `kind` names what was changed in general ("remove",
"rtpmap-clock", …) so that results group by cause; `detail` names the line it was done to.
Everything here is deterministic: the same seeds give the same cases in the same order.
"""
import re

CRLF = "\r\n"


def split(text):
    """The lines of a description, without their line ends."""
    return [line for line in re.split(r"\r?\n", text) if line != ""]


def join(lines):
    return "".join(line + CRLF for line in lines)


def prefix(line):
    """A line's kind for grouping: `m=audio`, `a=rtpmap`, `c=`…"""
    if line.startswith("a="):
        return "a=" + re.split(r"[:\s]", line[2:], maxsplit=1)[0]
    if line.startswith("m="):
        return "m=" + line[2:].split(" ", 1)[0]
    return line[:2]


def structural(lines):
    """Whole lines removed, duplicated, and moved past their neighbour."""
    for i, line in enumerate(lines):
        if i > 0:
            yield "remove", prefix(line), join(lines[:i] + lines[i + 1:])
        yield "duplicate", prefix(line), join(lines[:i + 1] + [line] + lines[i + 1:])
        if i + 1 < len(lines) and lines[i + 1] != line and i > 0:
            swapped = lines[:i] + [lines[i + 1], line] + lines[i + 2:]
            yield "swap", prefix(line) + "/" + prefix(lines[i + 1]), join(swapped)


def value_edits(line):
    """The perturbed versions of one line, as (kind, new line or list of lines)."""
    edits = []
    m = re.match(r"a=rtpmap:(\d+) ([^/]+)/(\d+)(/\d+)?$", line)
    if m:
        pt, name, rate, channels = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        edits += [
            ("rtpmap-no-clock", f"a=rtpmap:{pt} {name}"),
            ("rtpmap-clock-zero", f"a=rtpmap:{pt} {name}/0{channels}"),
            ("rtpmap-clock-other", f"a=rtpmap:{pt} {name}/44100{channels}"),
            ("rtpmap-name-upper", f"a=rtpmap:{pt} {name.upper()}/{rate}{channels}"),
            ("rtpmap-pt-large", f"a=rtpmap:200 {name}/{rate}{channels}"),
            ("rtpmap-pt-text", f"a=rtpmap:x{pt} {name}/{rate}{channels}"),
        ]
        if channels:
            edits.append(("rtpmap-no-channels", f"a=rtpmap:{pt} {name}/{rate}"))
            edits.append(("rtpmap-channels-zero", f"a=rtpmap:{pt} {name}/{rate}/0"))
    m = re.match(r"a=fmtp:(\d+) (.*)$", line)
    if m:
        pt, params = m.groups()
        edits += [
            ("fmtp-empty", f"a=fmtp:{pt}"),
            ("fmtp-pt-unknown", f"a=fmtp:199 {params}"),
            ("fmtp-garbage", f"a=fmtp:{pt} {params};;=="),
        ]
        if "apt=" in params:
            edits.append(("fmtp-apt-unknown", f"a=fmtp:{pt} apt=127"))
        if "profile-level-id=" in params:
            edits.append(("fmtp-profile-level-bad", re.sub(r"profile-level-id=\w+", "profile-level-id=zzzzzz", line)))
    m = re.match(r"a=rtcp-fb:(\S+) (.*)$", line)
    if m:
        edits += [("rtcp-fb-pt-unknown", f"a=rtcp-fb:121 {m.group(2)}"), ("rtcp-fb-empty", f"a=rtcp-fb:{m.group(1)}")]
    m = re.match(r"m=(\w+) (\d+) (\S+) (.*)$", line)
    if m:
        media, port, proto, fmts = m.groups()
        edits += [
            ("m-port-zero", f"m={media} 0 {proto} {fmts}"),
            ("m-port-range", f"m={media} 70000 {proto} {fmts}"),
            ("m-port-text", f"m={media} nine {proto} {fmts}"),
            ("m-proto-avp", f"m={media} {port} RTP/AVP {fmts}"),
            ("m-proto-savp", f"m={media} {port} UDP/TLS/RTP/SAVP {fmts}"),
            ("m-proto-unknown", f"m={media} {port} FOO/BAR {fmts}"),
            ("m-media-unknown", f"m=text {port} {proto} {fmts}"),
            ("m-no-formats", f"m={media} {port} {proto}"),
            ("m-format-unmapped", f"m={media} {port} {proto} {fmts} 98"),
        ]
    m = re.match(r"a=mid:(.*)$", line)
    if m:
        edits += [
            ("mid-17", "a=mid:" + "m" * 17),
            ("mid-16", "a=mid:" + "m" * 16),
            ("mid-empty", "a=mid:"),
            ("mid-space", "a=mid:a b"),
        ]
    m = re.match(r"a=group:BUNDLE(.*)$", line)
    if m:
        edits += [
            ("bundle-unknown-mid", line + " zz"),
            ("bundle-empty", "a=group:BUNDLE"),
            ("bundle-first-only", "a=group:BUNDLE" + (" " + m.group(1).split()[0] if m.group(1).split() else "")),
            ("group-lowercase", "a=group:bundle" + m.group(1)),
        ]
    m = re.match(r"a=setup:(\w+)$", line)
    if m:
        edits += [(f"setup-{role}", f"a=setup:{role}") for role in ("active", "passive", "holdconn", "maybe")]
    m = re.match(r"a=fingerprint:(\S+) (\S+)$", line)
    if m:
        algo, value = m.groups()
        edits += [
            ("fingerprint-sha1", f"a=fingerprint:sha-1 {value}"),
            ("fingerprint-sha512", f"a=fingerprint:sha-512 {value}"),
            ("fingerprint-short", f"a=fingerprint:{algo} {value[:-3]}"),
            ("fingerprint-lowercase", f"a=fingerprint:{algo} {value.lower()}"),
            ("fingerprint-upper-algo", f"a=fingerprint:{algo.upper()} {value}"),
            ("fingerprint-no-hash", f"a=fingerprint:{algo}"),
            ("fingerprint-unknown-algo", f"a=fingerprint:sha-999 {value}"),
        ]
    m = re.match(r"a=ice-ufrag:(.*)$", line)
    if m:
        edits += [
            ("ufrag-3", "a=ice-ufrag:abc"),
            ("ufrag-257", "a=ice-ufrag:" + "u" * 257),
            ("ufrag-bad-char", "a=ice-ufrag:ab;cd"),
        ]
    m = re.match(r"a=ice-pwd:(.*)$", line)
    if m:
        edits += [("pwd-21", "a=ice-pwd:" + "p" * 21), ("pwd-257", "a=ice-pwd:" + "p" * 257), ("pwd-22", "a=ice-pwd:" + "p" * 22)]
    m = re.match(r"a=candidate:(\S+) (\d+) (\S+) (\d+) (\S+) (\d+) typ (\S+)(.*)$", line)
    if m:
        f, comp, tr, prio, addr, port, typ, rest = m.groups()
        base = lambda **k: "a=candidate:{f} {comp} {tr} {prio} {addr} {port} typ {typ}{rest}".format(
            **{**dict(f=f, comp=comp, tr=tr, prio=prio, addr=addr, port=port, typ=typ, rest=rest), **k})
        edits += [
            ("candidate-priority-zero", base(prio="0")),
            ("candidate-priority-large", base(prio="4294967296")),
            ("candidate-component-3", base(comp="3")),
            ("candidate-tcp-no-tcptype", base(tr="tcp")),
            ("candidate-type-unknown", base(typ="bogus")),
            ("candidate-address-hostname", base(addr="host.example.com")),
            ("candidate-address-bad", base(addr="999.1.1.1")),
            ("candidate-port-range", base(port="70000")),
            ("candidate-no-rest", f"a=candidate:{f} {comp} {tr} {prio} {addr} {port}"),
        ]
        if typ != "host":
            edits.append(("candidate-no-raddr", f"a=candidate:{f} {comp} {tr} {prio} {addr} {port} typ {typ}"))
    m = re.match(r"a=extmap:(\d+)(/\w+)? (\S+)(.*)$", line)
    if m:
        ident, direction, uri, rest = m.groups()
        direction = direction or ""
        edits += [
            ("extmap-id-zero", f"a=extmap:0{direction} {uri}{rest}"),
            ("extmap-id-15", f"a=extmap:15{direction} {uri}{rest}"),
            ("extmap-id-256", f"a=extmap:256{direction} {uri}{rest}"),
            ("extmap-direction-bad", f"a=extmap:{ident}/sideways {uri}{rest}"),
            ("extmap-uri-missing", f"a=extmap:{ident}"),
        ]
    m = re.match(r"a=sctp-port:(\d+)$", line)
    if m:
        edits += [("sctp-port-zero", "a=sctp-port:0"), ("sctp-port-range", "a=sctp-port:70000")]
    m = re.match(r"a=max-message-size:(\d+)$", line)
    if m:
        edits += [("max-message-size-zero", "a=max-message-size:0"), ("max-message-size-text", "a=max-message-size:x")]
    m = re.match(r"a=(sendrecv|sendonly|recvonly|inactive)$", line)
    if m:
        others = [d for d in ("sendrecv", "sendonly", "recvonly", "inactive") if d != m.group(1)]
        edits += [(f"direction-{d}", f"a={d}") for d in others]
        edits.append(("direction-conflict", [line, "a=" + others[0]]))
    m = re.match(r"a=msid:(\S+)(.*)$", line)
    if m:
        edits += [("msid-extra-token", line + " extra token"), ("msid-empty", "a=msid:")]
    m = re.match(r"a=ssrc:(\d+) (.*)$", line)
    if m:
        edits += [("ssrc-zero", f"a=ssrc:0 {m.group(2)}"), ("ssrc-large", f"a=ssrc:4294967296 {m.group(2)}")]
    m = re.match(r"a=rid:(\S+) (\w+)(.*)$", line)
    if m:
        edits += [("rid-direction-bad", f"a=rid:{m.group(1)} sideways{m.group(3)}"), ("rid-long", "a=rid:" + "r" * 40 + f" {m.group(2)}{m.group(3)}")]
    m = re.match(r"a=simulcast:(.*)$", line)
    if m:
        edits += [("simulcast-unknown-rid", "a=simulcast:send zz"), ("simulcast-empty", "a=simulcast:")]
    m = re.match(r"a=imageattr:(\S+) (.*)$", line)
    if m:
        pt = m.group(1)
        edits += [
            ("imageattr-size-zero", f"a=imageattr:{pt} send [x=0,y=480] recv *"),
            ("imageattr-no-y", f"a=imageattr:{pt} send [x=640] recv *"),
            ("imageattr-direction-twice", f"a=imageattr:{pt} send * send *"),
            ("imageattr-q-large", f"a=imageattr:{pt} recv [x=640,y=480,q=1.5]"),
            ("imageattr-range-falling", f"a=imageattr:{pt} recv [x=[800:480],y=480]"),
            ("imageattr-space-in-set", f"a=imageattr:{pt} recv [x=640, y=480]"),
            ("imageattr-pt-unknown", f"a=imageattr:120 {m.group(2)}"),
            ("imageattr-extension-key", f"a=imageattr:{pt} recv [x=640,y=480,foo=1]"),
        ]
    if re.match(r"a=(rtcp-mux|sendrecv|sendonly|recvonly|rtcp-rsize|extmap-allow-mixed)$", line):
        edits += [("flag-trailing-space", line + " "), ("flag-trailing-tab", line + "\t")]
    m = re.match(r"a=rtcp:(\d+)(.*)$", line)
    if m:
        edits += [("rtcp-port-range", "a=rtcp:70000"), ("rtcp-text", "a=rtcp:x"),
                  ("rtcp-truncated", f"a=rtcp:{m.group(1)} IN IP4"), ("rtcp-nettype", f"a=rtcp:{m.group(1)} XX IP4 192.0.2.1")]
    m = re.match(r"a=rtpmap:(\d+) opus/", line)
    if m:
        edits += [("ptime-zero", [line, "a=ptime:0"]), ("ptime-text", [line, "a=ptime:abc"]),
                  ("fmtp-pt-star", [line, "a=fmtp:* minptime=10"])]
    if line.startswith("a=setup:"):
        edits += [("tls-id-short", [line, "a=tls-id:abc"]), ("attr-no-name", [line, "a=:value"]),
                  ("attr-empty", [line, "a="]), ("attr-space-name", [line, "a=foo bar"])]
    m = re.match(r"c=IN (IP4|IP6) (\S+)$", line)
    if m:
        edits += [("c-multicast-no-ttl", "c=IN IP4 224.2.1.1"), ("c-unicast-ttl", f"c=IN {m.group(1)} {m.group(2)}/127"),
                  ("c-family-ip6", "c=IN IP6 " + (m.group(2) if m.group(1) == "IP4" else "192.0.2.1")),
                  ("c-family-ip4", "c=IN IP4 ::1"), ("b-as-text", [line, "b=AS:abc"]), ("b-ct-text", [line, "b=CT:abc"]),
                  ("b-as-float", [line, "b=AS:1.5"]), ("b-no-colon", [line, "b=AS500"])]
    if line.startswith("t="):
        edits += [("z-without-r", [line, "z=2882844526 -1h"]), ("r-text", [line, "r=abc"])]
    m = re.match(r"a=group:BUNDLE (\S+)(.*)$", line)
    if m:
        edits += [("bundle-repeat-mid", line + " " + m.group(1)), ("bundle-trailing-space", line + " ")]
    m = re.match(r"a=ssrc-group:(\S+) (\S+)", line)
    if m:
        edits += [("ssrc-group-one", f"a=ssrc-group:{m.group(1)} {m.group(2)}"), ("ssrc-group-none", f"a=ssrc-group:{m.group(1)}")]
    m = re.match(r"m=application (\d+) (UDP|TCP)/DTLS/SCTP webrtc-datachannel$", line)
    if m:
        edits += [("sctp-port-format", f"m=application {m.group(1)} {m.group(2)}/DTLS/SCTP 5000"),
                  ("sctp-legacy-proto", f"m=application {m.group(1)} DTLS/SCTP 5000")]
    m = re.match(r"a=ssrc:(\d+) cname:", line)
    if m:
        edits += [("ssrc-cname-no-value", f"a=ssrc:{m.group(1)} cname")]
    m = re.match(r"m=(audio|video) (\d+) (\S+) (.*)$", line)
    if m:
        edits += [("m-port-count", f"m={m.group(1)} {m.group(2)}/2 {m.group(3)} {m.group(4)}"),
                  ("m-proto-lowercase", f"m={m.group(1)} {m.group(2)} {m.group(3).lower()} {m.group(4)}"),
                  ("m-double-space", f"m={m.group(1)}  {m.group(2)} {m.group(3)} {m.group(4)}")]
    if line.startswith("a=candidate:"):
        edits += [("candidate-double-space", line.replace(" ", "  ", 1)), ("candidate-odd-extension", line + " foo")]
    m = re.match(r"a=fmtp:(\d+) apt=\d+", line)
    if m:
        edits += [("fmtp-apt-text", re.sub(r"apt=\d+", "apt=x", line))]
    if line.startswith("a=mid:"):
        edits += [("empty-line-after-mid", [line, ""]), ("non-ascii-label", [line, "a=label:caf\u00e9"])]
    if line.startswith("s="):
        edits += [("s-non-ascii", "s=caf\u00e9")]
    if line.startswith("v="):
        edits += [("v-1", "v=1")]
    m = re.match(r"o=(\S+) (\S+) (\S+) (.*)$", line)
    if m:
        edits += [("o-session-text", f"o={m.group(1)} abc {m.group(3)} {m.group(4)}"), ("o-short", f"o={m.group(1)} {m.group(2)}"),
                  ("o-version-text", f"o={m.group(1)} {m.group(2)} x {m.group(4)}"),
                  ("o-double-space", f"o={m.group(1)}  {m.group(2)} {m.group(3)} {m.group(4)}")]
    if line.startswith("s="):
        edits += [("s-empty", "s="), ("s-space", "s= ")]
    if line.startswith("t="):
        edits += [("t-text", "t=a b")]
    m = re.match(r"c=IN (IP4|IP6) (\S+)$", line)
    if m:
        edits += [("c-addrtype-unknown", f"c=IN IP5 {m.group(2)}"), ("c-address-bad", f"c=IN {m.group(1)} 999.999.0.1"),
                  ("c-nettype-unknown", f"c=XX {m.group(1)} {m.group(2)}")]
    if line == "a=rtcp-mux":
        edits += [("rtcp-mux-value", "a=rtcp-mux:1")]
    m = re.match(r"a=ice-options:(.*)$", line)
    if m:
        edits += [("ice-options-empty", "a=ice-options:"), ("ice-options-unknown", "a=ice-options:foo")]
    # Kinds measured in December 2026 on offers changed by hand (README, "What was measured").
    if line.startswith("v="):
        edits += [("lead-empty-line", ["", line])]
    if line == "a=rtpmap:0 PCMU/8000":
        edits += [("static-pt-renamed", "a=rtpmap:0 PCMA/8000"), ("static-pt-lowercase", "a=rtpmap:0 pcmu/8000")]
    m = re.match(r"m=(audio|video) (\d+) (\S+) (.*)$", line)
    if m:
        edits += [("m-proto-avpf", f"m={m.group(1)} {m.group(2)} RTP/AVPF {m.group(4)}"),
                  ("m-proto-udp", f"m={m.group(1)} {m.group(2)} udp {m.group(4)}"),
                  ("m-proto-rtp-foo", f"m={m.group(1)} {m.group(2)} RTP/FOO {m.group(4)}"),
                  ("pt-rtcp-range", f"{line} 72"), ("pt-reserved", f"{line} 19")]
    if line.startswith("t="):
        edits += [("extmap-session-and-media", [line, "a=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid"])]
    m = re.match(r"a=fmtp:(\d+) (\d+)/(\d+)$", line)
    if m:
        edits += [("red-unknown-pt", f"a=fmtp:{m.group(1)} 127/127")]
    m = re.match(r"a=extmap:\d+ (\S+)$", line)
    if m:
        edits += [("extmap-same-uri-two-ids", [line, f"a=extmap:14 {m.group(1)}"])]
    m = re.match(r"m=application (\d+) (UDP|TCP)/DTLS/SCTP webrtc-datachannel$", line)
    if m:
        edits += [("sctp-legacy-proto-datachannel", f"m=application {m.group(1)} DTLS/SCTP webrtc-datachannel"),
                  ("app-over-savpf", f"m=application {m.group(1)} UDP/TLS/RTP/SAVPF 100")]
    return edits


def mutations(text):
    """Every mutation of one description: structural ones, then value edits line by line."""
    lines = split(text)
    yield from structural(lines)
    for i, line in enumerate(lines):
        for kind, new in value_edits(line):
            new_lines = new if isinstance(new, list) else [new]
            yield kind, prefix(line), join(lines[:i] + new_lines + lines[i + 1:])
