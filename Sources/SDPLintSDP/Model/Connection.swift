public import SDPLintDiagnostics
internal import SDPLintScanning

/// A `c=` line: the network address media is sent to.
///
/// [RFC 8866 §5.7](https://www.rfc-editor.org/rfc/rfc8866#section-5.7)
/// ```
/// connection-field   = %s"c" "=" nettype SP addrtype SP connection-address CRLF
/// connection-address = multicast-address / unicast-address
/// IP4-multicast      = m1 3( "." decimal-uchar ) "/" ttl [ "/" numaddr ]
/// IP6-multicast      = IP6-address [ "/" numaddr ]
/// ```
public struct Connection: Sendable, Hashable, CustomStringConvertible {
    /// `nettype = token`, "IN" for the Internet.
    public var networkType: String { didSet { verbatim = nil } }
    /// `addrtype = token`, "IP4" or "IP6".
    public var addressType: AddressType { didSet { verbatim = nil } }
    /// The address or name, without the multicast suffixes.
    public var address: String { didSet { verbatim = nil } }
    /// The time-to-live of an IPv4 multicast address (0–255).
    public var ttl: Int? { didSet { verbatim = nil } }
    /// How many consecutive multicast addresses are meant (`numaddr`).
    public var numberOfAddresses: Int? { didSet { verbatim = nil } }
    var verbatim: String?
    /// The line this was read from (`SourceLine.none` when built in code); not part of equality.
    public internal(set) var sourceLine: SourceLine = .none

    public init(
        networkType: String = "IN",
        addressType: AddressType = .ip4,
        address: String,
        ttl: Int? = nil,
        numberOfAddresses: Int? = nil
    ) {
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
        self.ttl = ttl
        self.numberOfAddresses = numberOfAddresses
    }

    /// The value after `c=`.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Appends the value after `c=`.
    public func write(to output: inout String) {
        write(into: &output)
    }

    func write<Sink: TextSink>(into output: inout Sink) {
        if let verbatim {
            output.write(verbatim)
            return
        }
        output.write(networkType)
        output.write(literal: " ")
        output.write(addressType.rawValue)
        output.write(literal: " ")
        output.write(address)
        if let ttl {
            output.write(literal: "/")
            output.write(decimal: ttl)
        }
        if let numberOfAddresses {
            output.write(literal: "/")
            output.write(decimal: numberOfAddresses)
        }
    }

    /// The address type of a connection or origin (`addrtype = token`). Compares case-insensitively.
    public struct AddressType: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible
    {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public static let ip4: Self = "IP4"
        public static let ip6: Self = "IP6"

        public var description: String { rawValue }
        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.rawValue.lowercasedASCII == rhs.rawValue.lowercasedASCII
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue.lowercasedASCII) }
    }
}
