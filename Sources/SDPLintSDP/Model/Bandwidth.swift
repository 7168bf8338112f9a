public import SDPLintDiagnostics
internal import SDPLintScanning

/// A `b=` line: the bandwidth a session or media section is expected to use.
///
/// [RFC 8866 §5.8](https://www.rfc-editor.org/rfc/rfc8866#section-5.8)
/// ```
/// bandwidth-field = %s"b" "=" bwtype ":" bandwidth CRLF
/// bwtype          = token
/// bandwidth       = 1*DIGIT
/// ```
public struct Bandwidth: Sendable, Hashable, CustomStringConvertible {
    public var type: BandwidthType { didSet { verbatim = nil } }
    /// Kilobits per second for CT and AS, bits per second for TIAS, RS and RR.
    public var value: UInt64 { didSet { verbatim = nil } }
    var verbatim: String?
    /// The line this was read from (`SourceLine.none` when built in code); not part of equality.
    public internal(set) var sourceLine: SourceLine = .none

    public init(type: BandwidthType, value: UInt64) {
        self.type = type
        self.value = value
    }

    /// The value after `b=`.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Appends the value after `b=`.
    public func write(to output: inout String) {
        write(into: &output)
    }

    func write<Sink: TextSink>(into output: inout Sink) {
        if let verbatim {
            output.write(verbatim)
            return
        }
        output.write(type.rawValue)
        output.write(literal: ":")
        output.write(decimal: value)
    }

    /// A bandwidth modifier. Compares case-insensitively.
    public struct BandwidthType: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        /// Conference total, kbit/s (RFC 8866 §5.8).
        public static let conferenceTotal: Self = "CT"
        /// Application-specific maximum, kbit/s (RFC 8866 §5.8).
        public static let applicationSpecific: Self = "AS"
        /// Transport-independent application-specific maximum, bit/s (RFC 3890).
        public static let transportIndependent: Self = "TIAS"
        /// RTCP bandwidth of senders, bit/s (RFC 3556).
        public static let rtcpSenders: Self = "RS"
        /// RTCP bandwidth of receivers, bit/s (RFC 3556).
        public static let rtcpReceivers: Self = "RR"

        /// The registered modifiers.
        public static let registered: [Self] = [
            .conferenceTotal, .applicationSpecific, .transportIndependent, .rtcpSenders, .rtcpReceivers,
        ]

        public var description: String { rawValue }
        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.rawValue.lowercasedASCII == rhs.rawValue.lowercasedASCII
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue.lowercasedASCII) }
    }
}
