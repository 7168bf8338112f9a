package import SDPLintCapture
package import SDPLintDiagnostics
import SDPLintSIP
import SDPLintSignaling

/// SIP signaling in a packet capture (pcap or pcapng, gzip-compressed or not): every SIP
/// message carried over UDP or TCP, framed and reassembled by the Capture module, checked, and
/// grouped into dialogs by Call-ID with each message located by its frame number.
///
/// The capture is read as a stream, packet by packet: memory stays proportional to the SIP
/// signaling it holds, not to the size of the file.
package enum PacketCapture {
    /// Reads the capture `decoder` delivers, keeping every dialog.
    package static func read(_ decoder: some CaptureEventSource, strict: Bool = false) -> InputDocument {
        var traces: [SignalingTrace] = []
        var embedded: [LintedFile] = []
        let diagnostics = stream(
            decoder, strict: strict, trace: { traces.append($0) }, embedded: { embedded.append($0) })
        return InputDocument(
            format: format(decoder), traces: traces, diagnostics: diagnostics, source: [], textsChecked: true,
            embedded: embedded)
    }

    /// Reads the capture `decoder` delivers and hands over each dialog as soon as it ends (its
    /// BYE or CANCEL; the others when the capture does) and each SIP message's findings as soon
    /// as it is read, so that memory does not grow with the capture.
    ///
    /// - Returns: The findings about the capture itself: unreadable records, TCP gaps, no SIP.
    package static func stream(
        _ decoder: some CaptureEventSource, strict: Bool = false,
        trace: (SignalingTrace) -> Void, embedded: (LintedFile) -> Void
    ) -> [Diagnostic] {
        var state = Reading(strict: strict)
        while let event = decoder.next() {
            state.handle(event)
            state.deliver(trace: trace, embedded: embedded)
        }
        state.finish()
        state.deliver(trace: trace, embedded: embedded, all: true)
        var diagnostics = state.captureProblems
        if state.sipMessages == 0 {
            diagnostics.append(
                TraceRules.noPeerConnections.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<0),
                    "the capture holds no SIP message (\(decoder.contents))"))
        }
        return diagnostics
    }

    static func format(_ decoder: some CaptureEventSource) -> String { "packet capture (\(decoder.formatName))" }

    /// Reads a capture held in memory.
    package static func read(bytes: [UInt8], strict: Bool = false) -> Result<InputDocument, CaptureError> {
        do throws(CaptureError) {
            return .success(read(try CaptureDecoder(bytes: bytes), strict: strict))
        } catch {
            return .failure(error)
        }
    }

    /// The walk over a capture's events.
    package struct Reading {
        let strict: Bool
        var dialogs = SIPSignaling.Reader()
        /// The events of each dialog still open, by session, and the order dialogs began.
        var open: [String: [SignalingTrace.Event]] = [:]
        var order: [String] = []
        /// Dialogs that ended, in the order they began, waiting to be handed over.
        var ended: [SignalingTrace] = []
        /// Dialogs that are ending — hung up, or a transaction without signaling (OPTIONS,
        /// REGISTER) answered — by when they end (capture milliseconds). Messages of the
        /// ending transactions (the 200 to a BYE, a retransmission, an ACK to a 487) still come,
        /// for up to 32 s, Timer F and H of RFC 3261 §17.1.2.2 and §17.2.1.
        var ending: [String: Double] = [:]
        static let lingering: Double = 32_000
        /// The earliest time in ``ending``, to look through the dialogs only when one ends.
        var nextEnd = Double.infinity
        var embedded: [LintedFile] = []
        var captureProblems: [Diagnostic] = []
        var sipMessages = 0
        /// Per TCP direction: its SIP framing and which frame carried which stream offsets.
        var streams:
            [Flow: (decoder: SIPStreamDecoder, segments: [(offset: UInt64, frame: Int, time: Timestamp)], base: UInt64)] =
                [:]

        init(strict: Bool) {
            self.strict = strict
            dialogs = SIPSignaling.Reader(strict: strict)
        }

        /// Hands over the findings read so far and the dialogs that ended (all of them at the end).
        mutating func deliver(
            trace: (SignalingTrace) -> Void, embedded deliverEmbedded: (LintedFile) -> Void, all: Bool = false
        ) {
            for file in embedded { deliverEmbedded(file) }
            embedded = []
            if all { end { _ in true } }
            for finished in ended { trace(finished) }
            ended = []
        }

        /// Moves the dialogs `isOver` picks from the open ones to ``ended``, in the order they began.
        mutating func end(_ isOver: (String) -> Bool) {
            var still: [String] = []
            for session in order {
                guard isOver(session) else {
                    still.append(session)
                    continue
                }
                let events = open.removeValue(forKey: session) ?? []
                ended.append(
                    SignalingTrace(name: SignalingMessages.traceName(session, format: .sip), events: events)
                )
                ending[session] = nil
                dialogs.end(session: session)
            }
            order = still
            nextEnd = ending.values.min() ?? .infinity
        }

        var options: SIPParseOptions { strict ? .strict : .lenient }

        mutating func handle(_ event: CaptureEvent) {
            switch event {
            case .udp(let datagram):
                guard Self.looksLikeSIP(datagram.payload) else { return }
                if case .message(let result) = SIPDatagram.decode(datagram.payload, options: options) {
                    accept(
                        result, bytes: datagram.payload, frame: datagram.frame, time: datagram.time,
                        flow: datagram.flow, transport: "UDP")
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
                    accept(
                        result, bytes: result.message.serialized(), frame: carrier.frame, time: carrier.time,
                        flow: segment.flow, transport: "TCP")
                    stream.segments.removeAll { $0.offset < carrier.offset }
                }
                streams[segment.flow] = stream
            case .tcpGap(let gap):
                captureProblems.append(gap.issue.diagnostic)
            case .tcpEnd(let boundary):
                if var stream = streams.removeValue(forKey: boundary.flow) {
                    for result in stream.decoder.finish() {
                        accept(
                            result, bytes: result.message.serialized(), frame: boundary.frame, time: boundary.time,
                            flow: boundary.flow, transport: "TCP")
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
                    accept(
                        result, bytes: result.message.serialized(), frame: last?.frame ?? 0,
                        time: last?.time ?? Timestamp(seconds: 0, nanoseconds: 0), flow: flow, transport: "TCP")
                }
            }
            streams = [:]
        }

        /// One SIP message: its own findings, then its meaning for its dialog, and its place in
        /// the dialog's call flow.
        mutating func accept(
            _ result: SIPParseResult, bytes: [UInt8], frame: Int, time: Timestamp, flow: Flow, transport: String
        ) {
            sipMessages += 1
            let context = "frame \(frame) (\(transport) \(flow))"
            if !result.diagnostics.isEmpty {
                embedded.append(LintedFile(path: "", context: context, source: bytes, diagnostics: result.diagnostics))
            }
            dialogs.read(result.message, at: SourceLocation(line: 1, column: 1, bytes: 0..<min(bytes.count, 1)))
            let (messages, wires, findings) = dialogs.take()
            if !findings.isEmpty {
                embedded.append(LintedFile(path: "", context: context, source: bytes, diagnostics: findings))
            }
            let milliseconds = Double(time.seconds) * 1000 + Double(time.nanoseconds) / 1_000_000
            // Dialogs whose last transactions are over by now end before this message is placed:
            // a new transaction with the same Call-ID much later begins a new trace.
            if nextEnd < milliseconds {
                let (now, deadlines) = (milliseconds, ending)
                end { session in deadlines[session].map { $0 < now } ?? false }
            }
            // In a capture the parties are the addresses the packet went between.
            var wire = wires.first?.value
            wire?.sender = flow.sourceEndpoint
            wire?.receiver = flow.destinationEndpoint
            wire?.number = frame
            wire?.line = nil
            let session = wire?.session ?? messages.first?.value.session ?? ""
            if open[session] == nil {
                open[session] = []
                order.append(session)
            }
            if messages.isEmpty {
                open[session, default: []].append(
                    SignalingTrace.Event(
                        kind: .wire, side: nil, operation: wire?.label ?? "sip", time: milliseconds, context: context,
                        wire: wire))
            }
            for located in messages {
                var eventContext = context
                let kind = SignalingTrace.Event.Kind(located.value.content)
                switch located.value.content {
                case .description: eventContext += ", SDP body"  // lines count in the body, not the message
                case .hangUp: ending[session] = milliseconds + Self.lingering
                default: break
                }
                open[session, default: []].append(
                    SignalingTrace.Event(
                        kind: kind, side: nil, operation: wire?.label ?? "sip", time: milliseconds,
                        context: eventContext, wire: wire))
            }
            // A transaction that carried no signaling (OPTIONS, REGISTER, MESSAGE) ends with its
            // final response, unless its dialog carried some.
            if let code = result.message.statusCode, code >= 200, result.message.cseq?.method != .invite,
                ending[session] == nil,
                open[session]?.allSatisfy({ if case .wire = $0.kind { true } else { false } }) ?? false
            {
                ending[session] = milliseconds + Self.lingering
            }
            nextEnd = min(nextEnd, ending[session] ?? .infinity)
        }

        /// `SIP/2.0 …` or a request line ending in ` SIP/2.0` (RFC 3261 §7.1), after keep-alive
        /// line breaks; anything else (RTP, STUN, DNS) is not SIP.
        package static func looksLikeSIP(_ payload: [UInt8]) -> Bool {
            var start = 0
            while start < payload.count, payload[start] == 0x0D || payload[start] == 0x0A { start += 1 }
            var end = start
            while end < payload.count, end - start < 2048, payload[end] != 0x0D, payload[end] != 0x0A { end += 1 }
            let line = payload[start..<end]
            return line.starts(with: Array("SIP/2.0 ".utf8))
                || (line.count > 8 && line.suffix(8).elementsEqual(" SIP/2.0".utf8))
        }
    }
}
