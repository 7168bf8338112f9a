public import SDPLintDiagnostics

/// A problem found while reading a capture that did not stop the reading: a malformed header,
/// a packet cut by the snapshot length, an IP datagram that never completed.
///
/// A fatal ``CaptureError`` becomes one too (the last) when it comes through a
/// ``CaptureDecoder``, so a consumer sees every problem in one stream.
public struct CaptureIssue: Sendable, Hashable, CustomStringConvertible {
    /// The rule the problem breaks; its severity says how much it matters.
    public var rule: Rule
    /// The frame the problem was found in (for reassembly, the last frame involved).
    public var frame: Int?
    /// The byte offset in the capture file of that frame's record, when known.
    public var offset: Int?
    /// The problem in words, naming the values read.
    public var message: String

    public init(rule: Rule, frame: Int?, offset: Int?, message: String) {
        self.rule = rule
        self.frame = frame
        self.offset = offset
        self.message = message
    }

    /// A fatal reading error as an issue.
    public init(_ error: CaptureError) {
        self.init(rule: error.code.rule, frame: error.frame, offset: error.offset, message: error.reason)
    }

    /// `frame 12: CAP202 …`.
    public var description: String {
        let place = frame.map { "frame \($0)" } ?? offset.map { "offset \($0)" } ?? "capture"
        return "\(place): \(rule.code) \(message)"
    }

    /// The issue as a finding. A binary file has no lines: the location is line 1, column one
    /// past the byte offset of the frame's record (column 1 when unknown).
    public var diagnostic: Diagnostic {
        let prefix = frame.map { "frame \($0): " } ?? ""
        return rule.diagnostic(at: Self.location(offset: offset ?? 0), prefix + message)
    }

    static func location(offset: Int) -> SourceLocation {
        let start = max(0, offset)
        return SourceLocation(line: 1, column: start < Int.max ? start + 1 : start, bytes: start..<start)
    }
}
