package import SDPLintCapture
package import SDPLintDiagnostics
package import SDPLintJSON
package import SDPLintSignaling

/// Finds the capture format of an input and reads its traces.
public enum TraceReader {
    /// The input's traces, or `nil` when it holds no sequence of signaling (a single
    /// description, a candidate file, a stanza).
    public static func read(_ source: [UInt8], kind: InputKind, strict: Bool = false) -> TraceCapture? {
        switch kind {
        case .rtcstats:
            return RTCStatsDump.read(source)
        case .json:
            // A dump cut short is recognised from what was complete before the cut.
            let value =
                JSONValue.parse(source).value
                ?? JSONTruncation.closing(source).flatMap { JSONValue.parse($0.text).value }
            if let value, WebRTCInternalsDump.matches(value) { return WebRTCInternalsDump.read(source) }
            if let value, FirefoxWebRTCHistory.matches(value) { return FirefoxWebRTCHistory.read(source) }
            return SignalingMessages.read(source, format: .json, strict: strict)
        case .sip:
            return SignalingMessages.read(source, format: .sip, strict: strict)
        case .http:
            return SignalingMessages.read(source, format: .whip, strict: strict)
        case .pcap:
            switch PacketCapture.read(bytes: source, strict: strict) {
            case .success(let capture): return capture
            case .failure(let error):
                return TraceCapture(format: "packet capture", traces: [], diagnostics: [error.diagnostic])
            }
        case .gzip:
            return decompressing(source, strict: strict)
        default:
            return nil
        }
    }

    /// A packet capture file, read as a stream so that its size does not matter.
    public static func readCapture(path: String, strict: Bool = false) -> TraceCapture {
        switch PacketCapture.read(path: path, strict: strict) {
        case .success(let capture): return capture
        case .failure(let error):
            return TraceCapture(format: "packet capture", traces: [], diagnostics: [error.diagnostic])
        }
    }

    /// Whether a file should be read as a packet capture stream: pcap or pcapng, compressed or not.
    public static func isCaptureFile(path: String, head: [UInt8]) -> Bool {
        if InputKind.detect(head) == .pcap { return true }
        let name = path.lowercased()
        return Gzip.isGzip(head) && (name.hasSuffix(".pcap.gz") || name.hasSuffix(".pcapng.gz"))
    }

    /// A gzip-compressed dump or capture (RFC 1952): what decompresses is read as its content
    /// says; a truncated or corrupt stream is reported with its offset, and everything that
    /// decompressed before the fault is still read.
    static func decompressing(_ source: [UInt8], strict: Bool) -> TraceCapture? {
        let result = Gzip.decompress(source)
        let problems = result.error.map { [$0.diagnostic] } ?? []
        let kind = InputKind.detect(result.bytes)
        guard kind != .gzip, var capture = read(result.bytes, kind: kind, strict: strict) else {
            let what = result.bytes.isEmpty ? "nothing" : "\(kind) data, not a dump or capture"
            let note = TraceRules.unrecognizedInput.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the gzip data decompresses to \(what)")
            return TraceCapture(format: "gzip", traces: [], diagnostics: problems + [note])
        }
        capture.format += ", gzip-compressed"
        // The reader's findings count in the decompressed text; the gzip fault in the file.
        capture.embedded.insert(
            LintedFile(path: "", context: "decompressed", source: result.bytes, diagnostics: capture.diagnostics), at: 0
        )
        capture.diagnostics = problems
        capture.source = []
        return capture
    }
}
