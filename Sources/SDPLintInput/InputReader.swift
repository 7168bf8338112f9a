public import SDPLintCapture
import SDPLintDiagnostics
import SDPLintJSON
import SDPLintSDP
import SDPLintSignaling

/// The one way in: reads any input sdplint knows into an ``InputDocument``. Detection,
/// decompression, framing and the per-format parse happen here, once; a description inside is
/// parsed once and travels with its parse.
public enum InputReader {
    /// How inputs are read.
    public struct Options: Sendable, Hashable {
        /// Every deviation from a grammar is an error (each rule's strict severity).
        public var strict: Bool
        /// The most bytes a compressed input may decompress to; more is reported and the rest
        /// not read.
        public var maxDecompressedBytes: Int

        public init(strict: Bool = false, maxDecompressedBytes: Int = Gzip.defaultOutputLimit) {
            self.strict = strict
            self.maxDecompressedBytes = maxDecompressedBytes
        }

        public static let lenient = Options()
        public static let strict = Options(strict: true)

        /// The options for an input read whole under a limit of `maxBytes`: what it decompresses
        /// to counts against the same limit, checked while inflating, so a small compressed file
        /// cannot take more memory than a plain one may (a capture, read as a stream, is not
        /// bounded so).
        func bounded(by maxBytes: Int) -> Options {
            var bounded = self
            bounded.maxDecompressedBytes = min(maxDecompressedBytes, maxBytes)
            return bounded
        }
    }

    /// Reads an input held in memory.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - name: How reports name it; its extension is a hint where the content does not say
    ///     what it is.
    ///   - kind: What it is, instead of detecting it (`--input`).
    ///   - options: Strictness and limits.
    /// - Complexity: O(*n*) in the size of the input (decompressed).
    public static func read(
        _ bytes: [UInt8], name: String, kind: InputKind? = nil, options: Options = .lenient
    ) -> InputDocument {
        var document = readContent(
            bytes, name: name, kind: kind ?? InputKind.detect(bytes, name: name), options: options)
        document.name = name
        return document
    }

    private static func readContent(
        _ bytes: [UInt8], name: String, kind: InputKind, options: Options
    ) -> InputDocument {
        let strict = options.strict
        switch kind {
        case .sdp where startsOfDescriptions(bytes) > 1:
            // Descriptions one after another (as `sdplint format` or `convert --to sdp` write a
            // call's): each is a message, read as an offer, since a bare SDP does not say.
            return kinded(SignalingMessages.read(bytes, format: .sdp, strict: strict), .sdp)
        case .sdp:
            let parsed = SessionDescription.parse(bytes: bytes, options: strict ? .strict : .lenient)
            return InputDocument(
                name: name, kind: .sdp, format: "session description", content: .description(parsed),
                source: parsed.source, diagnostics: parsed.diagnostics, textsChecked: true)
        case .sdpfrag:
            let parsed = SDPFragment.parse(bytes: bytes, options: strict ? .strict : .lenient)
            return InputDocument(
                name: name, kind: .sdpfrag, format: "SDP fragment", content: .fragment(parsed), source: parsed.source,
                diagnostics: parsed.diagnostics, textsChecked: true)
        case .candidate:
            return InputDocument(
                name: name, kind: .candidate, format: "candidate lines",
                content: .candidates(CandidateLines.candidates(bytes)), source: SourceText(bytes),
                diagnostics: CandidateLines.check(bytes, strict: strict), textsChecked: true)
        case .json:
            return json(bytes, name: name, strict: strict)
        case .rtcstats:
            return kinded(RTCStatsDump.read(bytes, strict: strict), .rtcstats)
        case .sip where SIPpTraceLog.isLog(bytes):
            return kinded(SIPpTraceLog.read(bytes, strict: strict), .sip)
        case .sip:
            return kinded(SignalingMessages.read(bytes, format: .sip, strict: strict), .sip)
        case .http:
            return kinded(SignalingMessages.read(bytes, format: .whip, strict: strict), .http)
        case .xml:
            let reading = JingleMessages.read(bytes, strict: strict)
            var document = SignalingMessages.document(
                reading.messages, diagnostics: reading.diagnostics, source: bytes, format: .json,
                description: "XMPP Jingle stanzas", contexts: reading.contexts)
            document.dropped = reading.dropped
            // The descriptions are the Jingle mapping's SDP, not text of the input: their own
            // findings are reported at them, where their lines count.
            document.textsChecked = false
            return kinded(document, .xml)
        case .pcap:
            switch PacketCapture.read(bytes: bytes, strict: strict) {
            case .success(let capture): return kinded(capture, .pcap)
            case .failure(let error):
                return InputDocument(
                    name: name, kind: .pcap, format: "packet capture", content: .unreadable,
                    diagnostics: [error.diagnostic])
            }
        case .hep:
            return kinded(PacketCapture.read(HEPStreamDecoder(bytes: bytes), strict: strict), .hep)
        case .gzip:
            return decompressing(bytes, name: name, options: options)
        case .binary, .html:
            return unrecognized(bytes, kind: kind)
        }
    }

    /// How many lines start with `v=`.
    private static func startsOfDescriptions(_ bytes: [UInt8]) -> Int {
        var count = 0
        var lineStart = true
        var index = 0
        while index + 1 < bytes.count {
            if lineStart && bytes[index] == UInt8(ascii: "v") && bytes[index + 1] == UInt8(ascii: "=") { count += 1 }
            lineStart = bytes[index] == 0x0A
            index += 1
        }
        return count
    }

    private static func kinded(_ document: InputDocument, _ kind: InputKind) -> InputDocument {
        var document = document
        document.kind = kind
        return document
    }

    // MARK: JSON

    /// A JSON input: a browser dump, an ICE server configuration, or signaling messages, told
    /// apart from one parse of the text, which the reader of that kind then uses. An NDJSON
    /// stream is told from its first line.
    private static func json(_ bytes: [UInt8], name: String, strict: Bool) -> InputDocument {
        var options = JSONParseOptions.lenient
        options.strict = strict
        // NDJSON allows no record at all: an empty `.ndjson` is a stream with no message yet,
        // not an empty JSON text.
        let lowered = name.lowercased()
        if lowered.hasSuffix(".ndjson") || lowered.hasSuffix(".jsonl"),
            !bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) })
        {
            let empty = SignalingRules.noSignalingMessage.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the NDJSON stream holds no message",
                strict: strict)
            return kinded(SignalingMessages.document([], diagnostics: [empty], source: bytes, format: .json), .json)
        }
        if SignalingJSON.isNDJSON(bytes, options: options) {
            return kinded(SignalingMessages.read(bytes, format: .json, strict: strict), .json)
        }
        let reading = JSONReading(bytes)
        if let root = reading.document?.root {
            if WebRTCInternalsDump.matches(root.value) {
                return kinded(WebRTCInternalsDump.read(reading, bytes: bytes, strict: strict), .json)
            }
            if FirefoxWebRTCHistory.matches(root.value) {
                return kinded(FirefoxWebRTCHistory.read(reading, bytes: bytes, strict: strict), .json)
            }
        }
        // Not a dump: a text cut short is reported as it is, not read up to the cut.
        let parsed = JSONDocument.parse(bytes: bytes, options: options)
        guard let document = parsed.value, !reading.truncated else {
            return kinded(
                SignalingMessages.document([], diagnostics: parsed.diagnostics, source: bytes, format: .json), .json)
        }
        if isICEServers(document.root.value) {
            let (servers, diagnostics) = ICEServerConfiguration.read(
                document, in: bytes, diagnostics: parsed.diagnostics, options: options)
            return InputDocument(
                name: "", kind: .json, format: "ICE server configuration", content: .iceServers(servers),
                source: SourceText(bytes), diagnostics: diagnostics, textsChecked: true)
        }
        var (messages, diagnostics) = SignalingJSON.read(
            document, in: bytes, diagnostics: parsed.diagnostics, options: options)
        if messages.isEmpty, !diagnostics.containsErrors {
            diagnostics.append(SignalingRules.nothingToSignal(in: "json", strict: strict))
        }
        return kinded(
            SignalingMessages.document(messages, diagnostics: diagnostics, source: bytes, format: .json), .json)
    }

    /// `RTCConfiguration` JSON with `iceServers`, or one `RTCIceServer` or a list of them.
    private static func isICEServers(_ value: JSONValue) -> Bool {
        if value["iceServers"] != nil { return true }
        if let list = value.arrayValue, let first = list.first { return first["urls"] != nil }
        return value["urls"] != nil && value["type"] == nil
    }

    // MARK: Compressed and unrecognized input

    /// A gzip-compressed input (RFC 1952): what decompresses is read as its content says; a
    /// truncated or corrupt stream is reported with its offset, and what decompressed before
    /// the fault is still read.
    private static func decompressing(_ bytes: [UInt8], name: String, options: Options) -> InputDocument {
        let result = Gzip.decompress(bytes, outputLimit: options.maxDecompressedBytes)
        return decompressing(
            result.bytes, name: name, problems: result.error.map { [$0.diagnostic] } ?? [], options: options)
    }

    /// What gzip data inflated to, read as what it is; `problems` are the faults of the gzip
    /// data itself, placed in the compressed file.
    private static func decompressing(
        _ inflated: [UInt8], name: String, problems: [Diagnostic], options: Options
    ) -> InputDocument {
        let innerName = decompressedName(name)
        let kind = InputKind.detect(inflated, name: innerName)
        guard kind != .gzip, !inflated.isEmpty else {
            let what = inflated.isEmpty ? "nothing" : "gzip data again"
            let note = TraceRules.unrecognizedInput.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the gzip data decompresses to \(what)")
            return InputDocument(
                name: name, kind: .gzip, compressed: true, format: "gzip", content: .unreadable,
                diagnostics: problems + [note])
        }
        return decompressed(
            readContent(inflated, name: innerName, kind: kind, options: options), name: name, problems: problems)
    }

    /// A document read from decompressed text, as the compressed file's: its findings count in
    /// the decompressed text (an embedded file), the gzip data's own `problems` in the file.
    private static func decompressed(_ inner: InputDocument, name: String, problems: [Diagnostic]) -> InputDocument {
        var document = inner
        document.name = name
        document.compressed = true
        document.format += ", gzip-compressed"
        if !document.diagnostics.isEmpty || !problems.isEmpty {
            document.embedded.insert(
                LintedFile(
                    path: "", context: "decompressed", text: document.source, firstLine: document.firstLine,
                    diagnostics: document.diagnostics),
                at: 0)
        }
        document.diagnostics = problems
        document.source = .empty
        document.firstLine = 1
        return document
    }

    /// An input no reader applies to: one finding that says what it looks like, not a finding
    /// for every line.
    private static func unrecognized(_ bytes: [UInt8], kind: InputKind) -> InputDocument {
        let message: String
        let hint: String
        switch kind {
        case .html:
            message = "not a recognised input: an HTML page"
            hint = """
                to check a Firefox call, copy the report from about:webrtc ("Copy Report History") and save it as \
                JSON; for Chrome, save the dump from chrome://webrtc-internals
                """
        default:
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            message =
                utf16
                ? "not a recognised input: UTF-16 text (it starts with a byte order mark); sdplint reads UTF-8"
                : "not a recognised input: binary data (\(bytes.count) bytes)"
            hint = """
                sdplint reads SDP, JSON signaling, SIP, WHIP/WHEP HTTP, Jingle XML, browser dumps, pcap and pcapng \
                captures, and any of these gzip-compressed; --input KIND forces one
                """
        }
        return InputDocument(
            name: "", kind: kind, format: kind == .html ? "HTML page" : "binary data", content: .unreadable,
            diagnostics: [
                TraceRules.unrecognizedInput.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<min(1, bytes.count)), message, hint: hint)
            ])
    }
}

// MARK: - Files and streams

/// Why an input could not be read at all: it is reported with exit status 2, and the other
/// inputs of a batch are still read.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How the input is named.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension InputReader {
    /// About how much of a stream is read at once: enough messages to keep every core busy
    /// checking their descriptions, few enough that memory stays flat.
    public static let blockSize = 1 << 20

    /// Reads a file (or standard input, `file` `nil`) and hands over what it holds as documents.
    /// A packet capture, plain or gzip-compressed, and an NDJSON stream of signaling messages
    /// are read a piece at a time — a capture's dialogs as each ends, a stream's messages a block
    /// of lines at a time, each document holding the findings and sessions of that piece — so
    /// their size does not matter. Any other input is read whole, up to `maxBytes`, and handed
    /// over once.
    ///
    /// - Throws: ``InputError`` when the input cannot be opened, read, or is larger than
    ///   `maxBytes`.
    public static func read(
        file: String?, name: String, kind forced: InputKind? = nil, options: Options = .lenient, maxBytes: Int,
        deliver: (InputDocument) -> Void
    ) throws(InputError) {
        let (source, head, ended) = try open(file, name: name)
        let kind = forced ?? InputKind.detect(head, name: name)
        if isCapture(kind, name: name) {
            readCapture(captureDecoder(source, head: head, name: name), name: name, options: options, deliver: deliver)
            return
        }
        if kind == .json && SignalingJSON.isNDJSON(head) {
            var stream = NDJSONStream(name: name, strict: options.strict)
            try streamLines(head, ended: ended, from: source, name: name, into: &stream, deliver: deliver)
            return
        }
        if kind == .rtcstats {
            var stream = RTCStatsStream(name: name, strict: options.strict)
            try streamLines(head, ended: ended, from: source, name: name, into: &stream, deliver: deliver)
            return
        }
        if kind == .gzip {
            readCompressed(head, from: source, name: name, options: options.bounded(by: maxBytes), deliver: deliver)
            return
        }
        let bytes = try rest(of: source, after: head, file: file, name: name, maxBytes: maxBytes)
        deliver(read(bytes, name: name, kind: forced, options: options.bounded(by: maxBytes)))
    }

    /// A text read a block of whole lines at a time (an NDJSON stream, an rtcstats dump):
    /// `head`, then the rest of `source` unless `ended`. A block is what has arrived, up to
    /// `blockSize`, cut after its last whole line: a live stream's lines are handed over as
    /// they come.
    private static func streamLines(
        _ head: [UInt8], ended: Bool, from source: any ByteSource, name: String, into stream: inout some LineStream,
        deliver: (InputDocument) -> Void
    ) throws(InputError) {
        var carry = head
        var exhausted = ended
        while true {
            // Whole lines only; a last line without LF ends the stream.
            let cut = exhausted ? carry.count : (carry.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            if cut > 0 {
                deliver(stream.next(Array(carry[..<cut])))
                carry.removeFirst(cut)
            }
            if exhausted { break }
            // Wait for more, then take what else is ready, up to a block: a busy stream is read
            // a block at a time, an idle one's lines are handed over as they arrive.
            repeat {
                exhausted = try fill(&carry, from: source, upTo: blockSize, name: name) == 0
            } while !exhausted && carry.count < blockSize && source.isReady
        }
        deliver(stream.finish())
    }

    /// gzip data inflated as it is read: an NDJSON stream or an rtcstats dump inside is read a
    /// block at a time like a plain one, so its size does not matter; anything else is inflated
    /// whole, up to
    /// `options.maxDecompressedBytes`, and read as ``read(_:name:kind:options:)`` reads gzip.
    private static func readCompressed(
        _ head: [UInt8], from source: FileSource, name: String, options: Options, deliver: (InputDocument) -> Void
    ) {
        // A stream is read without a limit, as a plain one is; anything else is held whole, so
        // the limit applies from the first bytes that tell which.
        let inflating = GzipSource(PrefixedSource(prefix: head, rest: source))
        var text: [UInt8] = []
        var fault: CaptureError?
        do throws(CaptureError) {
            while text.count < headSize, try inflating.read(into: &text, upTo: headSize) > 0 {}
        } catch {
            fault = error
        }
        let innerName = decompressedName(name)
        let inner = InputKind.detect(text, name: innerName)
        if fault == nil, (inner == .json && SignalingJSON.isNDJSON(text)) || inner == .rtcstats {
            let rest = FaultKeepingSource(inflating)
            // The source keeps its faults rather than throwing them: it cannot throw.
            let deliverInflated = { (piece: InputDocument) in deliver(decompressed(piece, name: name, problems: [])) }
            if inner == .rtcstats {
                var stream = RTCStatsStream(name: innerName, strict: options.strict)
                try? streamLines(
                    text, ended: text.count < headSize, from: rest, name: innerName, into: &stream,
                    deliver: deliverInflated)
            } else {
                var stream = NDJSONStream(name: innerName, strict: options.strict)
                try? streamLines(
                    text, ended: text.count < headSize, from: rest, name: innerName, into: &stream,
                    deliver: deliverInflated)
            }
            // A fault in the gzip data after whole lines were read: what came before stands.
            if let fault = rest.fault {
                let format = inner == .rtcstats ? "rtcstats dump" : "JSON signaling messages"
                deliver(
                    InputDocument(
                        name: name, kind: inner, compressed: true, format: format + ", gzip-compressed",
                        content: .traces([]), diagnostics: [fault.diagnostic], textsChecked: true))
            }
            return
        }
        let limit = options.maxDecompressedBytes
        if text.count > limit {
            text.removeLast(text.count - limit)
            fault = CaptureError.outputLimit(limit, offset: inflating.consumed)
        }
        inflating.outputLimit = limit
        while fault == nil {
            do throws(CaptureError) {
                if try inflating.read(into: &text, upTo: blockSize) == 0 { break }
            } catch {
                fault = error
            }
        }
        deliver(decompressing(text, name: name, problems: fault.map { [$0.diagnostic] } ?? [], options: options))
    }

    /// The name of what a gzip file holds, to tell its kind by: `dump.json.gz` holds `dump.json`.
    static func decompressedName(_ name: String) -> String {
        name.lowercased().hasSuffix(".gz") ? String(name.dropLast(3)) : name
    }

    /// How much of an input is read to tell what it is.
    static let headSize = 64 << 10

    /// Opens a file (or standard input, `file` `nil`) and reads its first bytes, to tell what
    /// it is. The source is read on from there, never opened again: a FIFO or a pipe gives its
    /// bytes once.
    private static func open(
        _ file: String?, name: String
    ) throws(InputError) -> (source: FileSource, head: [UInt8], ended: Bool) {
        let source: FileSource
        do throws(CaptureError) {
            source = try FileSource(path: file ?? "/dev/stdin")
        } catch {
            throw InputError(path: name, message: error.reason)
        }
        // Until the first bytes tell what the input is: `headSize` bytes, the end, or two whole
        // lines, which tell a stream of lines (NDJSON, an rtcstats dump) and must not wait for
        // more: a live stream's first records are checked as they come.
        var head: [UInt8] = []
        var lines = 0
        while head.count < headSize {
            let start = head.count
            guard try fill(&head, from: source, upTo: headSize - head.count, name: name) > 0 else {
                return (source, head, true)
            }
            lines += head[start...].count { $0 == 0x0A }
            if lines >= 2 { break }
        }
        return (source, head, false)
    }

    /// `head` and the rest of `source`, up to `maxBytes` in all.
    ///
    /// - Throws: ``InputError`` when the source cannot be read or holds more than `maxBytes`.
    private static func rest(
        of source: FileSource, after head: [UInt8], file: String?, name: String, maxBytes: Int
    ) throws(InputError) -> [UInt8] {
        if let size = source.size, size > maxBytes {
            throw InputError(
                path: name,
                message:
                    "the file is \(describe(size)), larger than the \(describe(maxBytes)) limit; raise it with --max-bytes"
            )
        }
        var bytes = head
        while bytes.count <= maxBytes, try fill(&bytes, from: source, upTo: blockSize, name: name) > 0 {}
        guard bytes.count <= maxBytes else {
            throw InputError(
                path: name,
                message: """
                    \(file == nil ? "standard input" : "the file") is larger than the \(describe(maxBytes)) limit; raise \
                    it with --max-bytes
                    """)
        }
        return bytes
    }

    /// Appends up to `count` more bytes of `source` to `buffer`; how many.
    @discardableResult
    private static func fill(
        _ buffer: inout [UInt8], from source: any ByteSource, upTo count: Int, name: String
    ) throws(InputError) -> Int {
        do throws(CaptureError) {
            return try source.read(into: &buffer, upTo: count)
        } catch {
            throw InputError(path: name, message: error.reason)
        }
    }

    /// HEP packets from a collector's socket, read as a stream until the listener stops:
    /// each SIP message's findings as it arrives, each dialog as it ends (or when the listener
    /// stops), as from a capture file.
    package static func read(
        listening listener: HEPListener, options: Options = .lenient, deliver: (InputDocument) -> Void
    ) {
        readCapture(
            .success(HEPStreamDecoder(source: listener)), name: listener.address.description, options: options,
            deliver: deliver)
    }

    /// A packet capture file, read frame by frame: each SIP message's findings as it is read and
    /// each dialog as it ends (memory does not grow with the capture), then what the capture
    /// itself held wrong.
    private static func readCapture(
        _ opened: Result<any CaptureEventSource, CaptureError>, name: String, options: Options,
        deliver: (InputDocument) -> Void
    ) {
        let decoder: any CaptureEventSource
        switch opened {
        case .success(let opened):
            decoder = opened
        case .failure(let error):
            var document = InputDocument(
                name: name, kind: .pcap, format: "packet capture", content: .unreadable,
                diagnostics: [error.diagnostic])
            document.name = name
            deliver(document)
            return
        }
        let format = PacketCapture.format(decoder)
        let kind: InputKind = decoder is HEPStreamDecoder ? .hep : .pcap
        func piece(_ traces: [SignalingTrace], embedded: [LintedFile] = [], diagnostics: [Diagnostic] = []) {
            deliver(
                InputDocument(
                    name: name, kind: kind, format: format, content: .traces(traces), diagnostics: diagnostics,
                    embedded: embedded, textsChecked: true))
        }
        let problems = PacketCapture.stream(
            decoder, strict: options.strict,
            trace: { dialog in
                var ended = dialog
                ended.ended = true
                piece([ended])
            },
            embedded: { piece([], embedded: [$0]) })
        piece([], diagnostics: problems)
    }

    /// The reader of a capture whose first bytes `head` were read from `source`, as its content
    /// says: HEP packets (plain, or gzip-compressed under a `.hep.gz` name) or a pcap or pcapng
    /// file, which the capture reader decompresses itself.
    private static func captureDecoder(
        _ source: any ByteSource, head: [UInt8], name: String
    ) -> Result<any CaptureEventSource, CaptureError> {
        let whole = PrefixedSource(prefix: head, rest: source)
        if HEPPacket.startsPacket(head) { return .success(HEPStreamDecoder(source: whole)) }
        if Gzip.isGzip(head), name.lowercased().hasSuffix(".hep.gz") {
            return .success(HEPStreamDecoder(source: GzipSource(whole)))
        }
        do throws(CaptureError) {
            return .success(try CaptureDecoder(source: whole))
        } catch {
            return .failure(error)
        }
    }

    /// `4.0 KiB`, `64.0 MiB`: one decimal, in the unit people read sizes in.
    static func describe(_ bytes: Int) -> String {
        func oneDecimal(_ value: Int, _ unit: Int) -> String {
            let tenths = (value * 10 + unit / 2) / unit
            return "\(tenths / 10).\(tenths % 10)"
        }
        if bytes >= 1 << 30 { return oneDecimal(bytes, 1 << 30) + " GiB" }
        if bytes >= 1 << 20 { return oneDecimal(bytes, 1 << 20) + " MiB" }
        if bytes >= 1 << 10 { return oneDecimal(bytes, 1 << 10) + " KiB" }
        return "\(bytes) bytes"
    }
}

/// A text read a block of whole lines at a time, each block a document of its own with the
/// text's line numbers, whose sessions the checks follow from block to block.
public protocol LineStream {
    /// The document of the next block of whole lines (the last may end without a line feed).
    mutating func next(_ block: [UInt8]) -> InputDocument
    /// The end of the text.
    mutating func finish() -> InputDocument
}

/// An NDJSON stream of signaling messages read a block of whole lines at a time: each block is
/// a document of its own, with the stream's line numbers and message numbers, whose traces a
/// session's checks follow from block to block.
public struct NDJSONStream: LineStream, Sendable {
    let name: String
    let strict: Bool
    private var line = 1
    private var offset = 0
    private var count = 0
    private var readErrors = false

    public init(name: String, strict: Bool) {
        self.name = name
        self.strict = strict
    }

    /// The document of the next block of whole lines.
    public mutating func next(_ block: [UInt8]) -> InputDocument {
        var json = JSONParseOptions.lenient
        json.strict = strict
        let (messages, diagnostics, records) = SignalingJSON.readRecords(block, options: json)
        readErrors = readErrors || diagnostics.containsErrors
        let moved = messages.map { located in
            var moved = located
            moved.location = shift(located.location)
            return moved
        }
        var document = SignalingMessages.document(
            moved,
            diagnostics: diagnostics.map { diagnostic in
                var moved = diagnostic
                moved.location = shift(diagnostic.location)
                return moved
            }, source: block, format: .json, firstNumber: count)
        document.name = name
        document.firstLine = line
        document.records = records.map { $0 + line - 1 }
        count += messages.count
        line += block.count { $0 == 0x0A }
        offset += block.count
        return document
    }

    /// The end of the stream: a stream that held no message says so.
    public func finish() -> InputDocument {
        var diagnostics: [Diagnostic] = []
        if count == 0 && !readErrors {
            diagnostics.append(SignalingRules.nothingToSignal(in: "json", strict: strict))
        }
        return InputDocument(
            name: name, kind: .json, format: "JSON signaling messages", content: .traces([]), diagnostics: diagnostics,
            textsChecked: true)
    }

    /// A location in the block, moved to where the block starts in the stream.
    private func shift(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(
            line: location.line + line - 1, column: location.column,
            bytes: (location.bytes.lowerBound + offset)..<(location.bytes.upperBound + offset))
    }
}

extension InputReader {
    /// Whether a file is read as a stream (a packet capture, an NDJSON stream of signaling
    /// messages or an rtcstats dump, plain or gzip-compressed), told from its first bytes and
    /// its name.
    public static func isStream(head: [UInt8], name: String, kind forced: InputKind? = nil) -> Bool {
        let kind = forced ?? InputKind.detect(head, name: name)
        if kind == .gzip && !isCapture(kind, name: name) {
            // What the first bytes inflate to tell.
            let inflated = Gzip.decompress(head, outputLimit: headSize).bytes
            let inner = InputKind.detect(inflated, name: decompressedName(name))
            return (inner == .json && SignalingJSON.isNDJSON(inflated)) || inner == .rtcstats
        }
        return isCapture(kind, name: name) || (kind == .json && SignalingJSON.isNDJSON(head)) || kind == .rtcstats
    }

    /// Whether an input of `kind` named `name` is a packet capture, read frame by frame: pcap,
    /// pcapng or HEP packets, or gzip whose name says it holds one (`.pcap.gz`, `.pcapng.gz`,
    /// `.hep.gz`).
    static func isCapture(_ kind: InputKind, name: String) -> Bool {
        let lowered = name.lowercased()
        return kind == .pcap || kind == .hep
            || (kind == .gzip && [".pcap.gz", ".pcapng.gz", ".hep.gz"].contains { lowered.hasSuffix($0) })
    }

    /// A file (or standard input) read into one document: a packet capture a frame at a time,
    /// its dialogs gathered as they end; any other input whole, up to `maxBytes`.
    ///
    /// - Throws: ``InputError`` when the input cannot be opened, read, or is too large.
    public static func document(
        file: String?, name: String, kind forced: InputKind? = nil, options: Options = .lenient, maxBytes: Int
    ) throws(InputError) -> InputDocument {
        let (source, head, _) = try open(file, name: name)
        guard isCapture(forced ?? InputKind.detect(head, name: name), name: name) else {
            let bytes = try rest(of: source, after: head, file: file, name: name, maxBytes: maxBytes)
            return read(bytes, name: name, kind: forced, options: options.bounded(by: maxBytes))
        }
        var whole: InputDocument?
        var traces: [SignalingTrace] = []
        readCapture(captureDecoder(source, head: head, name: name), name: name, options: options) { piece in
            if whole == nil {
                whole = piece
            } else {
                whole?.diagnostics += piece.diagnostics
                whole?.embedded += piece.embedded
                if case .unreadable = piece.content { whole?.content = .unreadable }
            }
            traces += piece.traces
        }
        guard var document = whole else {
            return InputDocument(name: name, kind: .pcap, format: "packet capture", content: .unreadable)
        }
        if case .traces = document.content { document.content = .traces(traces) }
        return document
    }

    /// The bytes of a file (or of standard input, `file` `nil`), read whole.
    ///
    /// - Throws: ``InputError`` when the input cannot be read or is larger than `maxBytes`.
    public static func bytes(file: String?, name: String, maxBytes: Int) throws(InputError) -> [UInt8] {
        let (source, head, _) = try open(file, name: name)
        return try rest(of: source, after: head, file: file, name: name, maxBytes: maxBytes)
    }
}

/// A source that ends at its first fault instead of throwing it, and keeps the fault: what was
/// read before a damaged part of a compressed stream is still delivered, then the fault.
private final class FaultKeepingSource: ByteSource {
    private let inner: any ByteSource
    private(set) var fault: CaptureError?

    init(_ inner: any ByteSource) { self.inner = inner }

    func read(into buffer: inout [UInt8], upTo count: Int) throws(CaptureError) -> Int {
        guard fault == nil else { return 0 }
        do throws(CaptureError) {
            return try inner.read(into: &buffer, upTo: count)
        } catch {
            fault = error
            return 0
        }
    }
}
