public import SDPLintDiagnostics
import SDPLintScanning

/// `a=extmap`: maps an RTP header extension URI to the local id used on the wire.
///
/// [RFC 8285 §8](https://www.rfc-editor.org/rfc/rfc8285#section-8)
/// ```
/// extmap = mapentry SP extensionname [SP extensionattributes]
/// mapentry = "extmap:" 1*5DIGIT ["/" direction]
/// direction = "sendonly" / "recvonly" / "sendrecv" / "inactive"
/// extensionname = URI
/// ```
public struct ExtMap: AttributeValue {
    public static let attributeName = Attribute.Name.extmap

    /// The ids a usable mapping takes, each once per section or session level (RFC 8285 §5): the
    /// "valid range" of §4.3, whose 256 names the two-byte header's appbits.
    public static let validIDs = 1...256
    /// The ids an offer or answer may also hold, repeated, to offer extensions that the answerer
    /// remaps into the valid range to use them (RFC 8285 §7).
    public static let negotiationIDs = 4096...4351

    /// The local identifier: 1–14 fits the one-byte header, 1–255 the two-byte header (RFC 8285 §4).
    public var id: Int
    /// The direction of this extension, when it differs from the section's.
    public var direction: Direction?
    /// The extension's URI, such as `urn:ietf:params:rtp-hdrext:sdes:mid`.
    public var uri: String
    /// Extension-specific attributes after the URI, as written.
    public var extensionAttributes: String?

    public init(id: Int, direction: Direction? = nil, uri: String, extensionAttributes: String? = nil) {
        self.id = id
        self.direction = direction
        self.uri = uri
        self.extensionAttributes = extensionAttributes
    }

    /// Whether the id needs the two-byte header form (RFC 8285 §4.3).
    public var needsTwoByteHeader: Bool { id > 14 }

    public func write(to output: inout String) {
        output += String(id)
        if let direction {
            output += "/"
            output += direction.rawValue
        }
        output += " "
        output += uri
        if let extensionAttributes {
            output += " "
            output += extensionAttributes
        }
    }

    /// The parts of the value, found without creating strings.
    struct Scanned {
        var id: Int
        var direction: Direction?
        var uri: Range<Int>
        var extensionAttributes: Range<Int>?
    }

    @inline(__always)
    static func scan(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) -> Scanned?
    {
        if let scanned = scanCanonical(bytes, range) { return scanned }
        return scanAny(bytes, range, into: &diagnostics)
    }

    /// The general path: any form, with every finding.
    @inline(never)
    private static func scanAny(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Scanned? {
        let rule = SDPRules.extmapSyntax
        let fields = FieldList(bytes, range, limit: 3, diagnostics: &diagnostics)
        guard let entry = fields.at(0) else {
            diagnostics.report(rule, range, "extmap has no id")
            return nil
        }
        let slash = Bytes.firstIndex(of: ASCII.slash, in: bytes, entry)
        let idRange = entry.lowerBound..<slash
        let id = Field.integer(bytes, idRange, "extmap id", rule, as: UInt64.self, &diagnostics)
        // 15 is reserved only in the one-byte header form (RFC 8285 §4.2); the two-byte form
        // takes 1–255 (§4.3), so 15, like 16–255, merely needs two-byte headers.
        if let id {
            let value = Int(clamping: id)
            if Self.negotiationIDs.contains(value) {
                diagnostics.report(
                    SDPRules.extmapNegotiationID, idRange,
                    """
                    extmap id \(id) is a negotiation id: no RTP header carries it until an offer or answer maps \
                    the extension to an id of 1–256 (RFC 8285 §7)
                    """
                )
            } else if !Self.validIDs.contains(value) {
                let why =
                    id == 0
                    ? "0 is padding"
                    : "the valid ids are 1–256, and 4096–4351 only offer an extension for the answerer to remap (RFC 8285 §7)"
                diagnostics.report(rule, idRange, "extmap id \(id) is not usable: \(why)")
            }
        }
        var direction: Direction?
        if slash < entry.upperBound {
            let text = (slash + 1)..<entry.upperBound
            if Bytes.equals(bytes, text, "sendrecv") {
                direction = .sendrecv
            } else if Bytes.equals(bytes, text, "sendonly") {
                direction = .sendonly
            } else if Bytes.equals(bytes, text, "recvonly") {
                direction = .recvonly
            } else if Bytes.equals(bytes, text, "inactive") {
                direction = .inactive
            } else {
                diagnostics.report(
                    SDPRules.extmapDirection, text,
                    "extmap direction '\(Bytes.string(bytes, text))' is not sendonly, recvonly, sendrecv or inactive")
            }
        }
        guard let uri = fields.at(1) else {
            diagnostics.report(rule, fields.missing(1), "extmap has no extension URI")
            return nil
        }
        if Bytes.firstIndex(of: ASCII.colon, in: bytes, uri) == uri.upperBound {
            diagnostics.report(rule, uri, "extension name '\(Bytes.string(bytes, uri))' is not a URI")
        }
        guard let id, id <= 65535 else { return nil }
        return Scanned(id: Int(id), direction: direction, uri: uri, extensionAttributes: fields.at(2))
    }

    /// The usual form, "<id>[/<direction>] <uri>[ <attributes>]" with an id from 1 to 255 and a
    /// URI holding a colon, which has nothing to report; `nil` for anything else.
    @inline(__always)
    private static func scanCanonical(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Scanned? {
        guard var cursor = CanonicalCursor(bytes, range), let id = cursor.number(bytes, maxDigits: 3), id >= 1,
            id <= 255
        else { return nil }
        var direction: Direction?
        if cursor.skip(bytes, ASCII.slash) {
            guard let text = cursor.token(bytes) else { return nil }
            if Bytes.equals(bytes, text, "sendrecv") {
                direction = .sendrecv
            } else if Bytes.equals(bytes, text, "sendonly") {
                direction = .sendonly
            } else if Bytes.equals(bytes, text, "recvonly") {
                direction = .recvonly
            } else if Bytes.equals(bytes, text, "inactive") {
                direction = .inactive
            } else {
                return nil
            }
        }
        guard cursor.space(bytes), let uri = cursor.field(bytes),
            Bytes.firstIndex(of: ASCII.colon, in: bytes, uri) < uri.upperBound
        else { return nil }
        var attributes: Range<Int>?
        if !cursor.isAtEnd {
            guard cursor.space(bytes) else { return nil }
            attributes = cursor.rest()
        }
        return Scanned(id: Int(id), direction: direction, uri: uri, extensionAttributes: attributes)
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> ExtMap? {
        guard let scanned = scan(bytes, range, into: &diagnostics) else { return nil }
        return ExtMap(
            id: scanned.id, direction: scanned.direction, uri: Bytes.string(bytes, scanned.uri),
            extensionAttributes: scanned.extensionAttributes.map { Bytes.string(bytes, $0) })
    }
}
