internal import SDPLintScanning

extension Candidate {
    /// The transport protocol of a candidate: an open vocabulary that compares case-insensitively
    /// and keeps its spelling (Chromium writes `udp`, Firefox `UDP`).
    ///
    /// RFC 8839 §5.1 <https://www.rfc-editor.org/rfc/rfc8839#section-5.1>
    ///
    /// ```
    /// transport             = "UDP" / transport-extension
    /// transport-extension   = token              ; from RFC 3261
    /// ```
    public struct Transport: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The name as written.
        public let spelling: String

        public init(_ spelling: String) { self.spelling = spelling }
        public init(stringLiteral value: String) { self.spelling = value }

        /// UDP (RFC 8839 §5.1).
        public static let udp = Transport("udp")
        /// TCP, for ICE-TCP candidates (RFC 6544 §4.5).
        public static let tcp = Transport("tcp")

        public var description: String { spelling }

        public static func == (lhs: Transport, rhs: Transport) -> Bool {
            lhs.spelling.equalsIgnoringASCIICase(rhs.spelling)
        }

        public func hash(into hasher: inout Hasher) { spelling.hashIgnoringASCIICase(into: &hasher) }
    }
}
