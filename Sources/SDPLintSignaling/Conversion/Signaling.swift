public import SDPLintDiagnostics
internal import SDPLintICE
public import SDPLintJSON
public import SDPLintSDP
public import SDPLintSIP

/// The formats signaling messages are read from and written to.
public enum SignalingFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// JSON as WebRTC applications send it: `RTCSessionDescriptionInit`, `RTCIceCandidateInit`
    /// and the WebSocket envelope shapes; one text, an array, or NDJSON. Reading also takes our
    /// envelope.
    case json
    /// Our versioned envelope (Schemas/sdplint-signaling.schema.json), which carries the whole
    /// model; written as NDJSON, one message a line.
    case envelope
    /// SIP messages (RFC 3261), one after another, framed by Content-Length.
    case sip
    /// WHIP/WHEP HTTP/1.1 messages (RFC 9725, draft-ietf-wish-whep), one after another.
    case whip
    /// A bare session description; several are written one after another, each from `v=0`.
    case sdp
    /// An RFC 8840 SDP fragment (`application/trickle-ice-sdpfrag`).
    case sdpfrag

    public var description: String { rawValue }
}

/// Reads signaling messages from any supported format and writes them to any other.
///
/// ```swift
/// let (messages, diagnostics) = Signaling.read(bytes, name: "call.json")
/// for diagnostic in diagnostics { print("call.json:\(diagnostic)") }
/// let (sip, dropped) = Signaling.write(messages.map(\.value), as: .sip)
/// for item in dropped { print("not carried: \(item)") }  // #3 sdpMLineIndex: an SDP fragment names …
/// ```
public enum Signaling {
    /// Limits and strictness of every reader.
    public struct ReadOptions: Sendable, Hashable {
        public var json: JSONParseOptions
        public var sip: SIPParseOptions
        public var http: HTTPParseOptions
        public var strict: Bool

        public init(
            json: JSONParseOptions = .lenient, sip: SIPParseOptions = .lenient, http: HTTPParseOptions = .default,
            strict: Bool = false
        ) {
            self.json = json
            self.sip = sip
            self.http = http
            self.strict = strict
        }

        public static let `default` = ReadOptions()
    }

    /// What writers need that the model does not say.
    public struct WriteOptions: Sendable, Hashable {
        public var whip: WHIPSignaling.BuildOptions
        public init(whip: WHIPSignaling.BuildOptions = WHIPSignaling.BuildOptions()) { self.whip = whip }
    }

    /// Reads every signaling message of `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - name: The file name, used only to guess the format from its extension when the
    ///     content does not decide (`.sdpfrag`).
    ///   - format: The format, or `nil` to detect it: `{` or `[` is JSON, an HTTP/1.x start line
    ///     HTTP, a SIP start line SIP, `v=` SDP, `a=` or `m=` an SDP fragment.
    ///   - options: Limits and strictness.
    /// - Returns: The messages in input order (SIP: grouped per Call-ID), each where it was read,
    ///   and every finding; `SIG500` when the format cannot be told, `SIG501` when nothing in
    ///   the input is a signaling message.
    /// - Complexity: O(n) in the size of the input.
    public static func read(
        _ bytes: [UInt8], name: String = "", format: SignalingFormat? = nil,
        options: ReadOptions = .default
    ) -> (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic]) {
        let read = readWithWires(bytes, name: name, format: format, options: options)
        return (read.messages, read.diagnostics)
    }

    /// ``read(_:name:format:options:)``, with every SIP message of a SIP input as a
    /// ``WireMessage`` (none for the other formats), for a call-flow ladder.
    package static func readWithWires(
        _ bytes: [UInt8], name: String = "", format: SignalingFormat? = nil,
        options: ReadOptions = .default
    ) -> (messages: [Located<SignalingMessage>], wires: [Located<WireMessage>], diagnostics: [Diagnostic]) {
        guard let format = format ?? detect(bytes, name: name) else {
            let start = SourceLocation(line: 1, column: 1, bytes: 0..<min(bytes.count, 1))
            if bytes.allSatisfy(isSpace) {
                return (
                    [], [],
                    [SignalingRules.emptyInput.diagnostic(at: start, "the input is empty", strict: options.strict)]
                )
            }
            return (
                [], [],
                [
                    SignalingRules.unknownFormat.diagnostic(
                        at: start,
                        "the input is not JSON, SIP, HTTP, SDP or an SDP fragment\(name.isEmpty ? "" : " (\(name))")",
                        strict: options.strict)
                ]
            )
        }
        var result: (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic])
        var wires: [Located<WireMessage>] = []
        switch format {
        case .json, .envelope:
            var json = options.json
            json.strict = json.strict || options.strict
            result = SignalingJSON.read(bytes, options: json)
        case .sip:
            var sip = options.sip
            sip.strict = sip.strict || options.strict
            let read = SIPSignaling.read(bytes, options: sip)
            result = (read.messages, read.diagnostics)
            wires = read.wires
        case .whip:
            var http = options.http
            http.strict = http.strict || options.strict
            let (exchange, diagnostics) = WHIPSignaling.read(bytes, options: http)
            result = (exchange.messages, diagnostics)
        case .sdp:
            result = readSDP(bytes, strict: options.strict)
        case .sdpfrag:
            result = readFragment(bytes, strict: options.strict)
        }
        if result.messages.isEmpty, !result.diagnostics.containsErrors {
            result.diagnostics.append(SignalingRules.nothingToSignal(in: "\(format)", strict: options.strict))
        }
        return (result.messages, wires, result.diagnostics)
    }

    /// Writes messages in `format`.
    ///
    /// - Returns: The text, and one `DroppedItem` for each part of a message the format
    ///   cannot carry; reading the text back gives the messages without those parts.
    public static func write(
        _ messages: [SignalingMessage], as format: SignalingFormat,
        options: WriteOptions = WriteOptions()
    ) -> (text: String, dropped: [DroppedItem]) {
        switch format {
        case .json, .envelope:
            var lines: [String] = []
            var dropped: [DroppedItem] = []
            var known: Set<ICECredentials> = []
            for (index, message) in messages.enumerated() {
                let (text, lost) = SignalingJSON.write(
                    message, style: format == .json ? .webRTC : .envelope, index: index, knownCredentials: known)
                lines.append(text)
                dropped += lost
                if case .description(let description) = message.content, let parsed = description.sessionDescription {
                    known.formUnion(FragmentMapping.credentials(of: parsed))
                }
            }
            return (lines.map { $0 + "\n" }.joined(), dropped)
        case .sip:
            let (sip, dropped) = SIPSignaling.build(messages)
            return (SIPSignaling.serialize(sip), dropped)
        case .whip:
            let (http, dropped) = WHIPSignaling.build(messages, options: options.whip)
            return (WHIPSignaling.serialize(http), dropped)
        case .sdp:
            return writeSDP(messages)
        case .sdpfrag:
            return writeFragment(messages)
        }
    }

    /// The trickle messages an SDP fragment carries (RFC 8840 §4.4): each candidate and each
    /// end of candidates, with the section's mid and username fragment.
    public static func contents(of fragment: SDPFragment) -> [SignalingMessage.Content] {
        FragmentMapping.contents(of: fragment)
    }

    /// The trickle messages a description's ICE lines amount to, which is what an SDP fragment
    /// written for it carries: each section's candidates and end of candidates, with the mid (or,
    /// without one, the section's index), username fragment and password.
    public static func contents(of description: SessionDescription) -> [SignalingMessage.Content] {
        FragmentMapping.contents(of: description)
    }

    /// The format of `bytes` by its first bytes, or `nil`.
    public static func detect(_ bytes: [UInt8], name: String = "") -> SignalingFormat? {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return nil }
        let head = Array(bytes[first..<min(bytes.count, first + 4096)])
        switch head.first {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        default: break
        }
        if HTTPMessage.looksLikeHTTP(head) { return .whip }
        if looksLikeSIP(head) { return .sip }
        if head.starts(with: Array("v=".utf8)) { return .sdp }
        if head.starts(with: Array("a=".utf8)) || head.starts(with: Array("m=".utf8)) { return .sdpfrag }
        if name.hasSuffix(".sdpfrag") { return .sdpfrag }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    /// `SIP/2.0 ` or a request line ending in ` SIP/2.0` (RFC 3261 §7.1).
    package static func looksLikeSIP(_ head: [UInt8]) -> Bool {
        if head.starts(with: Array("SIP/2.0 ".utf8)) { return true }
        var end = 0
        while end < head.count, head[end] != UInt8(ascii: "\n") { end += 1 }
        var line = Array(head[0..<end])
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line.count > 8 && line.suffix(8).elementsEqual(" SIP/2.0".utf8)
    }

    // MARK: Raw SDP

    /// One description per `v=` line that starts a new description; each is read as an offer,
    /// since a bare SDP does not say its role.
    static func readSDP(
        _ bytes: [UInt8], strict: Bool
    ) -> (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic]) {
        let index = SourceText(bytes)
        var starts: [Int] = []
        for start in index.lineStarts
        where start + 1 < bytes.count && bytes[start] == UInt8(ascii: "v") && bytes[start + 1] == UInt8(ascii: "=") {
            starts.append(start)
        }
        if starts.first != 0 { starts.insert(0, at: 0) }
        var messages: [Located<SignalingMessage>] = []
        var diagnostics: [Diagnostic] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : bytes.count
            let slice = Array(bytes[start..<end])
            let result = SessionDescription.parse(bytes: slice, options: strict ? .strict : .lenient)
            diagnostics += result.diagnostics.map { index.relocate($0, base: start) }
            let description = SignalingMessage.Description(
                type: .offer, sdp: String(decoding: slice, as: UTF8.self), parsed: result)
            messages.append(Located(SignalingMessage(.description(description)), at: index.location(of: start..<end)))
        }
        return (messages, diagnostics)
    }

    static func writeSDP(_ messages: [SignalingMessage]) -> (text: String, dropped: [DroppedItem]) {
        var text = ""
        var dropped: [DroppedItem] = []
        for (index, message) in messages.enumerated() {
            guard case .description(let description) = message.content, description.type != .rollback else {
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .message,
                        reason: "a bare SDP carries only session descriptions; the \(message) is left out"))
                continue
            }
            if description.type != .offer {
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .descriptionType,
                        reason:
                            """
                            a bare SDP does not say whether it is an offer or an answer; the \(description.type) \
                            reads back as an offer
                            """
                    ))
            }
            if message.session != nil {
                dropped.append(DroppedItem(messageIndex: index, item: .session, reason: "a bare SDP names no session"))
            }
            if !message.extraFields.isEmpty {
                dropped.append(
                    DroppedItem(messageIndex: index, item: .extraFields, reason: "a bare SDP has no envelope"))
            }
            text += description.sdp
        }
        return (text, dropped)
    }

    // MARK: SDP fragments

    static func readFragment(
        _ bytes: [UInt8], strict: Bool
    ) -> (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic]) {
        let parsed = SDPFragment.parse(bytes: bytes, options: strict ? .strict : .lenient)
        let (fragment, findings) = (parsed.value, parsed.diagnostics)
        let location = SourceLocation(line: 1, column: 1, bytes: 0..<bytes.count)
        let messages = FragmentMapping.contents(of: fragment).map { Located(SignalingMessage($0), at: location) }
        return (messages, findings)
    }

    static func writeFragment(_ messages: [SignalingMessage]) -> (text: String, dropped: [DroppedItem]) {
        var contents: [SignalingMessage.Content] = []
        var indices: [Int] = []
        var dropped: [DroppedItem] = []
        var contexts: [SessionDescription] = []
        for (index, message) in messages.enumerated() {
            switch message.content {
            case .candidate, .endOfCandidates:
                contents.append(message.content)
                indices.append(index)
                if message.session != nil {
                    dropped.append(
                        DroppedItem(messageIndex: index, item: .session, reason: "an SDP fragment names no session"))
                }
                if !message.extraFields.isEmpty {
                    dropped.append(
                        DroppedItem(messageIndex: index, item: .extraFields, reason: "an SDP fragment has no envelope"))
                }
            case .description(let description):
                guard let parsed = description.sessionDescription else {
                    dropped.append(
                        DroppedItem(
                            messageIndex: index, item: .message,
                            reason: "an SDP fragment carries candidates; the \(description.type) carries no description"
                        ))
                    continue
                }
                contexts.append(parsed)
                // A description's ICE lines are what a fragment carries (RFC 8840 §4.4).
                let own = FragmentMapping.contents(of: parsed)
                contents += own
                indices += Array(repeating: index, count: own.count)
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .message,
                        reason: own.isEmpty
                            ? "an SDP fragment carries candidates, and the \(description.type) has none"
                            : """
                            an SDP fragment carries the ICE lines only: the \(description.type)'s candidates are \
                            written, its other lines are left out
                            """))
            case .hangUp:
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .message,
                        reason: "an SDP fragment carries only candidates; the hang-up is left out"))
            }
        }
        guard !contents.isEmpty else { return ("", dropped) }
        let (fragment, lost) = FragmentMapping.fragment(for: contents, contexts: contexts)
        for (position, items) in lost.enumerated() where indices.indices.contains(position) {
            for (item, reason) in items.sorted(by: { $0.key.name < $1.key.name }) {
                dropped.append(DroppedItem(messageIndex: indices[position], item: item, reason: reason))
            }
        }
        return (fragment.serialized(), dropped.sorted { ($0.messageIndex ?? 0) < ($1.messageIndex ?? 0) })
    }
}
