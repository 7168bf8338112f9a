import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

/// Why an input could not be anonymized. Nothing is written for such an input: a partial
/// result could hold the very values anonymizing was meant to remove.
public struct AnonymizationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable value to switch on; a struct, so that codes can be added
    /// without breaking anyone's `switch`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case damagedCapture, unsupportedLinkType, damagedGzip, compressionFailed, nestedTooDeep, binaryData
        }
        private let value: Value

        /// The pcap or pcapng file cannot be read to its end.
        public static let damagedCapture = Code(value: .damagedCapture)
        /// A packet's link layer is one whose addresses this anonymizer cannot find.
        public static let unsupportedLinkType = Code(value: .unsupportedLinkType)
        /// The gzip stream is truncated or corrupt.
        public static let damagedGzip = Code(value: .damagedGzip)
        /// zlib could not compress the result.
        public static let compressionFailed = Code(value: .compressionFailed)
        /// gzip inside gzip, deeper than any real dump.
        public static let nestedTooDeep = Code(value: .nestedTooDeep)
        /// Binary data of no kind `sdplint` reads, which has no parts to replace one by one.
        public static let binaryData = Code(value: .binaryData)

        public var description: String {
            switch value {
            case .damagedCapture: "damaged-capture"
            case .unsupportedLinkType: "unsupported-link-type"
            case .damagedGzip: "damaged-gzip"
            case .compressionFailed: "compression-failed"
            case .nestedTooDeep: "nested-too-deep"
            case .binaryData: "binary-data"
            }
        }
    }

    public var code: Code
    /// One line that says what could not be anonymized and why.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
