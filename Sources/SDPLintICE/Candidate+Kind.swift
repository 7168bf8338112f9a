internal import SDPLintScanning

extension Candidate {
    /// The type of a candidate: an open vocabulary that compares case-insensitively and keeps its
    /// spelling, so a type defined later is kept rather than rejected.
    ///
    /// RFC 8839 §5.1 <https://www.rfc-editor.org/rfc/rfc8839#section-5.1>
    ///
    /// ```
    /// cand-type             = "typ" SP candidate-types
    /// candidate-types       = "host" / "srflx" / "prflx" / "relay" / token
    /// ```
    public struct Kind: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The name as written.
        public let spelling: String

        public init(_ spelling: String) { self.spelling = spelling }
        public init(stringLiteral value: String) { self.spelling = value }

        /// An address on a local interface (RFC 8445 §5.1.1.1).
        public static let host = Kind("host")
        /// A server-reflexive address, learned from a STUN server (RFC 8445 §5.1.1.2).
        public static let serverReflexive = Kind("srflx")
        /// A peer-reflexive address, learned from a connectivity check (RFC 8445 §7.2.5.3.1).
        public static let peerReflexive = Kind("prflx")
        /// An address allocated on a TURN server (RFC 8445 §5.1.1.2).
        public static let relay = Kind("relay")

        /// The four types RFC 8839 defines.
        public static let known: [Kind] = [.host, .serverReflexive, .peerReflexive, .relay]

        /// Whether this is one of the four types RFC 8839 defines.
        public var isKnown: Bool { Kind.known.contains(self) }

        /// The type preference RFC 8445 §5.1.2.2 recommends: host 126, prflx 110, srflx 100,
        /// relay 0; `nil` for an unknown type.
        public var recommendedTypePreference: UInt8? {
            switch self {
            case .host: 126
            case .peerReflexive: 110
            case .serverReflexive: 100
            case .relay: 0
            default: nil
            }
        }

        public var description: String { spelling }

        public static func == (lhs: Kind, rhs: Kind) -> Bool {
            lhs.spelling.equalsIgnoringASCIICase(rhs.spelling)
        }

        public func hash(into hasher: inout Hasher) { spelling.hashIgnoringASCIICase(into: &hasher) }
    }
}
