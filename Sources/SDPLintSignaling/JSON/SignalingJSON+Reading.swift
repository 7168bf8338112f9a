public import SDPLintDiagnostics
internal import SDPLintICE
public import SDPLintJSON
internal import SDPLintSDP
internal import SDPLintScanning

/// Reads and writes signaling messages as JSON: the W3C dictionaries
/// (`RTCSessionDescriptionInit`, `RTCIceCandidateInit`), the WebSocket envelope shapes around
/// them, and our versioned envelope; one JSON text, a JSON array of messages, or NDJSON.
///
/// W3C webrtc-pc §4.8.1 <https://www.w3.org/TR/webrtc/#rtcsessiondescription-class>,
/// §4.8.2 <https://www.w3.org/TR/webrtc/#rtcicecandidate-interface>
///
/// Findings about a member name its JSON path and sit at its line and column; findings inside a
/// carried SDP or candidate (SDPxxx, ICExxx) sit at the byte of the JSON string they came from,
/// escapes included.
public enum SignalingJSON {
    /// The words a `type` member uses for a trickled candidate.
    static let candidateWords: Set<String> = [
        "candidate", "ice-candidate", "icecandidate", "ice", "new-ice-candidate", "trickle",
    ]
    /// The words a `type` member uses for the end of the session.
    static let hangUpWords: Set<String> = ["bye", "hangup", "hang-up", "leave", "close", "end"]

    /// The version of our envelope this module writes and reads.
    public static let envelopeVersion = 1

    /// Reads every signaling message of a JSON text, a JSON array of messages, or an NDJSON
    /// stream.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - options: JSON limits (size, depth) and strictness.
    ///   - lines: Whether the input is NDJSON, one message per line; by default, what
    ///     ``isNDJSON(_:options:)`` says. A block of lines cut from a longer stream is.
    /// - Returns: The messages in input order, each at the location of its JSON value, and
    ///   every finding.
    /// - Complexity: O(n) in the size of the input.
    public static func read(
        _ bytes: [UInt8], options: JSONParseOptions = .lenient, lines: Bool? = nil
    ) -> (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic]) {
        if lines ?? isNDJSON(bytes, options: options) {
            let read = readRecords(bytes, options: options)
            return (read.messages, read.diagnostics)
        }
        var reader = Reader(bytes: bytes, index: SourceText(bytes), options: options)
        let parsed = JSONDocument.parse(bytes: bytes, options: options)
        reader.diagnostics += parsed.diagnostics
        if let document = parsed.value { reader.readTopLevel(document.root, arrayAllowed: true) }
        return (reader.messages, reader.diagnostics)
    }

    /// Reads the messages of an NDJSON stream, one per line, and says where its records are:
    /// the line of each non-blank line, as the NDJSON parser found them.
    ///
    /// - Complexity: O(n) in the size of the input.
    package static func readRecords(
        _ bytes: [UInt8], options: JSONParseOptions = .lenient
    ) -> (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic], records: [Int]) {
        var reader = Reader(bytes: bytes, index: SourceText(bytes), options: options)
        var records: [Int] = []
        for record in NDJSON.parse(bytes: bytes, options: options).value {
            records.append(record.line)
            reader.diagnostics += record.diagnostics
            if let document = record.document { reader.readTopLevel(document.root, arrayAllowed: false) }
        }
        return (reader.messages, reader.diagnostics, records)
    }

    /// Reads the messages of a JSON text parsed already (one text, not NDJSON): its findings
    /// are kept, and nothing is parsed again.
    ///
    /// - Parameters:
    ///   - document: The parsed text.
    ///   - bytes: The text it was parsed from, to place findings inside strings.
    ///   - diagnostics: What parsing it found.
    ///   - options: How strictly the SDP in the messages is read.
    public static func read(
        _ document: JSONDocument, in bytes: [UInt8], diagnostics: [Diagnostic], options: JSONParseOptions = .lenient
    ) -> (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic]) {
        var reader = Reader(bytes: bytes, index: SourceText(bytes), options: options)
        reader.diagnostics = diagnostics
        reader.readTopLevel(document.root, arrayAllowed: true)
        return (reader.messages, reader.diagnostics)
    }

    /// Reads one JSON value that is already parsed, such as a member of a larger document.
    ///
    /// - Parameters:
    ///   - node: The value, with its locations.
    ///   - source: The text its document was parsed from, to place findings inside strings.
    public static func message(
        from node: JSONNode, source: [UInt8]
    ) -> (message: SignalingMessage?, diagnostics: [Diagnostic]) {
        var reader = Reader(bytes: source, index: SourceText(source), options: .lenient)
        reader.readTopLevel(node, arrayAllowed: false)
        return (reader.messages.first?.value, reader.diagnostics)
    }

    /// NDJSON when the first non-blank line is a complete JSON value and more follows it on
    /// later lines; a pretty-printed document's first line is never complete on its own.
    public static func isNDJSON(_ bytes: [UInt8], options: JSONParseOptions = .lenient) -> Bool {
        var start = 0
        while start < bytes.count,
            bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t")
                || bytes[start] == UInt8(ascii: "\r") || bytes[start] == UInt8(ascii: "\n")
        { start += 1 }
        let end = bytes.withSpan { Bytes.firstIndex(of: ASCII.lf, in: $0, start..<$0.count) }
        guard end < bytes.count else { return false }
        let rest = bytes[(end + 1)...]
        guard
            rest.contains(where: {
                $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r")
                    && $0 != UInt8(ascii: "\n")
            })
        else {
            return false
        }
        let first = Array(bytes[start..<end])
        let parsed = JSONValue.parse(bytes: first, options: options)
        let (value, diagnostics) = (parsed.value, parsed.diagnostics)
        return value != nil && !diagnostics.containsErrors
    }

    struct Reader {
        let bytes: [UInt8]
        let index: SourceText
        let options: JSONParseOptions
        var messages: [Located<SignalingMessage>] = []
        var diagnostics: [Diagnostic] = []

        init(bytes: [UInt8], index: SourceText, options: JSONParseOptions) {
            self.bytes = bytes
            self.index = index
            self.options = options
        }

        mutating func readTopLevel(_ node: JSONNode, arrayAllowed: Bool) {
            if arrayAllowed, case .array = node.value {
                for element in node.elements { readTopLevel(element, arrayAllowed: false) }
                return
            }
            if let message = read(node) {
                messages.append(Located(message, at: location(node)))
            }
        }

        func location(_ node: JSONNode) -> SourceLocation {
            node.location ?? SourceLocation(line: 1, column: 1, bytes: 0..<0)
        }

        mutating func report(_ rule: Rule, _ node: JSONNode, _ message: String) {
            diagnostics.append(rule.diagnostic(at: location(node), message, strict: options.strict))
        }

        /// Runs a typed read, reporting its `JSON21x` finding and returning `nil` on failure.
        mutating func access<T>(_ body: () throws(JSONAccessError) -> T) -> T? {
            do {
                return try body()
            } catch {
                var diagnostic = error.diagnostic
                if options.strict { diagnostic.severity = .error }
                diagnostics.append(diagnostic)
                return nil
            }
        }

        // MARK: Shapes

        mutating func read(_ node: JSONNode) -> SignalingMessage? {
            guard case .object(let object) = node.value else {
                report(
                    SignalingRules.unrecognizedMessage, node,
                    "expected a signaling message object at \(node.path), found \(node.value.kind)")
                return nil
            }
            if object.contains(key: "version") { return readEnvelope(node, object) }
            if let typeNode = node["type"], case .string(let type) = typeNode.value {
                return readTyped(node, object, type: type, typeNode: typeNode)
            }
            if let candidate = node["candidate"] {
                switch candidate.value {
                case .object:
                    return wrapped(node, object, key: "candidate") { reader, inner in reader.readCandidateInit(inner) }
                default:
                    return finish(readCandidateInit(node), object, known: Self.candidateMembers, shape: .plain)
                }
            }
            for key in ["sdp", "description", "offer", "answer"] {
                if let inner = node[key], case .object = inner.value {
                    return wrapped(node, object, key: key) { reader, inner in
                        reader.readDescriptionInit(inner, type: nil)
                    }
                }
            }
            if let inner = node["ice"] {
                if inner.value.isNull {
                    return finish(.endOfCandidates(.init()), object, known: ["ice"], shape: .wrapped("ice"))
                }
                return wrapped(node, object, key: "ice") { reader, inner in reader.readCandidateInit(inner) }
            }
            if node["sdp"] != nil {
                // {"sdp": "…"} without a type: the type is required (RTCSdpType has no default).
                _ = access { () throws(JSONAccessError) -> String in try node.required("type", as: String.self) }
                return nil
            }
            report(
                SignalingRules.unrecognizedMessage, node,
                """
                the object at \(node.path) is not a signaling message: it has no \"type\", \"sdp\", \"candidate\" \
                or \"ice\" member
                """
            )
            return nil
        }

        /// The names of the dictionary's members in the order written.
        static func memberOrder(_ object: JSONObject, shape: JSONShape) -> [String] {
            var dictionary = object
            switch shape {
            case .typed(let word) where word != "bye":
                if case .object(let inner)? = object["candidate"] { dictionary = inner }
            case .wrapped(let key):
                if case .object(let inner)? = object[key] { dictionary = inner }
            default:
                break
            }
            return dictionary.members.map(\.key).filter { candidateMembers.contains($0) }
        }

        static let descriptionMembers: Set<String> = ["type", "sdp"]
        static let candidateMembers: Set<String> = ["candidate", "sdpMid", "sdpMLineIndex", "usernameFragment"]

        mutating func readTyped(
            _ node: JSONNode, _ object: JSONObject, type: String, typeNode: JSONNode
        ) -> SignalingMessage? {
            if let sdpType = SDPType(rawValue: type) {
                let sdpFirst = (object.firstIndex(forKey: "sdp") ?? Int.max) < (object.firstIndex(forKey: "type") ?? 0)
                let content = readDescriptionInit(node, type: sdpType)
                return finish(
                    content, object, known: Self.descriptionMembers, shape: sdpFirst ? .plainSDPFirst : .plain)
            }
            if SignalingJSON.candidateWords.contains(type) {
                guard let candidate = node["candidate"] else {
                    _ = access { () throws(JSONAccessError) -> JSONValue in
                        try node.required("candidate", as: JSONValue.self)
                    }
                    return nil
                }
                switch candidate.value {
                case .object:
                    return finish(
                        readCandidateInit(candidate), object, known: ["type", "candidate"], shape: .typed(type))
                case .null:
                    return finish(.endOfCandidates(.init()), object, known: ["type", "candidate"], shape: .typed(type))
                default:
                    return finish(
                        readCandidateInit(node), object, known: Self.candidateMembers.union(["type"]),
                        shape: .typedFlat(type))
                }
            }
            if SignalingJSON.hangUpWords.contains(type) {
                let reason = access { () throws(JSONAccessError) -> String? in
                    try node.optional("reason", as: String.self)
                }
                return finish(
                    .hangUp(.init(reason: reason ?? nil)), object, known: ["type", "reason"], shape: .typed(type))
            }
            report(
                SignalingRules.unknownType, typeNode,
                """
                the type \(JSONWriter.quoted(type)) at \(typeNode.path) is not offer, answer, pranswer, rollback, \
                candidate or a hang-up word
                """
            )
            return nil
        }

        mutating func wrapped(
            _ node: JSONNode, _ object: JSONObject, key: String,
            _ body: (inout Reader, JSONNode) -> SignalingMessage.Content?
        ) -> SignalingMessage? {
            guard let inner = node[key] else { return nil }
            return finish(body(&self, inner), object, known: [key], shape: .wrapped(key))
        }

        func finish(
            _ content: SignalingMessage.Content?, _ object: JSONObject, known: Set<String>, shape: JSONShape
        ) -> SignalingMessage? {
            guard let content else { return nil }
            let extras = JSONObject(object.members.filter { !known.contains($0.key) })
            var message = SignalingMessage(content, extraFields: extras, jsonShape: shape)
            message.jsonMemberOrder = Self.memberOrder(object, shape: shape)
            return message
        }

        // MARK: Dictionaries

        /// An `RTCSessionDescriptionInit`; `type` is read from the node when not given.
        mutating func readDescriptionInit(_ node: JSONNode, type known: SDPType?) -> SignalingMessage.Content? {
            var type = known
            if type == nil {
                guard let typeNode = node["type"] else {
                    _ = access { () throws(JSONAccessError) -> String in try node.required("type", as: String.self) }
                    return nil
                }
                guard
                    let text = access({ () throws(JSONAccessError) -> String in try typeNode.decode(as: String.self) })
                else { return nil }
                guard let parsed = SDPType(rawValue: text) else {
                    report(
                        SignalingRules.unknownType, typeNode,
                        """
                        the type \(JSONWriter.quoted(text)) at \(typeNode.path) is not offer, answer, pranswer or \
                        rollback
                        """
                    )
                    return nil
                }
                type = parsed
            }
            guard let type else { return nil }
            if type == .rollback {
                let sdp =
                    access { () throws(JSONAccessError) -> String? in try node.optional("sdp", as: String.self) } ?? nil
                if let sdp, !sdp.isEmpty, let sdpNode = node["sdp"] {
                    report(
                        SignalingRules.rollbackWithSDP, sdpNode,
                        "the rollback at \(node.path) carries a description of \(sdp.utf8.count) bytes; it is ignored")
                }
                return .description(.init(type: .rollback, sdp: ""))
            }
            guard
                let sdp = access({ () throws(JSONAccessError) -> String in try node.required("sdp", as: String.self) }),
                let sdpNode = node["sdp"]
            else { return nil }
            if sdp.isEmpty {
                report(SignalingRules.emptySDP, sdpNode, "the \(type) at \(node.path) has an empty sdp")
                return .description(.init(type: type, sdp: ""))
            }
            let result = SessionDescription.parse(sdp)
            relocate(result.diagnostics, inString: sdpNode)
            return .description(.init(type: type, sdp: sdp, parsed: result))
        }

        /// An `RTCIceCandidateInit`: a candidate, or the end of candidates when `candidate` is
        /// empty or `null`.
        mutating func readCandidateInit(_ node: JSONNode) -> SignalingMessage.Content? {
            guard case .object = node.value else {
                _ = access { () throws(JSONAccessError) -> JSONObject in try node.decode(as: JSONObject.self) }
                return nil
            }
            guard let candidateNode = node["candidate"] else {
                _ = access { () throws(JSONAccessError) -> String in try node.required("candidate", as: String.self) }
                return nil
            }
            let mid =
                access { () throws(JSONAccessError) -> String? in try node.optional("sdpMid", as: String.self) } ?? nil
            let index =
                access { () throws(JSONAccessError) -> UInt16? in try node.optional("sdpMLineIndex", as: UInt16.self) }
                ?? nil
            let ufrag =
                access { () throws(JSONAccessError) -> String? in try node.optional("usernameFragment", as: String.self)
                } ?? nil
            if candidateNode.value.isNull {
                return .endOfCandidates(.init(sdpMid: mid, sdpMLineIndex: index, usernameFragment: ufrag))
            }
            guard
                let text = access({ () throws(JSONAccessError) -> String in try candidateNode.decode(as: String.self) })
            else { return nil }
            if text.isEmpty {
                return .endOfCandidates(.init(sdpMid: mid, sdpMLineIndex: index, usernameFragment: ufrag))
            }
            if mid == nil && index == nil {
                report(
                    SignalingRules.candidateWithoutTarget, node,
                    "the candidate at \(node.path) has neither sdpMid nor sdpMLineIndex; no m= section can take it")
            }
            if !text.hasPrefix("candidate:") {
                report(
                    SignalingRules.candidatePrefix, candidateNode,
                    """
                    the candidate at \(candidateNode.path) starts with \
                    \(JSONWriter.quoted(String(text.prefix(12)))), not \"candidate:\"
                    """
                )
            }
            relocate(Candidate.parse(text).diagnostics, inString: candidateNode)
            return .candidate(.init(candidate: text, sdpMid: mid, sdpMLineIndex: index, usernameFragment: ufrag))
        }

        // MARK: Envelope

        static let envelopeMembers: Set<String> = [
            "version", "type", "sdp", "candidate", "sdpMid", "sdpMLineIndex", "usernameFragment", "password", "session",
            "reason", "extra",
        ]

        /// Our envelope (Schemas/sdplint-signaling.schema.json): `version`, `type`, the fields
        /// of that type, `session`, `extra`.
        mutating func readEnvelope(_ node: JSONNode, _ object: JSONObject) -> SignalingMessage? {
            guard
                let version = access({ () throws(JSONAccessError) -> Int in try node.required("version", as: Int.self) }
                )
            else { return nil }
            guard version == SignalingJSON.envelopeVersion else {
                if let versionNode = node["version"] {
                    report(
                        SignalingRules.envelopeVersion, versionNode,
                        """
                        the envelope at \(node.path) has version \(version); this reader knows version \
                        \(SignalingJSON.envelopeVersion)
                        """
                    )
                }
                return nil
            }
            guard let typeNode = node["type"],
                let type = access({ () throws(JSONAccessError) -> String in try node.required("type", as: String.self) }
                )
            else {
                _ = access { () throws(JSONAccessError) -> String in try node.required("type", as: String.self) }
                return nil
            }
            let session =
                access { () throws(JSONAccessError) -> String? in try node.optional("session", as: String.self) } ?? nil
            let declared: JSONObject?? = access { () throws(JSONAccessError) -> JSONObject? in
                try node.optional("extra", as: JSONObject.self)
            }
            var extras = (declared ?? nil) ?? JSONObject()
            for member in object.members where !Self.envelopeMembers.contains(member.key) {
                extras.append(member.key, member.value)
            }
            var content: SignalingMessage.Content?
            switch type {
            case "offer", "answer", "pranswer", "rollback":
                content = readDescriptionInit(node, type: SDPType(rawValue: type))
            case "candidate":
                content = readCandidateInit(node)
                if case .candidate(var candidate)? = content {
                    candidate.password =
                        access { () throws(JSONAccessError) -> String? in try node.optional("password", as: String.self)
                        }
                        ?? nil
                    content = .candidate(candidate)
                }
            case "end-of-candidates":
                let mid =
                    access { () throws(JSONAccessError) -> String? in try node.optional("sdpMid", as: String.self) }
                    ?? nil
                let index =
                    access { () throws(JSONAccessError) -> UInt16? in
                        try node.optional("sdpMLineIndex", as: UInt16.self)
                    } ?? nil
                let ufrag =
                    access { () throws(JSONAccessError) -> String? in
                        try node.optional("usernameFragment", as: String.self)
                    } ?? nil
                content = .endOfCandidates(.init(sdpMid: mid, sdpMLineIndex: index, usernameFragment: ufrag))
            case "hang-up":
                let reason =
                    access { () throws(JSONAccessError) -> String? in try node.optional("reason", as: String.self) }
                    ?? nil
                content = .hangUp(.init(reason: reason))
            default:
                report(
                    SignalingRules.unknownType, typeNode,
                    """
                    the envelope type \(JSONWriter.quoted(type)) at \(typeNode.path) is not offer, answer, \
                    pranswer, rollback, candidate, end-of-candidates or hang-up
                    """
                )
            }
            guard let content else { return nil }
            return SignalingMessage(content, session: session, extraFields: extras, jsonShape: nil)
        }

        // MARK: Findings inside strings

        /// Moves the findings of a text carried in the string `node` to their place in the input.
        mutating func relocate(_ findings: [Diagnostic], inString node: JSONNode) {
            guard !findings.isEmpty else { return }
            guard let offsets = node.sourceOffsets(in: bytes) else {
                let at = location(node)
                diagnostics += findings.map { finding in
                    var moved = finding
                    moved.location = at
                    return moved
                }
                return
            }
            diagnostics += findings.map { index.relocate($0, offsets: offsets) }
        }
    }
}
