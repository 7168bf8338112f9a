/// One ICE candidate: a transport address an agent can be reached at, with its type, priority and
/// the attributes that describe it — the value of an `a=candidate:` line.
///
/// A candidate parsed from text gives back exactly that text, whatever its spacing, spelling or
/// leading zeros: ``description`` keeps the input verbatim when it differs from the canonical form
/// the fields would print. Setting any field drops the verbatim copy, and the candidate prints in
/// canonical form from then on (single spaces, numbers without leading zeros, names as spelled in
/// the fields).
///
/// Two candidates are equal when they print the same text.
///
/// RFC 8839 §5.1 <https://www.rfc-editor.org/rfc/rfc8839#section-5.1>
///
/// ```
/// candidate-attribute   = "candidate" ":" foundation SP component-id SP
///                         transport SP priority SP
///                         connection-address SP port
///                         SP cand-type [SP rel-addr] [SP rel-port]
///                         *(SP cand-extension)
/// cand-extension        = extension-att-name SP extension-att-value
/// ```
///
/// ```swift
/// let candidate = try Candidate(parsing: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")
/// candidate.kind == .host            // true
/// candidate.typePreference           // 126
/// ```
public struct Candidate: Sendable, Hashable, CustomStringConvertible {
    /// Identifies candidates of the same type, base, transport and server (RFC 8445 §5.1.1.3).
    ///
    /// `foundation = 1*32ice-char` (RFC 8839 §5.1).
    public var foundation: String { didSet { verbatim = nil } }

    /// The component of the data stream: 1 for RTP, 2 for RTCP.
    ///
    /// `component-id = 1*3DIGIT`, from 1 to 256 (RFC 8839 §5.1).
    public var componentID: UInt16 { didSet { verbatim = nil } }

    /// The transport protocol, `UDP` or `TCP` (RFC 6544), as spelled.
    ///
    /// `transport = "UDP" / transport-extension` (RFC 8839 §5.1).
    public var transport: Transport { didSet { verbatim = nil } }

    /// The priority, from 1 to 2^31-1; see ``typePreference`` for what it encodes.
    ///
    /// `priority = 1*10DIGIT` (RFC 8839 §5.1). A parsed value above `UInt32.max` is stored as
    /// `UInt32.max` (and reported); the verbatim text keeps the original digits.
    public var priority: UInt32 { didSet { verbatim = nil } }

    /// The IP address or name of the candidate.
    ///
    /// `connection-address` from RFC 8866 §9 (RFC 8839 §5.1).
    public var address: Address { didSet { verbatim = nil } }

    /// The port of the candidate. TCP active candidates use 9, the discard port (RFC 6544 §4.5).
    ///
    /// `port` from RFC 8866 §9 (RFC 8839 §5.1).
    public var port: UInt16 { didSet { verbatim = nil } }

    /// The candidate type.
    ///
    /// `cand-type = "typ" SP candidate-types` (RFC 8839 §5.1).
    public var kind: Kind { didSet { verbatim = nil } }

    /// The related address: the base of a reflexive candidate, the mapped address of a relayed one.
    ///
    /// `rel-addr = "raddr" SP connection-address` (RFC 8839 §5.1).
    public var relatedAddress: Address? { didSet { verbatim = nil } }

    /// The port of the related address.
    ///
    /// `rel-port = "rport" SP port` (RFC 8839 §5.1).
    public var relatedPort: UInt16? { didSet { verbatim = nil } }

    /// How a TCP candidate connects.
    ///
    /// `tcp-type-ext = "tcptype" SP tcp-type` (RFC 6544 §4.5).
    public var tcpType: TCPType? { didSet { verbatim = nil } }

    /// The other name/value pairs after the type, in their original order: `generation`,
    /// `ufrag`, `network-id`, `network-cost`, and any unknown ones.
    ///
    /// `cand-extension = extension-att-name SP extension-att-value` (RFC 8839 §5.1).
    public var extensionAttributes: [ExtensionAttribute] { didSet { verbatim = nil } }

    /// The text as parsed, kept only while it differs from the canonical form. Set by the parser
    /// only; every field's `didSet` clears it.
    var verbatim: String?

    /// Makes a candidate from its fields. Nothing is validated; ``validate(options:)`` reports problems.
    public init(
        foundation: String,
        componentID: UInt16,
        transport: Transport,
        priority: UInt32,
        address: Address,
        port: UInt16,
        kind: Kind,
        relatedAddress: Address? = nil,
        relatedPort: UInt16? = nil,
        tcpType: TCPType? = nil,
        extensionAttributes: [ExtensionAttribute] = []
    ) {
        self.foundation = foundation
        self.componentID = componentID
        self.transport = transport
        self.priority = priority
        self.address = address
        self.port = port
        self.kind = kind
        self.relatedAddress = relatedAddress
        self.relatedPort = relatedPort
        self.tcpType = tcpType
        self.extensionAttributes = extensionAttributes
    }

    /// Whether the candidate prints in canonical form: it was built from fields, was mutated, or
    /// was parsed from text that was already canonical.
    public var isCanonical: Bool { verbatim == nil }

    /// The same candidate, printing in canonical form (what a formatter writes).
    ///
    /// Meant for candidates read without errors: a lenient parse with errors fills the fields it
    /// could not read with defaults, and their canonical form need not be a valid candidate
    /// (which is why `SessionDescription.formatted()` keeps such lines as written).
    public func canonicalized() -> Candidate {
        var copy = self
        copy.verbatim = nil
        return copy
    }

    /// The value of the attribute, without `a=candidate:`: the verbatim input when there is one,
    /// otherwise the canonical form.
    ///
    /// - Complexity: O(n) in the length of the text.
    public var description: String {
        if let verbatim { return verbatim }
        var text = ""
        writeCanonical(to: &text)
        return text
    }

    /// The text `RTCIceCandidate.candidate` holds and an SDP attribute line carries after `a=`:
    /// `candidate:` followed by ``description``.
    public var attribute: String {
        var text = "candidate:"
        write(to: &text)
        return text
    }

    /// Appends ``description`` to `output`.
    ///
    /// - Complexity: O(n) in the length of the text.
    public func write(to output: inout String) {
        if let verbatim {
            output += verbatim
        } else {
            writeCanonical(to: &output)
        }
    }

    /// Appends the canonical form: the fields in grammar order, single spaces, decimal numbers
    /// without leading zeros, and `tcptype` after `rport`, before the other extensions, where
    /// Chromium and Firefox put it.
    func writeCanonical(to output: inout String) {
        output += foundation
        output += " "
        output += String(componentID)
        output += " "
        output += transport.spelling
        output += " "
        output += String(priority)
        output += " "
        output += address.text
        output += " "
        output += String(port)
        output += " typ "
        output += kind.spelling
        if let relatedAddress {
            output += " raddr "
            output += relatedAddress.text
        }
        if let relatedPort {
            output += " rport "
            output += String(relatedPort)
        }
        if let tcpType {
            output += " tcptype "
            output += tcpType.rawValue
        }
        for attribute in extensionAttributes {
            output += " "
            output += attribute.name
            output += " "
            output += attribute.value
        }
    }

    public static func == (lhs: Candidate, rhs: Candidate) -> Bool {
        lhs.description == rhs.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }
}
