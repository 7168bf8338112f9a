import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling

/// The record stream of `sdplint check --format ndjson`: one JSON object a line, written as the
/// input is checked; the schema is `Schemas/sdplint-records.schema.json`.
///
/// Each record of an NDJSON stream — each non-blank line — gets exactly one object, in input
/// order, with the keys a query joins on (its own `id`, session, ICE ufrag, DTLS fingerprint,
/// mids, SSRCs) and its findings; a line that is not a signaling message gets one too, with an
/// `error`. Any other input is one object (a dump at its end; a capture one per dialog as it
/// ends). What belongs
/// to no record (an offer left unanswered at the end) comes last, in an object without a
/// `record`. Members without a value are left out, never null.
struct RecordReport {
    /// The version of the record format; raised when a member changes meaning.
    static let schemaVersion = 1

    let input: String
    /// The records of the input written so far.
    private var count = 0
    /// Whether an object was written for the input.
    private var written = false
    /// What pieces of sessions still open reported (a browser dump's connections, read whole
    /// or a block at a time), written with the input's last object; and what the input is.
    private var held: [LintedFile] = []
    private var format: String?

    init(input: String) { self.input = input }

    /// Whether a document is left out of the record stream: an input of white space only, or
    /// the end of an NDJSON stream that held none, is a stream of no records (a shard of a
    /// partitioned stream may be empty), with nothing to write or count.
    mutating func skips(_ document: InputDocument) -> Bool {
        guard document.kind != .pcap, document.kind != .hep, document.records.isEmpty,
            document.traces.allSatisfy({ $0.events.isEmpty }),
            document.source.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        else { return false }
        written = true
        return true
    }

    /// The objects of the next document of the input (a whole input, a block of an NDJSON
    /// stream, a dialog of a capture) and the files its check reported.
    mutating func add(_ document: InputDocument, _ files: [LintedFile]) -> String {
        let records = document.records.isEmpty ? Self.singleRecord(document) : document.records
        guard !records.isEmpty else {
            let holds: Bool
            switch document.content {
            case .traces(let traces): holds = traces.contains { !$0.events.isEmpty }
            case .unreadable: holds = false
            case .description, .fragment, .candidates, .iceServers: holds = true
            }
            guard holds || files.contains(where: { !$0.diagnostics.isEmpty }) else { return "" }
            // A capture's dialogs are over when handed over: each is an object. A dump's
            // connections go on to its end, which is one object.
            if case .traces(let traces) = document.content, !traces.allSatisfy(\.ended) {
                format = format ?? document.format
                held += files.map { file in
                    var kept = file
                    kept.text = .empty
                    return kept
                }
                return ""
            }
            return object(files, keys: { Self.writeKeys(of: document, to: &$0) })
        }
        var events: [Int: [SignalingTrace.Event]] = [:]
        for event in document.traces.flatMap(\.events) {
            if let line = event.line { events[line, default: []].append(event) }
        }
        // Findings in the input's lines go to the record on that line; the checks' findings go
        // to the record that reported them.
        var findings: [Int: [(Diagnostic, context: String?)]] = [:]
        var rest: [LintedFile] = []
        let lines = Set(records)
        // A stream of one record read whole: everything its check found is that record's.
        let whole = document.records.isEmpty ? records.first : nil
        for file in files {
            if let record = file.record ?? whole {
                findings[record, default: []] += file.diagnostics.map { ($0, file.context) }
            } else if file.context == nil {
                var left = file
                left.diagnostics = file.diagnostics.filter { diagnostic in
                    guard lines.contains(diagnostic.location.line) else { return true }
                    findings[diagnostic.location.line, default: []].append((diagnostic, nil))
                    return false
                }
                if !left.diagnostics.isEmpty { rest.append(left) }
            } else {
                rest.append(file)
            }
        }
        var output = ""
        for line in records {
            count += 1
            let own = events[line] ?? []
            let found = findings[line] ?? []
            var json = JSONWriter()
            json.object { object in
                object.member("schemaVersion", Self.schemaVersion)
                object.member("input", input)
                object.member("record", count)
                object.member("line", line)
                Self.writeKeys(of: own, to: &object)
                if own.isEmpty, let error = found.first(where: { $0.0.severity == .error }) {
                    object.member("error", error.0.message)
                }
                Self.write(found, to: &object)
            }
            output += json.output + "\n"
        }
        written = true
        return output + (rest.isEmpty ? "" : object(rest, keys: { _ in }))
    }

    /// The end of the input, with the files its check reported last: their findings, or one
    /// object for an input nothing was written for yet, so that every input counts.
    mutating func finish(_ files: [LintedFile]) -> String {
        let files = held + files
        held = []
        guard files.contains(where: { !$0.diagnostics.isEmpty }) || !written || format != nil else { return "" }
        let format = format
        return object(files, keys: { object in object.member("format", ifPresent: format) })
    }

    /// One object for an input that could not be read at all.
    static func unreadable(input: String, message: String) -> String {
        var json = JSONWriter()
        json.object { object in
            object.member("schemaVersion", schemaVersion)
            object.member("input", input)
            object.member("error", message)
            write([], to: &object)
        }
        return json.output + "\n"
    }

    /// One object for what does not sit in a record: a whole input, a dialog, the end of a
    /// stream.
    private mutating func object(
        _ files: [LintedFile], keys: (inout JSONWriter.ObjectWriter) -> Void
    ) -> String {
        written = true
        var json = JSONWriter()
        json.object { object in
            object.member("schemaVersion", Self.schemaVersion)
            object.member("input", input)
            keys(&object)
            Self.write(files.flatMap { file in file.diagnostics.map { ($0, file.context) } }, to: &object)
        }
        return json.output + "\n"
    }

    /// A JSON input of signaling messages on one line, read whole because nothing follows it:
    /// the one record of a stream of one, so that a shard of one record reads as it would in a
    /// longer stream.
    private static func singleRecord(_ document: InputDocument) -> [Int] {
        guard document.kind == .json, case .traces(let traces) = document.content,
            traces.contains(where: { !$0.events.isEmpty }) || document.diagnostics.containsErrors
        else { return [] }
        guard traces.flatMap(\.events).allSatisfy({ $0.message != nil }) else { return [] }
        // JSON's white space (RFC 8259 §2) around the text, which holds no line feed.
        let bytes = document.source.bytes
        let blank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }),
            !bytes[first...last].contains(0x0A)
        else { return [] }
        return [document.firstLine + bytes[..<first].count { $0 == 0x0A }]
    }

    // MARK: Members

    /// The counts and the findings, each with where it counts its line and column when that
    /// is not the input's lines.
    private static func write(_ findings: [(Diagnostic, context: String?)], to object: inout JSONWriter.ObjectWriter) {
        writeCounts(findings.map(\.0), to: &object)
        object.member(
            "findings",
            array: { items in
                for (diagnostic, context) in findings {
                    items.object { finding in
                        finding.member("code", diagnostic.code.rawValue)
                        finding.member("severity", diagnostic.severity.description)
                        finding.member("line", diagnostic.location.line)
                        finding.member("column", diagnostic.location.column)
                        finding.member("endColumn", diagnostic.location.endColumn)
                        finding.member("context", ifPresent: context)
                        finding.member("message", diagnostic.message)
                        finding.member("reference", diagnostic.reference.description)
                        finding.member("hint", ifPresent: diagnostic.hint)
                    }
                }
            })
    }

    /// How many of `findings` are errors, warnings and notes, as flat members (`errors`,
    /// `warnings`, `infos`) that a table's columns take as they are.
    static func writeCounts(_ findings: [Diagnostic], to object: inout JSONWriter.ObjectWriter) {
        let counts = SeverityCounts(findings)
        object.member("errors", counts.errors)
        object.member("warnings", counts.warnings)
        object.member("infos", counts.infos)
    }

    /// The keys of a record: what its message is and what identifies it.
    private static func writeKeys(of events: [SignalingTrace.Event], to object: inout JSONWriter.ObjectWriter) {
        guard let message = events.first?.message else { return }
        if let id = message.extraFields["id"] {
            switch id {
            case .string, .number: object.member("id", id)
            default: break
            }
        }
        object.member("session", ifPresent: message.session)
        switch message.content {
        case .description(let description):
            object.member("type", description.type.rawValue)
            if let sdp = description.sessionDescription { writeKeys(of: sdp, to: &object) }
        case .candidate(let candidate):
            object.member("type", "candidate")
            object.member("mid", ifPresent: candidate.sdpMid)
            object.member("ufrag", ifPresent: candidate.usernameFragment)
        case .endOfCandidates(let end):
            object.member("type", "end-of-candidates")
            object.member("mid", ifPresent: end.sdpMid)
        case .hangUp:
            object.member("type", "hang-up")
        }
    }

    /// The keys of an input that is not a record stream: its description's, or its dialogs'.
    private static func writeKeys(of document: InputDocument, to object: inout JSONWriter.ObjectWriter) {
        object.member("format", document.format)
        switch document.content {
        case .description(let parsed):
            writeKeys(of: parsed.value, to: &object)
        case .traces(let traces):
            var callIDs: [String] = []
            for event in traces.lazy.flatMap(\.events) {
                if let id = event.wire?.session, !callIDs.contains(id) { callIDs.append(id) }
            }
            if !callIDs.isEmpty { object.member("callIds", strings: callIDs) }
        case .fragment, .candidates, .iceServers, .unreadable:
            break
        }
    }

    /// What identifies a description: its mids, the first ICE ufrag and DTLS fingerprint (the
    /// session's, or the first section's), its SSRCs.
    private static func writeKeys(of description: SessionDescription, to object: inout JSONWriter.ObjectWriter) {
        let mids = description.media.compactMap { $0.value(Mid.self)?.value }
        if !mids.isEmpty { object.member("mids", strings: mids) }
        let ufrag =
            description.value(ICEUfrag.self)?.value
            ?? description.media.lazy.compactMap { $0.value(ICEUfrag.self) }
            .first?.value
        object.member("ufrag", ifPresent: ufrag)
        let fingerprint =
            description.value(Fingerprint.self)
            ?? description.media.lazy.compactMap { $0.value(Fingerprint.self) }
            .first
        object.member("fingerprint", ifPresent: fingerprint.map { "\($0.hashFunction) \($0.fingerprint)" })
        var ssrcs: [UInt32] = []
        var seen: Set<UInt32> = []
        for section in description.media {
            for ssrc in section.values(SSRC.self) where seen.insert(ssrc.id).inserted { ssrcs.append(ssrc.id) }
        }
        if !ssrcs.isEmpty { object.member("ssrcs", array: { items in for ssrc in ssrcs { items.element(ssrc) } }) }
    }
}
