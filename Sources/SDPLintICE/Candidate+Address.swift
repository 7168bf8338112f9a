internal import SDPLintScanning

extension Candidate {
    /// The connection address of a candidate, or its related address, kept as written and
    /// classified by its form.
    ///
    /// RFC 8839 §5.1 <https://www.rfc-editor.org/rfc/rfc8839#section-5.1>, RFC 8866 §9
    ///
    /// ```
    /// connection-address    = IP4-address / IP6-address / FQDN   ; RFC 8866 §9, as ICE uses it
    /// ```
    ///
    /// Browsers hide host addresses behind mDNS names, a random UUID followed by `.local`
    /// (draft-ietf-mmusic-mdns-ice-candidates); those are ``Kind-swift.enum/mdns``.
    public struct Address: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The form of an address. The set is closed: these are the forms the grammar has.
        public enum Kind: Sendable, Hashable {
            /// A dotted-quad IPv4 address, such as `192.0.2.1`.
            case ipv4
            /// An IPv6 address, such as `2001:db8::1`.
            case ipv6
            /// A domain name, such as `turn.example.org`.
            case fqdn
            /// A multicast DNS name ending in `.local`, such as browsers send for host candidates.
            case mdns
            /// None of the above; the parser reports it as `invalid-address`.
            case invalid
        }

        /// The address as written.
        public let text: String
        /// Its form.
        public let kind: Kind

        /// Classifies `text` as an IPv4 address, an IPv6 address, an mDNS name or a domain name.
        public init(_ text: String) {
            self.text = text
            self.kind = text.withUTF8Span { Address.classify($0, 0..<$0.count) }
        }

        public init(stringLiteral value: String) { self.init(value) }

        init(text: String, kind: Kind) {
            self.text = text
            self.kind = kind
        }

        /// Whether the address is an IP address rather than a name.
        public var isIP: Bool { kind == .ipv4 || kind == .ipv6 }

        public var description: String { text }

        /// Classifies the bytes of `range`.
        static func classify(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Kind {
            switch SDPLintScanning.Address.classify(bytes, range) {
            case .ipv4: return .ipv4
            case .ipv6: return .ipv6
            case .invalid: return .invalid
            case .fqdn:
                // RFC 6762 §3: names under "local." are resolved with multicast DNS.
                guard range.count > 6 else { return .fqdn }
                let suffix = (range.upperBound - 6)..<range.upperBound
                return Bytes.equalsIgnoringCase(bytes, suffix, ".local") ? .mdns : .fqdn
            }
        }

        /// Addresses compare ignoring ASCII case: domain names and IPv6 hex digits are
        /// case-insensitive.
        public static func == (lhs: Address, rhs: Address) -> Bool {
            lhs.kind == rhs.kind && lhs.text.equalsIgnoringASCIICase(rhs.text)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            text.hashIgnoringASCIICase(into: &hasher)
        }
    }
}
