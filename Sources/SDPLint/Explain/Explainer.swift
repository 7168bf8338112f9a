public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintInput
public import SDPLintReporting
public import SDPLintSDP
import SDPLintWebRTC

/// `sdplint explain`: every line of a description in plain words — which section it belongs
/// to, what the field means, and its values decoded (codecs, fmtp parameters, header
/// extensions, candidates, DTLS roles, …). What people otherwise look up line by line.
public enum Explainer {
    /// One line and what it means.
    public typealias Line = ExplainedLine

    /// The explanation of a checked text when it is a session description (`v=` first), for
    /// reports that show the text.
    public static func explanations(of file: LintedFile) -> [Line]? {
        guard file.text.bytes.starts(with: Array("v=".utf8)) else { return nil }
        return explain(file.text.bytes)
    }

    public static func explain(_ source: [UInt8]) -> [Line] {
        explain(SessionDescription.parse(bytes: source))
    }

    /// Every line of a parsed description, in order.
    public static func explain(_ result: ParseResult<SessionDescription>) -> [Line] {
        let session = result.value
        let source = result.source
        var lines: [Line] = []
        var sectionIndex: Int?
        var attributeIndex = 0
        for number in 1...source.lineCount {
            // A final line ending does not start a line of its own.
            if number == source.lineCount && source.range(ofLine: number)?.isEmpty == true { break }
            let text = String(decoding: source.bytes(ofLine: number), as: UTF8.self)
            if text.hasPrefix("m=") {
                sectionIndex = (sectionIndex ?? -1) + 1
                attributeIndex = 0
            }
            let media = sectionIndex.flatMap { session.media.indices.contains($0) ? session.media[$0] : nil }
            let sectionName =
                media.map { "media \(sectionIndex ?? 0) (\($0.media)\($0.mid.map { ", mid \($0)" } ?? ""))" }
                ?? "session"
            var explanation: String
            if text.hasPrefix("a=") {
                let attribute = (sectionIndex == nil ? session.attributes : media?.attributes ?? []).dropFirst(
                    attributeIndex
                ).first
                attributeIndex += 1
                explanation = attribute.map { explainAttribute($0, media: media) } ?? "An attribute."
            } else {
                explanation = explainField(text, session: session, media: media)
            }
            let findings = result.diagnostics.filter { $0.location.line == number }
            for finding in findings {
                explanation += " ⚠ \(finding.severity.label)[\(finding.code)]: \(finding.message)."
            }
            lines.append(Line(number: number, text: text, section: sectionName, explanation: explanation))
        }
        return lines
    }

    // MARK: Fields

    static func explainField(_ text: String, session: SessionDescription, media: MediaDescription?) -> String {
        guard text.count >= 2, text.dropFirst().first == "=" else {
            return text.isEmpty
                ? "An empty line; SDP has none, and strict receivers reject the description." : "Not an SDP line."
        }
        let value = String(text.dropFirst(2))
        switch text.first {
        case "v": return "Protocol version \(value); 0 is the only one (RFC 8866 §5.1)."
        case "o":
            let origin = session.origin
            let user = origin.username == "-" ? "no user name (\"-\")" : "user \(origin.username)"
            return
                "Origin (RFC 8866 §5.2): \(user), session id \(origin.sessionID), version \(origin.sessionVersion) (raised on every change of the description, RFC 3264 §8), created at \(origin.addressType == .ip6 ? "IPv6" : "IPv4") address \(origin.address)."
        case "s":
            return value == "-" || value == " "
                ? "Session name: none (\"\(value)\" is the placeholder for an unnamed session)."
                : "Session name: \(value)."
        case "i": return "Information about the \(media == nil ? "session" : "media section"): \(value)."
        case "u": return "A URI with more information about the session."
        case "e": return "The e-mail address of the person responsible."
        case "p": return "The phone number of the person responsible."
        case "c":
            if value.hasSuffix(" 0.0.0.0") || value.hasSuffix(" ::") {
                return
                    """
                    Connection address \(value): a placeholder; with ICE the real addresses are in the candidates \
                    (JSEP §5.2.1).
                    """
            }
            return
                "Connection (RFC 8866 §5.7): media is sent to \(value.split(separator: " ").last.map(String.init) ?? value)."
        case "b":
            let parts = value.split(separator: ":", maxSplits: 1)
            let kind = parts.first.map(String.init) ?? ""
            let amount = parts.count > 1 ? String(parts[1]) : "?"
            let meaning =
                switch kind.uppercased() {
                case "AS":
                    "\(amount) kbit/s at most for this \(media == nil ? "session" : "stream") (application specific, RFC 8866 §5.8)"
                case "TIAS": "\(amount) bit/s at most, not counting IP/UDP/RTP overhead (RFC 3890)"
                case "CT": "\(amount) kbit/s for the whole conference (RFC 8866 §5.8)"
                case "RS": "\(amount) bit/s of RTCP for senders (RFC 3556)"
                case "RR": "\(amount) bit/s of RTCP for receivers (RFC 3556)"
                default: "bandwidth type \(kind), which receivers ignore"
                }
            return "Bandwidth: \(meaning)."
        case "t":
            return value == "0 0"
                ? "Timing: the session is unbounded (start and stop 0), as WebRTC always says."
                : "Timing: start and stop times in NTP seconds (RFC 8866 §5.9)."
        case "r": return "Repeat times of the session (RFC 8866 §5.10)."
        case "z": return "Time zone adjustments for the repeat times (RFC 8866 §5.11)."
        case "k": return "An encryption key line: obsolete, receivers ignore it (RFC 8866 §5.12)."
        case "m":
            guard let media else { return "A media section." }
            var parts: [String] = []
            let kind = media.media.rawValue.prefix(1).uppercased() + media.media.rawValue.dropFirst()
            if media.port == 0 {
                parts.append(
                    media.has(.bundleOnly)
                        ? """
                        \(kind) section with port 0 and a=bundle-only: it uses the transport of its BUNDLE group \
                        (RFC 9143 §6)
                        """
                        : "\(kind) section rejected or stopped (port 0, RFC 3264 §6)")
            } else if media.port < 0 {
                parts.append("\(kind) on a port that is not a number (see the finding on this line)")
            } else if media.port == 9 {
                parts.append(
                    "\(kind) on port 9, the placeholder JSEP uses; the real ports come from the ICE candidates")
            } else {
                parts.append("\(kind) on port \(media.port)")
            }
            parts.append("over \(describe(media.proto))")
            if media.proto.isRTP {
                let codecs = media.codecs.map { "\($0.payloadType) \($0.name.isEmpty ? "?" : $0.name)" }
                parts.append("payload types in order of preference: \(codecs.joined(separator: ", "))")
            } else {
                parts.append("formats \(media.formats.joined(separator: " "))")
            }
            return parts.joined(separator: "; ") + "."
        default:
            return "A line of type \(text.prefix(1)), which SDP does not define; receivers ignore it."
        }
    }

    static func describe(_ proto: MediaDescription.TransportProtocol) -> String {
        switch proto.rawValue.uppercased() {
        case "UDP/TLS/RTP/SAVPF": "DTLS-SRTP over UDP with RTCP feedback, what WebRTC uses (RFC 5764, RFC 5124)"
        case "UDP/TLS/RTP/SAVP": "DTLS-SRTP over UDP (RFC 5764)"
        case "TCP/DTLS/RTP/SAVPF": "DTLS-SRTP over TCP with RTCP feedback (RFC 7850)"
        case "UDP/DTLS/SCTP": "SCTP over DTLS over UDP: WebRTC data channels (RFC 8841)"
        case "TCP/DTLS/SCTP": "SCTP over DTLS over TCP: data channels (RFC 8841)"
        case "DTLS/SCTP": "SCTP over DTLS, the pre-RFC 8841 data channel form"
        case "RTP/AVP": "plain RTP (RFC 3551), unencrypted"
        case "RTP/AVPF": "plain RTP with RTCP feedback (RFC 4585), unencrypted"
        case "RTP/SAVP": "SRTP (RFC 3711), keys usually from a=crypto (SDES)"
        case "RTP/SAVPF": "SRTP with RTCP feedback (RFC 5124)"
        case "UDPTL": "UDPTL, for T.38 fax"
        default: "transport \(proto)"
        }
    }

    // MARK: Attributes

    /// One imageattr set in words: "800×640 (q=0.6)" or "320–640 (step 16)×240–480".
    private static func imageSet(_ set: ImageAttr.ImageSet) -> String {
        func pixels(_ range: ImageAttr.PixelRange) -> String {
            switch range {
            case .value(let value): "\(value)"
            case .values(let values): values.map(String.init).joined(separator: "/")
            case .range(let min, let step, let max): "\(min)–\(max)" + (step.map { " (step \($0))" } ?? "")
            }
        }
        let parameters =
            set.parameters.isEmpty ? "" : " (" + set.parameters.map(\.description).joined(separator: ", ") + ")"
        return pixels(set.x) + "×" + pixels(set.y) + parameters
    }

    static func explainAttribute(_ attribute: Attribute, media: MediaDescription?) -> String {
        let value = attribute.value ?? ""
        switch attribute.name {
        case .rtpmap:
            guard let map = attribute.as(RTPMap.self) else { return "Payload type mapping (malformed)." }
            var text = "Payload type \(map.payloadType) is \(map.encodingName) at \(map.clockRate) Hz"
            if let channels = map.channels { text += ", \(channels) channel\(channels == 1 ? "" : "s")" }
            return text + (codecNote(map.encodingName).map { " — \($0)" } ?? "") + "."
        case .fmtp:
            guard let fmtp = attribute.as(FMTP.self) else { return "Format parameters (malformed)." }
            let name = fmtp.payloadType.flatMap { pt in media?.codecs.first { $0.payloadType == pt }?.name } ?? ""
            return "Parameters of payload type \(fmtp.format)\(name.isEmpty ? "" : " (\(name))"): "
                + explainFMTP(fmtp, codec: name) + "."
        case .rtcpFeedback:
            guard let feedback = attribute.as(RTCPFeedback.self) else { return "RTCP feedback (malformed)." }
            let target = feedback.isWildcard ? "every payload type" : "payload type \(feedback.format)"
            return "RTCP feedback for \(target): " + feedbackMeaning(feedback) + "."
        case .extmap:
            guard let map = attribute.as(ExtMap.self) else { return "Header extension mapping (malformed)." }
            // RFC 8285 §7: a direction is this side's, and without one the stream's applies.
            let direction: String
            switch map.direction {
            case nil: direction = ""
            case .sendonly: direction = ", sent only (sendonly)"
            case .recvonly: direction = ", received only (recvonly)"
            case .sendrecv: direction = ", sent and received (sendrecv)"
            case .inactive: direction = ", neither sent nor received for now (inactive)"
            }
            return "RTP header extension id \(map.id) (RFC 8285)\(direction): \(HeaderExtensions.describe(map.uri))."
        case .extmapAllowMixed:
            return "One-byte and two-byte header extensions may be mixed in one packet (RFC 8285 §6)."
        case .mid:
            return
                """
                Identification tag \(value): names this section for BUNDLE and the RTP MID header extension (RFC \
                5888, RFC 9143).
                """
        case .group:
            guard let group = attribute.as(Group.self) else { return "Grouping (malformed)." }
            if group.semantics == .bundle {
                return group.mids.isEmpty
                    ? "BUNDLE with no sections (an offer with nothing to bundle yet)."
                    : "BUNDLE: sections \(group.mids.joined(separator: ", ")) share one transport; \(group.mids[0]) is the tagged section whose ICE/DTLS parameters apply (RFC 9143)."
            }
            return "Group \(group.semantics) of sections \(group.mids.joined(separator: ", ")) (RFC 5888)."
        case .msid:
            let msid = attribute.as(MSID.self)
            return
                "The track \(msid?.trackID ?? "?") of MediaStream \(msid?.streamID == "-" ? "(none)" : msid?.streamID ?? "?") is sent in this section (RFC 8830)."
        case .msidSemantic:
            return "Legacy list of the MediaStreams in this description (WMS); kept for older receivers."
        case .ssrc:
            guard let ssrc = attribute.as(SSRC.self) else { return "Source attribute (malformed)." }
            let meaning =
                switch ssrc.attribute {
                case "cname":
                    "canonical name \(ssrc.value ?? ""), which ties the sources of one endpoint together for lip sync (RFC 3550 §6.5.1)"
                case "msid": "belongs to MediaStream and track \(ssrc.value ?? "")"
                default: "\(ssrc.attribute) \(ssrc.value ?? "")"
                }
            return "RTP source \(ssrc.id): \(meaning) (RFC 5576)."
        case .ssrcGroup:
            guard let group = attribute.as(SSRCGroup.self) else { return "Source group (malformed)." }
            let meaning =
                switch group.semantics.uppercased() {
                case "FID":
                    "\(group.ssrcs.dropFirst().map(String.init).joined(separator: ", ")) retransmits or repairs \(group.ssrcs.first.map(String.init) ?? "?") (RTX, RFC 4588)"
                case "SIM":
                    "sources \(group.ssrcs.map(String.init).joined(separator: ", ")) are simulcast layers of one track"
                case "FEC-FR", "FEC":
                    "\(group.ssrcs.dropFirst().map(String.init).joined(separator: ", ")) protects \(group.ssrcs.first.map(String.init) ?? "?") with forward error correction"
                default: "sources \(group.ssrcs.map(String.init).joined(separator: ", ")) grouped as \(group.semantics)"
                }
            return "Source group: \(meaning)."
        case .iceUfrag:
            return
                """
                ICE username fragment \(value): the first half of the STUN username the peer must use in its \
                connectivity checks (RFC 8839 §5.4).
                """
        case .icePwd: return "ICE password, which keys the STUN message integrity of the checks (RFC 8839 §5.4)."
        case .iceOptions:
            let options = attribute.as(ICEOptions.self)?.options.map(\.description) ?? []
            return "ICE options: "
                + options.map { option in
                    switch option {
                    case "trickle": "trickle (candidates may arrive after the description, RFC 8838)"
                    case "ice2": "ice2 (RFC 8445 semantics)"
                    case "renomination": "renomination (the controlling side may change the selected pair)"
                    default: option
                    }
                }.joined(separator: ", ") + "."
        case .iceLite:
            return
                """
                This side is an ICE lite agent: it only answers checks and never sends any (RFC 8445 §2.5); \
                typical of servers.
                """
        case .endOfCandidates: return "No more candidates will be sent for this section (RFC 8840 §8)."
        case .candidate:
            guard let candidate = attribute.as(Candidate.self) else { return "ICE candidate (malformed)." }
            return explainCandidate(candidate)
        case .fingerprint:
            guard let fingerprint = attribute.as(Fingerprint.self) else { return "DTLS fingerprint (malformed)." }
            return
                """
                The DTLS certificate must hash to this \(fingerprint.hashFunction) value; the handshake is \
                rejected otherwise (RFC 8122).
                """
        case .setup:
            let meaning =
                switch attribute.as(Setup.self) {
                case .actpass:
                    """
                    either side may open the DTLS connection; the answerer will choose (what an offer says, RFC \
                    8842 §5.2)
                    """
                case .active: "this side opens the DTLS connection (sends the ClientHello)"
                case .passive: "this side waits for the peer to open the DTLS connection"
                case .holdconn: "no connection for now (hold)"
                case nil: "malformed"
                }
            return "DTLS role: \(meaning)."
        case .tlsID: return "Identifies the DTLS association; a new value means a new handshake (RFC 8842 §5)."
        case .rtcp:
            return
                "RTCP goes to port \(value.split(separator: " ").first ?? "")\(value.contains(" ") ? " at the given address" : "") (RFC 3605); with rtcp-mux this is the RTP port anyway."
        case .rtcpMux: return "RTP and RTCP share one port (RFC 5761); required for BUNDLE."
        case .rtcpMuxOnly: return "RTCP will only be multiplexed: no separate RTCP port is offered (RFC 8858)."
        case .rtcpReducedSize: return "Reduced-size RTCP packets (feedback without a report) are allowed (RFC 5506)."
        case .rtcpXR:
            return
                """
                RTCP extended reports: \(value) (RFC 3611); rcvr-rtt=all asks for round-trip time reports from \
                receivers.
                """
        case .sendrecv, .sendonly, .recvonly, .inactive:
            let direction = attribute.name.direction ?? .sendrecv
            let scope = media == nil ? "for every section without its own direction" : "in this section"
            return switch direction {
            case .sendrecv: "This side sends and receives \(scope)."
            case .sendonly: "This side only sends \(scope)."
            case .recvonly: "This side only receives \(scope)."
            case .inactive: "This side neither sends nor receives \(scope)."
            }
        case .ptime: return "\(value) ms of audio per packet (RFC 8866 §6.4)."
        case .maxptime: return "At most \(value) ms of audio per packet (RFC 8866 §6.5)."
        case .framerate: return "At most \(value) frames per second (RFC 8866 §6.17)."
        case .rid:
            guard let rid = attribute.as(RID.self) else { return "RTP stream id (malformed)." }
            var text = "RTP stream '\(rid.id)' is \(rid.direction == .send ? "sent" : "received")"
            if !rid.payloadTypes.isEmpty { text += " with payload types \(rid.payloadTypes.joined(separator: ", "))" }
            if !rid.restrictions.isEmpty {
                text += ", restricted to " + rid.restrictions.map(\.description).joined(separator: ", ")
            }
            return text + " (RFC 8851)."
        case .simulcast:
            guard let simulcast = attribute.as(Simulcast.self) else { return "Simulcast (malformed)." }
            func list(_ streams: [Simulcast.Alternatives]) -> String {
                streams.map { $0.map { $0.isPaused ? "\($0.rid) (paused)" : $0.rid }.joined(separator: " or ") }.joined(
                    separator: ", ")
            }
            var parts: [String] = []
            if let send = simulcast.send {
                parts.append("sends \(send.count) simulcast stream\(send.count == 1 ? "" : "s"): \(list(send))")
            }
            if let receive = simulcast.receive { parts.append("receives \(receive.count): \(list(receive))") }
            return "Simulcast: this side " + parts.joined(separator: " and ") + " (RFC 8853)."
        case .bundleOnly:
            return
                """
                Use this section only if BUNDLE is accepted; the port 0 makes non-BUNDLE answerers reject it (RFC \
                9143 §6).
                """
        case .sctpPort: return "SCTP port \(value) of the data channel association (RFC 8841 §5)."
        case .maxMessageSize:
            return value == "0"
                ? "Messages of any size are accepted (RFC 8841 §6)."
                : "Data channel messages up to \(value) bytes are accepted (RFC 8841 §6)."
        case .sctpmap: return "Legacy SCTP description (port, application, streams) from before RFC 8841."
        case .crypto:
            let suite = attribute.as(Crypto.self)?.suite ?? "?"
            return
                """
                SDES-SRTP key for crypto suite \(suite) — the key travels in the SDP itself, readable by every \
                signaling hop (RFC 4568).
                """
        case .label: return "Label \(value) for this stream (RFC 4574)."
        case .content: return "Content of this stream: \(value) (RFC 4796)."
        case .identity: return "A WebRTC identity assertion binding the DTLS fingerprint to a user (RFC 8827)."
        case .tool: return "The software that made this description: \(value)."
        case .imageattr:
            guard let imageattr = attribute.as(ImageAttr.self) else { return "Preferred image sizes (malformed)." }
            func sizes(_ preference: ImageAttr.Preference) -> String {
                switch preference {
                case .any: return "any size"
                case .sets(let sets): return sets.map(imageSet).joined(separator: " or ")
                }
            }
            var parts: [String] = []
            if let send = imageattr.send { parts.append("sends " + sizes(send)) }
            if let receive = imageattr.receive { parts.append("prefers to receive " + sizes(receive)) }
            let target = imageattr.payloadType.map { "payload type \($0)" } ?? "every payload type"
            return "Image sizes for \(target): this side " + parts.joined(separator: " and ") + " (RFC 6236)."
        default:
            return attribute.name.rawValue.hasPrefix("x-")
                ? "Vendor attribute \(attribute.name.rawValue); receivers that do not know it ignore it."
                : """
                Attribute \(attribute.name.rawValue), which sdplint does not describe; receivers that do not know \
                it ignore it.
                """
        }
    }

    static func codecNote(_ name: String) -> String? {
        switch name.lowercased() {
        case "opus": "the WebRTC audio codec (RFC 7587)"
        case "red": "redundant encoding: each packet repeats earlier frames (RFC 2198)"
        case "rtx": "retransmission stream (RFC 4588); its fmtp apt= names the codec it repairs"
        case "ulpfec": "forward error correction (RFC 5109)"
        case "flexfec-03": "flexible forward error correction (RFC 8627)"
        case "telephone-event": "DTMF digits as events (RFC 4733)"
        case "cn": "comfort noise (RFC 3389)"
        case "pcmu": "G.711 µ-law"
        case "pcma": "G.711 A-law"
        case "g722": "wideband G.722 (its RTP clock is 8000 Hz though it samples at 16000, RFC 3551 §4.5.2)"
        case "vp8": "VP8 video (RFC 7741)"
        case "vp9": "VP9 video (RFC 9628)"
        case "av1": "AV1 video (AOM RTP payload format)"
        case "h264": "H.264 video (RFC 6184)"
        case "h265": "H.265/HEVC video (RFC 7798)"
        default: nil
        }
    }

    static func explainFMTP(_ fmtp: FMTP, codec: String) -> String {
        switch codec.lowercased() {
        case "rtx":
            return fmtp[parameter: "apt"].map { "repairs payload type \($0)" } ?? fmtp.parameterText
        case "red" where !fmtp.parameterText.contains("="):
            return
                "each packet carries payload types \(fmtp.parameterText.split(separator: "/").joined(separator: " then "))"
        case "telephone-event":
            return "supports events \(fmtp.parameterText) (0-15 are the DTMF digits 0-9, *, #, A-D)"
        default:
            break
        }
        return fmtp.parameters.map { parameter in
            let value = parameter.value ?? ""
            switch parameter.name.lowercased() {
            case "profile-level-id" where codec.lowercased() == "h264":
                return "profile-level-id=\(value) (\(H264ProfileLevelID(value)?.summary ?? "not six hex digits"))"
            case "packetization-mode":
                return
                    "packetization-mode=\(value) (\(value == "1" ? "non-interleaved: NAL units may be fragmented or aggregated" : value == "0" ? "single NAL unit per packet" : "interleaved"))"
            case "level-asymmetry-allowed":
                return
                    "level-asymmetry-allowed=\(value) (\(value == "1" ? "each side may send at the level the other can decode" : "levels must match"))"
            case "minptime": return "minptime=\(value) (packets carry at least \(value) ms)"
            case "useinbandfec":
                return
                    "useinbandfec=\(value) (\(value == "1" ? "in-band forward error correction wanted" : "no in-band FEC"))"
            case "usedtx":
                return
                    "usedtx=\(value) (\(value == "1" ? "discontinuous transmission: silence is not sent" : "continuous transmission"))"
            case "stereo": return "stereo=\(value) (\(value == "1" ? "stereo wanted" : "mono wanted"))"
            case "sprop-stereo":
                return "sprop-stereo=\(value) (the sender \(value == "1" ? "may send" : "sends no") stereo)"
            case "maxaveragebitrate": return "maxaveragebitrate=\(value) (at most \(value) bit/s on average)"
            case "maxplaybackrate": return "maxplaybackrate=\(value) (no use sending above \(value) Hz)"
            case "profile-id": return "profile-id=\(value) (VP9 profile \(value))"
            case "profile" where codec.lowercased() == "av1":
                return
                    "profile=\(value) (AV1 \(value == "0" ? "Main" : value == "1" ? "High" : value == "2" ? "Professional" : "profile \(value)"))"
            case "level-idx": return "level-idx=\(value) (AV1 level index)"
            case "tier": return "tier=\(value) (AV1 \(value == "1" ? "High" : "Main") tier)"
            case "max-fs": return "max-fs=\(value) (at most \(value) macroblocks per frame)"
            case "max-fr": return "max-fr=\(value) (at most \(value) frames per second)"
            case "x-google-max-bitrate", "x-google-min-bitrate", "x-google-start-bitrate":
                return "\(parameter.name)=\(value) (libwebrtc bitrate hint, kbit/s)"
            default: return parameter.description
            }
        }.joined(separator: "; ")
    }

    static func feedbackMeaning(_ feedback: RTCPFeedback) -> String {
        switch (feedback.type.lowercased(), feedback.parameter?.lowercased()) {
        case ("nack", nil): "generic NACK — the receiver asks for lost packets to be retransmitted (RFC 4585 §6.2.1)"
        case ("nack", "pli"): "picture loss indication — the receiver asks for a new key frame (RFC 4585 §6.3.1)"
        case ("nack", "sli"): "slice loss indication (RFC 4585 §6.3.2)"
        case ("ccm", "fir"): "full intra request — ask for a key frame (RFC 5104 §3.5.1)"
        case ("ccm", "tmmbr"): "temporary maximum media bitrate request (RFC 5104)"
        case ("goog-remb", _):
            "receiver-estimated maximum bitrate, Google's congestion control feedback (draft-alvestrand-rmcat-remb)"
        case ("transport-cc", _):
            "transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions)"
        case ("trr-int", let interval?): "regular RTCP reports at least \(interval) ms apart (RFC 4585 §3.6.3)"
        case ("ack", let parameter): "positive acknowledgements\(parameter.map { " (\($0))" } ?? "") (RFC 4585)"
        default: "\(feedback.type)\(feedback.parameter.map { " \($0)" } ?? "")"
        }
    }

    static func explainCandidate(_ candidate: Candidate) -> String {
        let kind =
            switch candidate.kind {
            case .host: "host candidate (an address of the machine itself)"
            case .serverReflexive: "server-reflexive candidate (the public address a STUN server saw)"
            case .peerReflexive: "peer-reflexive candidate (learned from a connectivity check)"
            case .relay: "relay candidate (an address on a TURN server)"
            default: "\(candidate.kind) candidate"
            }
        var text =
            "ICE \(kind): \(candidate.transport.spelling.uppercased()) \(candidate.address.text):\(candidate.port), component \(candidate.componentID) (\(candidate.componentID == 1 ? "RTP" : "RTCP"))"
        if candidate.address.kind == .mdns { text += ", the address hidden behind an mDNS .local name" }
        if let tcpType = candidate.tcpType { text += ", TCP \(tcpType)" }
        text +=
            """
            ; priority \(candidate.priority) = type preference \(candidate.typePreference), local preference \
            \(candidate.localPreference) (RFC 8445 §5.1.2)
            """
        if let address = candidate.relatedAddress {
            text += "; based on \(address.text):\(candidate.relatedPort.map(String.init) ?? "?")"
        }
        return text + "."
    }
}

/// What the RTP header extensions browsers negotiate are for.
enum HeaderExtensions {
    static func describe(_ uri: String) -> String {
        switch uri {
        case "urn:ietf:params:rtp-hdrext:ssrc-audio-level":
            "audio level of each packet, so a mixer can find who speaks without decoding (RFC 6464)"
        case "urn:ietf:params:rtp-hdrext:csrc-audio-level": "audio levels of the mixed sources (RFC 6465)"
        case "urn:ietf:params:rtp-hdrext:toffset": "transmission time offset (RFC 5450)"
        case "urn:ietf:params:rtp-hdrext:sdes:mid":
            "the mid of the section a packet belongs to, for BUNDLE demultiplexing (RFC 9143)"
        case "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id":
            "the rid of the simulcast stream a packet belongs to (RFC 8852)"
        case "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id":
            "the rid of the stream a repair packet repairs (RFC 8852)"
        case "urn:3gpp:video-orientation": "camera orientation, so the receiver can rotate the picture (3GPP TS 26.114)"
        case "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time":
            "absolute send time, for receive-side bandwidth estimation (REMB)"
        case "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01":
            "transport-wide sequence numbers for transport-cc congestion control"
        case "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay": "bounds on the receiver's playout delay"
        case "http://www.webrtc.org/experiments/rtp-hdrext/video-content-type":
            "whether the video is a camera or a screen share"
        case "http://www.webrtc.org/experiments/rtp-hdrext/video-timing":
            "timing of the frame through the sender's pipeline"
        case "http://www.webrtc.org/experiments/rtp-hdrext/color-space": "the colour space of HDR video"
        case "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time":
            "capture time of the media, for end-to-end delay"
        case "http://www.webrtc.org/experiments/rtp-hdrext/video-layers-allocation00":
            "the layers a simulcast/SVC sender is sending"
        case "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension":
            "the AV1 dependency descriptor, which lets an SFU forward SVC layers without decoding"
        case "http://www.webrtc.org/experiments/rtp-hdrext/inband-cn": "in-band comfort noise"
        default: uri
        }
    }
}
