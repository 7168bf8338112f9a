public import SDPLintDiagnostics
import SDPLintScanning

/// `a=ssrc`: a source-level attribute, such as the `cname` of an RTP synchronization source.
///
/// [RFC 5576 §4.1](https://www.rfc-editor.org/rfc/rfc5576#section-4.1)
/// ```
/// ssrc-attr = "ssrc:" ssrc-id SP attribute
/// ssrc-id   = integer ; 0 .. 2**32 - 1
/// attribute = (att-field ":" att-value) / att-field
/// ```
public struct SSRC: AttributeValue {
    public static let attributeName = Attribute.Name.ssrc

    public var id: UInt32
    /// The source attribute's name: "cname", "msid", "label", "mslabel", …
    public var attribute: String
    /// The source attribute's value.
    public var value: String?

    public init(id: UInt32, attribute: String, value: String? = nil) {
        self.id = id
        self.attribute = attribute
        self.value = value
    }

    public func write(to output: inout String) {
        output += String(id)
        output += " "
        output += attribute
        if let value {
            output += ":"
            output += value
        }
    }

    /// The parts of the value, found without creating strings.
    struct Scanned {
        var id: UInt32
        var attribute: Range<Int>
        var value: Range<Int>?
    }

    static func scan(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) -> Scanned?
    {
        // The usual form, "<id> <name>[:<value>]", has nothing to report.
        if var cursor = CanonicalCursor(bytes, range), let id = cursor.number(bytes, maxDigits: 10),
            id <= UInt64(UInt32.max),
            cursor.space(bytes), let name = cursor.token(bytes)
        {
            if cursor.isAtEnd { return Scanned(id: UInt32(id), attribute: name, value: nil) }
            if cursor.skip(bytes, ASCII.colon) { return Scanned(id: UInt32(id), attribute: name, value: cursor.rest()) }
        }
        let rule = SDPRules.ssrcSyntax
        let fields = FieldList(bytes, range, limit: 2, diagnostics: &diagnostics)
        guard let idRange = fields.at(0) else {
            diagnostics.report(rule, range, "ssrc has no SSRC id")
            return nil
        }
        let id = Field.integer(bytes, idRange, "SSRC", rule, in: 0...UInt32.max, &diagnostics)
        guard let rest = fields.at(1) else {
            diagnostics.report(
                rule, fields.missing(1), "ssrc has no source attribute", hint: "e.g. a=ssrc:1 cname:user@host")
            return nil
        }
        let colon = Bytes.firstIndex(of: ASCII.colon, in: bytes, rest)
        let name = rest.lowerBound..<colon
        Field.token(bytes, name, "source attribute name", rule, &diagnostics)
        guard let id else { return nil }
        return Scanned(id: id, attribute: name, value: colon < rest.upperBound ? (colon + 1)..<rest.upperBound : nil)
    }

    /// The SSRC id at the start of a value, even when the rest of it does not scan: a line
    /// "a=ssrc:1234" (no source attribute, reported by ``scan(_:_:into:)``) still declares 1234.
    static func declaredID(_ bytes: Span<UInt8>, _ range: Range<Int>) -> UInt32? {
        guard var cursor = CanonicalCursor(bytes, range), let id = cursor.number(bytes, maxDigits: 10),
            id <= UInt64(UInt32.max), cursor.isAtEnd || cursor.space(bytes)
        else { return nil }
        return UInt32(id)
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> SSRC? {
        guard let scanned = scan(bytes, range, into: &diagnostics) else { return nil }
        return SSRC(
            id: scanned.id, attribute: Bytes.string(bytes, scanned.attribute),
            value: scanned.value.map { Bytes.string(bytes, $0) })
    }
}

/// `a=ssrc-group`: relates SSRCs of one section, such as a media SSRC and its RTX repair SSRC.
///
/// [RFC 5576 §4.2](https://www.rfc-editor.org/rfc/rfc5576#section-4.2)
/// ```
/// ssrc-group-attr = "ssrc-group:" semantics *(SP ssrc-id)
/// ```
public struct SSRCGroup: AttributeValue {
    public static let attributeName = Attribute.Name.ssrcGroup

    /// "FID" (RTX, RFC 5576), "FEC" / "FEC-FR" (RFC 5956), "SIM" (simulcast, Chromium), …
    public var semantics: String
    public var ssrcs: [UInt32]

    public init(semantics: String, ssrcs: [UInt32]) {
        self.semantics = semantics
        self.ssrcs = ssrcs
    }

    public func write(to output: inout String) {
        output += semantics
        for ssrc in ssrcs {
            output += " "
            output += String(ssrc)
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> SSRCGroup? {
        let rule = SDPRules.ssrcGroupSyntax
        var scanner = ValueScanner(value: range)
        guard let semantics = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(rule, range, "ssrc-group has no semantics")
            return nil
        }
        Field.token(bytes, semantics, "ssrc-group semantics", rule, &diagnostics)
        var ssrcs: [UInt32] = []
        while let field = scanner.field(bytes, &diagnostics) {
            if let ssrc = Field.integer(bytes, field, "SSRC", rule, in: 0...UInt32.max, &diagnostics) {
                ssrcs.append(ssrc)
            }
        }
        return SSRCGroup(semantics: Bytes.string(bytes, semantics), ssrcs: ssrcs)
    }
}
