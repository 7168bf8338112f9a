internal import SDPLintScanning

extension Candidate {
    /// How a TCP candidate takes part in connections. The set is closed by its grammar.
    ///
    /// RFC 6544 §4.5 <https://www.rfc-editor.org/rfc/rfc6544#section-4.5>
    ///
    /// ```
    /// tcp-type-ext          = "tcptype" SP tcp-type
    /// tcp-type              = "active" / "passive" / "so"
    /// ```
    public enum TCPType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Opens outgoing connections only; the port is 9.
        case active
        /// Accepts incoming connections only.
        case passive
        /// Simultaneous open: both ends connect at once.
        case simultaneousOpen = "so"

        /// Reads `active`, `passive` or `so`, ignoring ASCII case as ABNF literals do.
        public init?(spelling: String) {
            for type in TCPType.allCases where type.rawValue.equalsIgnoringASCIICase(spelling) {
                self = type
                return
            }
            return nil
        }

        public var description: String { rawValue }
    }
}

extension Candidate.TCPType {
    /// Reads the bytes of `range` as ``init(spelling:)`` reads a string, without making one.
    init?(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        for type in Self.allCases where Bytes.equalsIgnoringCase(bytes, range, type.literal) {
            self = type
            return
        }
        return nil
    }

    /// ``rawValue`` as a literal, for byte comparisons.
    var literal: StaticString {
        switch self {
        case .active: "active"
        case .passive: "passive"
        case .simultaneousOpen: "so"
        }
    }
}
