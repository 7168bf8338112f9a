public import SDPLintDiagnostics

/// Why a capture file or a gzip stream could not be read further.
///
/// Readers throw it when they meet something they cannot step over: everything read before the
/// fault has already been handed to the caller, so a report can say what was readable and where
/// reading stopped. `offset` is the byte offset in the file as stored (for gzip, in the
/// compressed bytes; for a gzip-compressed capture, in the decompressed capture).
public struct CaptureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable value to switch on. A struct, so that codes can be added
    /// without breaking anyone's `switch`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Value: Sendable, Hashable {
            case badMagic, truncated, blockLengthMismatch, absurdLength, unsupportedVersion, unreadable
            case gzipTruncated, gzipBadHeader, gzipBadChecksum, gzipCorruptData, gzipTrailingGarbage, gzipOutputLimit
        }
        let value: Value

        /// The first bytes are neither pcap, pcapng nor gzip.
        public static let badMagic = Code(value: .badMagic)
        /// The file ends inside a header, a record or a block.
        public static let truncated = Code(value: .truncated)
        /// A pcapng block's lengths contradict each other or the block's contents.
        public static let blockLengthMismatch = Code(value: .blockLengthMismatch)
        /// A record or block claims a length larger than the reader's limit.
        public static let absurdLength = Code(value: .absurdLength)
        /// A format version this reader does not know.
        public static let unsupportedVersion = Code(value: .unsupportedVersion)
        /// The operating system could not open or read the file.
        public static let unreadable = Code(value: .unreadable)
        /// The gzip stream ends before its last member is complete.
        public static let gzipTruncated = Code(value: .gzipTruncated)
        /// A gzip member header is not valid (wrong magic, method or flags).
        public static let gzipBadHeader = Code(value: .gzipBadHeader)
        /// A gzip member's CRC-32 or length trailer does not match the data.
        public static let gzipBadChecksum = Code(value: .gzipBadChecksum)
        /// The deflate data of a member is invalid.
        public static let gzipCorruptData = Code(value: .gzipCorruptData)
        /// Bytes after the last complete member are not another member.
        public static let gzipTrailingGarbage = Code(value: .gzipTrailingGarbage)
        /// The decompressed data is larger than the caller allowed.
        public static let gzipOutputLimit = Code(value: .gzipOutputLimit)

        /// The rule a finding of this code is reported under.
        public var rule: Rule {
            switch value {
            case .badMagic: CaptureRules.badMagic
            case .truncated: CaptureRules.truncatedFile
            case .blockLengthMismatch: CaptureRules.blockLengthMismatch
            case .absurdLength: CaptureRules.absurdLength
            case .unsupportedVersion: CaptureRules.unsupportedVersion
            case .unreadable: CaptureRules.unreadable
            case .gzipTruncated: CaptureRules.gzipTruncated
            case .gzipBadHeader: CaptureRules.gzipBadHeader
            case .gzipBadChecksum: CaptureRules.gzipBadChecksum
            case .gzipCorruptData: CaptureRules.gzipCorruptData
            case .gzipTrailingGarbage: CaptureRules.gzipTrailingGarbage
            case .gzipOutputLimit: CaptureRules.gzipOutputLimit
            }
        }

        /// The rule code, such as `CAP102`.
        public var description: String { rule.code.rawValue }
    }

    public var code: Code
    /// The byte offset where the fault is: the start of the record or block that cannot be
    /// read, or, for gzip, the position in the compressed input where inflating stopped.
    public var offset: Int
    /// The frame number the fault belongs to, when it is inside a packet record.
    public var frame: Int?
    /// The fault in words, naming the values read.
    public var reason: String

    public init(_ code: Code, offset: Int, frame: Int? = nil, _ reason: String) {
        self.code = code
        self.offset = offset
        self.frame = frame
        self.reason = reason
    }

    /// `CAP102 at offset 4242: …`.
    public var description: String { "\(code) at offset \(offset): \(reason)" }

    /// The error as a finding. A binary file has no lines, so the location is line 1 with the
    /// column one past the byte offset, and the byte range starting at the offset.
    public var diagnostic: Diagnostic {
        code.rule.diagnostic(at: CaptureIssue.location(offset: offset), reason)
    }
}
