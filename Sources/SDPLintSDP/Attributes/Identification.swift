public import SDPLintDiagnostics
import SDPLintScanning

/// `a=mid`: the identification tag of a media section.
///
/// [RFC 5888 §4](https://www.rfc-editor.org/rfc/rfc5888#section-4); BUNDLE use in RFC 9143.
/// ```
/// mid-attribute      = "a=mid:" identification-tag
/// identification-tag = token
/// ```
public struct Mid: AttributeValue {
    public static let attributeName = Attribute.Name.mid
    public var value: String

    public init(_ value: String) { self.value = value }

    public func write(to output: inout String) { output += value }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Mid? {
        guard Field.token(bytes, range, "identification tag", SDPRules.midSyntax, &diagnostics) else {
            return range.isEmpty ? nil : Mid(Bytes.string(bytes, range))
        }
        return Mid(Bytes.string(bytes, range))
    }
}

/// `a=msid`: the MediaStream and track a media section's source belongs to.
///
/// [RFC 8830 §2](https://www.rfc-editor.org/rfc/rfc8830#section-2)
/// ```
/// msid-value  = msid-id [ SP msid-appdata ]
/// msid-id     = 1*64token-char   ; "-" means no stream
/// msid-appdata = 1*64token-char
/// ```
public struct MSID: AttributeValue {
    public static let attributeName = Attribute.Name.msid

    /// The MediaStream id; "-" when the track belongs to no stream (JSEP §5.2.1).
    public var streamID: String
    /// The application data, which browsers set to the track id.
    public var trackID: String?

    public init(streamID: String, trackID: String? = nil) {
        self.streamID = streamID
        self.trackID = trackID
    }

    public func write(to output: inout String) {
        output += streamID
        if let trackID {
            output += " "
            output += trackID
        }
    }

    /// Checks the value; returns the stream id and track id ranges.
    static func scan(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> (id: Range<Int>, appdata: Range<Int>?)? {
        // The usual form, "<id>[ <appdata>]" of tokens up to 64 characters, has nothing to report.
        if var cursor = CanonicalCursor(bytes, range), let id = cursor.token(bytes), id.count <= 64 {
            if cursor.isAtEnd { return (id, nil) }
            if cursor.space(bytes), let appdata = cursor.token(bytes), appdata.count <= 64, cursor.isAtEnd {
                return (id, appdata)
            }
        }
        let fields = FieldList(bytes, range, limit: 3, diagnostics: &diagnostics)
        guard let id = fields.at(0) else {
            diagnostics.report(SDPRules.msidSyntax, range, "msid has no stream id")
            return nil
        }
        check(bytes, id, "stream id", &diagnostics)
        let appdata = fields.at(1)
        if let appdata { check(bytes, appdata, "track id", &diagnostics) }
        if let extra = fields.at(2) {
            diagnostics.report(
                SDPRules.msidSyntax, extra, "unexpected '\(Bytes.string(bytes, extra))' after the track id")
        }
        return (id, appdata)
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> MSID? {
        guard let (id, appdata) = scan(bytes, range, into: &diagnostics) else { return nil }
        return MSID(streamID: Bytes.string(bytes, id), trackID: appdata.map { Bytes.string(bytes, $0) })
    }

    private static func check(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ what: String, _ diagnostics: inout DiagnosticCollector
    ) {
        if Field.token(bytes, range, what, SDPRules.msidSyntax, &diagnostics), range.count > 64 {
            diagnostics.report(
                SDPRules.msidSyntax, range, "\(what) is \(range.count) characters long; at most 64 are allowed")
        }
    }
}

/// `a=msid-semantic`: the legacy session-level list of MediaStream ids (`WMS`), still sent by
/// Chromium and Firefox.
///
/// From draft-ietf-mmusic-msid-01 §3 (later removed from RFC 8830):
/// ```
/// msid-semantic-attr = "msid-semantic:" msid-semantic msid-list
/// msid-list = *(" " msid-id) / " *"
/// ```
public struct MSIDSemantic: AttributeValue {
    public static let attributeName = Attribute.Name.msidSemantic

    /// The semantic token, "WMS" for WebRTC MediaStreams.
    public var semantic: String
    /// The stream ids, or `["*"]` for all.
    public var identifiers: [String]

    public init(semantic: String = "WMS", identifiers: [String]) {
        self.semantic = semantic
        self.identifiers = identifiers
    }

    /// The grammar's form, without a space after the colon (Chromium writes one; a parsed
    /// attribute keeps whatever the input had).
    public func write(to output: inout String) {
        output += semantic
        for id in identifiers {
            output += " "
            output += id
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> MSIDSemantic? {
        var identifiers: [String] = []
        guard
            let semantic = scan(
                bytes, range, into: &diagnostics, identifier: { identifiers.append(Bytes.string(bytes, $0)) })
        else { return nil }
        return MSIDSemantic(semantic: Bytes.string(bytes, semantic), identifiers: identifiers)
    }

    /// Checks the value without making strings; returns the semantic's range and passes each
    /// identifier's to `identifier`.
    static func scan(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector,
        identifier: (Range<Int>) -> Void = { _ in }
    ) -> Range<Int>? {
        let rule = SDPRules.valueSyntax
        // The space after the colon is part of the legacy form; not reported as white space.
        var start = range.lowerBound
        if start < range.upperBound && bytes[start] == ASCII.space { start += 1 }
        var scanner = ValueScanner(value: start..<range.upperBound)
        guard let semantic = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(rule, range, "msid-semantic has no semantic (WMS)")
            return nil
        }
        Field.token(bytes, semantic, "msid semantic", rule, &diagnostics)
        while let id = scanner.field(bytes, &diagnostics) {
            identifier(id)
        }
        return semantic
    }
}

/// `a=group`: ties media sections together by their mids (BUNDLE, lip sync, FEC, …).
///
/// [RFC 5888 §5](https://www.rfc-editor.org/rfc/rfc5888#section-5)
/// ```
/// group-attribute = "a=group:" semantics *(SP identification-tag)
/// semantics       = "LS" / "FID" / semantics-extension
/// ```
public struct Group: AttributeValue {
    public static let attributeName = Attribute.Name.group

    public var semantics: Semantics
    /// The identification tags (mids), in order; for BUNDLE the first is the offerer's tagged section.
    public var mids: [String]

    public init(semantics: Semantics, mids: [String]) {
        self.semantics = semantics
        self.mids = mids
    }

    public func write(to output: inout String) {
        output += semantics.rawValue
        for mid in mids {
            output += " "
            output += mid
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Group? {
        var mids: [String] = []
        guard
            let semantics = scan(
                bytes, range, into: &diagnostics, mid: { _, mid in mids.append(Bytes.string(bytes, mid)) })
        else { return nil }
        return Group(semantics: Semantics(rawValue: Bytes.string(bytes, semantics)), mids: mids)
    }

    /// Checks the value; returns the semantics as a byte range and hands each mid, with the
    /// semantics, to `mid`, so that checking a group collects nothing.
    static func scan(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector,
        mid: (_ semantics: Range<Int>, _ mid: Range<Int>) -> Void = { _, _ in }
    ) -> Range<Int>? {
        let rule = SDPRules.groupSyntax
        var scanner = ValueScanner(value: range)
        guard let semantics = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(rule, range, "group has no semantics", hint: "e.g. a=group:BUNDLE 0 1")
            return nil
        }
        Field.token(bytes, semantics, "group semantics", rule, &diagnostics)
        while let tag = scanner.field(bytes, &diagnostics) {
            Field.token(bytes, tag, "identification tag", rule, &diagnostics)
            mid(semantics, tag)
        }
        return semantics
    }

    /// Group semantics (RFC 5888 §5 and the IANA registry). ABNF strings are case-insensitive,
    /// so these compare without case.
    public struct Semantics: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        /// Lip synchronization (RFC 5888).
        public static let lipSync: Self = "LS"
        /// Flow identification (RFC 5888).
        public static let flowIdentification: Self = "FID"
        /// Single reservation flow (RFC 3524).
        public static let singleReservationFlow: Self = "SRF"
        /// Alternative network address types (RFC 4091, deprecated).
        public static let alternativeNetworkAddressTypes: Self = "ANAT"
        /// Forward error correction (RFC 4756).
        public static let forwardErrorCorrection: Self = "FEC"
        /// FEC framework (RFC 5956).
        public static let fecFramework: Self = "FEC-FR"
        /// Composite session (3GPP).
        public static let compositeSession: Self = "CS"
        /// Decoding dependency (RFC 5583).
        public static let decodingDependency: Self = "DDP"
        /// Duplication (RFC 7104).
        public static let duplication: Self = "DUP"
        /// Bundled transport (RFC 9143).
        public static let bundle: Self = "BUNDLE"

        public var description: String { rawValue }
        public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue.equalsIgnoringASCIICase(rhs.rawValue) }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue.lowercasedASCII) }
    }
}
