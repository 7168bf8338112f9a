public import SDPLintDiagnostics
internal import SDPLintScanning

/// The value of Content-Type (or `c`): a MIME media type with its parameters.
///
/// Type, subtype and parameter names compare case-insensitively and keep their spelling.
///
/// [RFC 3261 §20.15](https://www.rfc-editor.org/rfc/rfc3261#section-20.15)
/// ```
/// media-type     =  m-type SLASH m-subtype *(SEMI m-parameter)
/// m-parameter    =  m-attribute EQUAL m-value
/// m-value        =  token / quoted-string
/// ```
public struct MediaType: SIPValue {
    /// What the value is called in findings.
    public static let valueName = "media type"

    /// `m-type`: `application`, `multipart`, `text`, …
    public var type: String { didSet { verbatim = nil } }
    /// `m-subtype`: `sdp`, `mixed`, `trickle-ice-sdpfrag`, …
    public var subtype: String { didSet { verbatim = nil } }
    /// The parameters in order (`boundary`, `charset`, …), values as written.
    public var parameters: [SIPParameter] { didSet { verbatim = nil } }

    var verbatim: String?

    public init(_ type: String, _ subtype: String, parameters: [SIPParameter] = []) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// `application/sdp` (RFC 3264).
    public static let sdp = MediaType("application", "sdp")
    /// `multipart/mixed` (RFC 2046 §5.1.3); needs a `boundary` parameter.
    public static let multipartMixed = MediaType("multipart", "mixed")
    /// `application/trickle-ice-sdpfrag` (RFC 8840 §9.1).
    public static let trickleICESDPFragment = MediaType("application", "trickle-ice-sdpfrag")

    /// Whether type and subtype match `other`'s, ignoring case and parameters.
    public func matches(_ other: MediaType) -> Bool {
        type.equalsIgnoringASCIICase(other.type) && subtype.equalsIgnoringASCIICase(other.subtype)
    }

    /// Whether the type is `multipart/*`.
    public var isMultipart: Bool { type.equalsIgnoringASCIICase("multipart") }

    /// The `boundary` parameter of a multipart type, unquoted.
    public var boundary: String? { parameters.first(named: "boundary")?.unquotedValue }

    /// The `charset` parameter, unquoted.
    public var charset: String? { parameters.first(named: "charset")?.unquotedValue }

    /// The value as text: verbatim when parsed and unchanged, otherwise `type/subtype;a=b`.
    public var description: String {
        if let verbatim { return verbatim }
        var text = type + "/" + subtype
        parameters.write(to: &text)
        return text
    }

    /// The same value, printing in canonical form from its fields (what an edit would write).
    public func canonicalized() -> MediaType {
        var copy = self
        copy.verbatim = nil
        return copy
    }

    public static func == (lhs: MediaType, rhs: MediaType) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// Reads the media type at `range` of `bytes`, reporting every problem with its absolute byte range.
    ///
    /// [RFC 3261 §20.15](https://www.rfc-editor.org/rfc/rfc3261#section-20.15)
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: The value, without surrounding white space.
    ///   - diagnostics: Receives the findings.
    /// - Returns: The value, or `nil` when nothing usable could be read.
    /// - Complexity: O(n) in `range.count`.
    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> MediaType? {
        let end = range.upperBound
        let typeStart = SIPGrammar.skipSpace(bytes, range.lowerBound, end)
        let typeEnd = SIPGrammar.run(of: SIPGrammar.token, bytes, typeStart, end)
        let slash = SIPGrammar.skipSpace(bytes, typeEnd, end)
        guard typeEnd > typeStart, slash < end, bytes[slash] == ASCII.slash else {
            diagnostics.report(
                SIPRules.mediaTypeSyntax, range,
                "\(Bytes.quoted(bytes, range)) is not a media type such as application/sdp")
            return nil
        }
        let subtypeStart = SIPGrammar.skipSpace(bytes, slash + 1, end)
        var i = SIPGrammar.run(of: SIPGrammar.token, bytes, subtypeStart, end)
        guard i > subtypeStart else {
            diagnostics.report(
                SIPRules.mediaTypeSyntax, range,
                "the media type \(Bytes.quoted(bytes, range)) has no subtype after '/'")
            return nil
        }
        let subtypeRange = subtypeStart..<i
        let parameters = HeaderParameters.read(bytes, &i, end, rule: SIPRules.mediaTypeSyntax, &diagnostics)
        if i < end {
            diagnostics.report(
                SIPRules.mediaTypeSyntax, i..<end, "unexpected \(Bytes.quoted(bytes, i..<end)) in the media type")
        }
        var value = MediaType(
            Bytes.string(bytes, typeStart..<typeEnd), Bytes.string(bytes, subtypeRange), parameters: parameters)
        value.verbatim = Bytes.string(bytes, range)
        return value
    }
}
