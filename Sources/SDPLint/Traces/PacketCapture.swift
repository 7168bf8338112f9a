public import Capture
import Diagnostics
import SIP
import Signaling

/// SIP signaling in a packet capture (pcap or pcapng, gzip-compressed or not): every SIP
/// message carried over UDP or TCP, framed and reassembled by the Capture module, checked, and
/// grouped into dialogs by Call-ID with each message located by its frame number.
///
/// The capture is read as a stream, packet by packet: memory stays proportional to the SIP
/// signaling it holds, not to the size of the file.
public enum PacketCapture {
    /// Reads the capture `decoder` delivers.
    public static func read(_ decoder: CaptureDecoder, strict: Bool = false) -> TraceCapture {
        var state = Reading(strict: strict)
        while let event = decoder.next() {
            state.handle(event)
        }
        state.finish()
        var diagnostics = state.captureProblems
        let statistics = decoder.statistics
        if state.sipMessages == 0 {
            diagnostics.append(TraceRules.noPeerConnections.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0),
                "the capture holds no SIP message (\(statistics.frames) frames, \(statistics.udpDatagrams) UDP datagrams, \(statistics.tcpSegments) TCP segments)"))
        }
        return TraceCapture(format: "packet capture (\(decoder.reader.format))", traces: state.traces(), diagnostics: diagnostics,
                            source: [], textsChecked: true, embedded: state.embedded)
    }

    /// Opens and reads a capture file; `nil` with the reason when it cannot be opened at all.
    public static func read(path: String, strict: Bool = false) -> Result<TraceCapture, CaptureError> {
        do throws(CaptureError) {
            return .success(read(try CaptureDecoder(path: path), strict: strict))
        } catch {
            return .failure(error)
        }
    }

    /// Reads a capture held in memory.
    public static func read(bytes: [UInt8], strict: Bool = false) -> Result<TraceCapture, CaptureError> {
        do throws(CaptureError) {
            return .success(read(try CaptureDecoder(bytes: bytes), strict: strict))
        } catch {
            return .failure(error)
        }
    }

    /// The walk over a capture's events.
    struct Reading {
        let strict: Bool
        var dialogs = SIPSignaling.Reader()
        /// Where each signaling message came from: frame, time, and flow.
        var origins: [(frame: Int, time: Double, flow: String)] = []
        var embedded: [LintedFile] = []
        var captureProblems: [Diagnostic] = []
        var sipMessages = 0
        /// Per TCP direction: its SIP framing and which frame carried which stream offsets.
        var streams: [Flow: (decoder: SIPStreamDecoder, segments: [(offset: UInt64, frame: Int, time: Timestamp)], base: UInt64)] = [:]

        init(strict: Bool) {
            self.strict = strict
            dialogs = SIPSignaling.Reader(strict: strict)
        }

        var options: SIPParseOptions { strict ? .strict : .lenient }

        mutating func handle(_ event: CaptureEvent) {
            switch event {
            case .udp(let datagram):
                guard Self.looksLikeSIP(datagram.payload) else { return }
                if case .message(let result) = SIPDatagram.decode(datagram.payload, options: options) {
                    accept(result, bytes: datagram.payload, frame: datagram.frame, time: datagram.time, flow: "UDP \(datagram.flow)")
                }
            case .tcpStart(let boundary):
                streams[boundary.flow] = (SIPStreamDecoder(options: options), [], 0)
            case .tcpData(let segment):
                if streams[segment.flow] == nil {
                    // A stream picked up mid-way: frame SIP only from a start line on.
                    guard Self.looksLikeSIP(segment.payload) else { return }
                    streams[segment.flow] = (SIPStreamDecoder(options: options), [], segment.streamOffset)
                }
                guard var stream = streams[segment.flow] else { return }
                stream.segments.append((segment.streamOffset, segment.frame, segment.time))
                stream.decoder.append(segment.payload)
                while let result = stream.decoder.next() {
                    let offset = stream.base + UInt64(max(0, result.streamOffset))
                    let carrier = stream.segments.last { $0.offset <= offset } ?? (offset, segment.frame, segment.time)
                    accept(result, bytes: result.message.serialized(), frame: carrier.frame, time: carrier.time,
                           flow: "TCP \(segment.flow)")
                    stream.segments.removeAll { $0.offset < carrier.offset }
                }
                streams[segment.flow] = stream
            case .tcpGap(let gap):
                captureProblems.append(gap.issue.diagnostic)
            case .tcpEnd(let boundary):
                if var stream = streams.removeValue(forKey: boundary.flow) {
                    for result in stream.decoder.finish() {
                        accept(result, bytes: result.message.serialized(), frame: boundary.frame, time: boundary.time,
                               flow: "TCP \(boundary.flow)")
                    }
                }
            case .issue(let issue):
                captureProblems.append(issue.diagnostic)
            }
        }

        mutating func finish() {
            for (flow, var stream) in streams {
                for result in stream.decoder.finish() {
                    let last = stream.segments.last
                    accept(result, bytes: result.message.serialized(), frame: last?.frame ?? 0,
                           time: last?.time ?? Timestamp(seconds: 0, nanoseconds: 0), flow: "TCP \(flow)")
                }
            }
            streams = [:]
        }

        /// One SIP message: its own findings, then its meaning for its dialog.
        mutating func accept(_ result: SIPParseResult, bytes: [UInt8], frame: Int, time: Timestamp, flow: String) {
            sipMessages += 1
            let context = "frame \(frame) (\(flow))"
            if !result.diagnostics.isEmpty {
                embedded.append(LintedFile(path: "", context: context, source: bytes, diagnostics: result.diagnostics))
            }
            let before = dialogs.messages.count
            let findingsBefore = dialogs.diagnostics.count
            dialogs.read(result.message, at: SourceLocation(line: 1, column: 1, bytes: 0..<min(bytes.count, 1)))
            let milliseconds = Double(time.seconds) * 1000 + Double(time.nanoseconds) / 1_000_000
            for _ in before..<dialogs.messages.count { origins.append((frame, milliseconds, flow)) }
            let findings = Array(dialogs.diagnostics[findingsBefore...])
            if !findings.isEmpty {
                embedded.append(LintedFile(path: "", context: context, source: bytes, diagnostics: findings))
            }
        }

        /// The dialogs, in the order their first message was seen.
        func traces() -> [SignalingTrace] {
            var order: [String] = []
            var events: [String: [SignalingTrace.Event]] = [:]
            for (located, origin) in zip(dialogs.messages, origins) {
                let session = located.value.session ?? ""
                if events[session] == nil { order.append(session) }
                let kind: SignalingTrace.Event.Kind
                var context = "frame \(origin.frame) (\(origin.flow))"
                switch located.value.content {
                case .description(let description):
                    kind = .description(type: description.type, text: description.sdp, applied: true)
                    context += ", SDP body"  // lines count in the body, not the message
                case .candidate(let candidate):
                    kind = .candidate(line: candidate.candidate, mid: candidate.sdpMid, mLineIndex: candidate.sdpMLineIndex.map(Int.init))
                case .endOfCandidates(let end):
                    kind = .endOfCandidates(mid: end.sdpMid)
                case .hangUp(let hangUp):
                    kind = .state(name: "dialog", value: "hang-up" + (hangUp.reason.map { " (\($0))" } ?? ""))
                }
                events[session, default: []].append(SignalingTrace.Event(
                    kind: kind, side: nil, operation: "sip", time: origin.time, context: context))
            }
            return order.map { SignalingTrace(name: $0.isEmpty ? "SIP without Call-ID" : "Call-ID \($0)", events: events[$0] ?? []) }
        }

        /// `SIP/2.0 …` or a request line ending in ` SIP/2.0` (RFC 3261 §7.1), after keep-alive
        /// line breaks; anything else (RTP, STUN, DNS) is not SIP.
        static func looksLikeSIP(_ payload: [UInt8]) -> Bool {
            var start = 0
            while start < payload.count, payload[start] == 0x0D || payload[start] == 0x0A { start += 1 }
            var end = start
            while end < payload.count, end - start < 2048, payload[end] != 0x0D, payload[end] != 0x0A { end += 1 }
            let line = payload[start..<end]
            return line.starts(with: Array("SIP/2.0 ".utf8)) || (line.count > 8 && line.suffix(8).elementsEqual(" SIP/2.0".utf8))
        }
    }
}
