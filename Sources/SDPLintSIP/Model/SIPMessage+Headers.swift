internal import SDPLintDiagnostics
internal import SDPLintScanning

/// Typed views of the headers RFC 3261 gives meaning to. Each reads the current fields, so it
/// agrees with the raw form after any edit; a value that cannot be read is `nil` (the parse
/// result's diagnostics say why).
extension SIPMessage {
    /// The Via values, top first, across all Via fields (RFC 3261 §20.42).
    public var vias: [Via] { list(.via, Via.parse) }

    /// The top Via: the hop this message came from.
    public var topVia: Via? { vias.first }

    /// From (RFC 3261 §20.20).
    public var from: NameAddress? { single(.from, NameAddress.parse) }

    /// To (RFC 3261 §20.39).
    public var to: NameAddress? { single(.to, NameAddress.parse) }

    /// The tag of From: the caller's half of the dialog ID.
    public var fromTag: String? { from?.tag }

    /// The tag of To: the callee's half of the dialog ID; absent in an initial request.
    public var toTag: String? { to?.tag }

    /// Call-ID (RFC 3261 §20.8).
    public var callID: String? { headers[.callID] }

    /// CSeq (RFC 3261 §20.16).
    public var cseq: CSeq? { single(.cseq, CSeq.parse) }

    /// The Contact addresses across all Contact fields (RFC 3261 §20.10); empty for `Contact: *`,
    /// which ``hasWildcardContact`` reports.
    public var contacts: [NameAddress] {
        list(.contact) { bytes, range, diagnostics in
            Bytes.equals(bytes, range, "*") ? nil : NameAddress.parse(bytes, range, into: &diagnostics)
        }
    }

    /// Whether Contact is `*`, which REGISTER uses to remove every binding (RFC 3261 §10.2.2).
    public var hasWildcardContact: Bool { headers.values(for: .contact).contains("*") }

    /// Route values, in order (RFC 3261 §20.34).
    public var routes: [NameAddress] { list(.route, NameAddress.parse) }

    /// Record-Route values, in order (RFC 3261 §20.30).
    public var recordRoutes: [NameAddress] { list(.recordRoute, NameAddress.parse) }

    /// Max-Forwards (RFC 3261 §20.22), when it is a number.
    public var maxForwards: Int? { headers[.maxForwards].flatMap(Self.decimal) }

    /// Content-Length (RFC 3261 §20.14), when it is a number.
    public var contentLength: Int? { headers[.contentLength].flatMap(Self.decimal) }

    /// Content-Type (RFC 3261 §20.15).
    public var contentType: MediaType? { single(.contentType, MediaType.parse) }

    /// Expires in seconds (RFC 3261 §20.19), when it is a number.
    public var expires: Int? { headers[.expires].flatMap(Self.decimal) }

    /// The methods in Allow (RFC 3261 §20.5).
    public var allow: [SIPMethod] { headers.values(for: .allow).map { SIPMethod($0) } }

    /// The option tags in Supported (RFC 3261 §20.37).
    public var supported: [String] { headers.values(for: .supported) }

    /// The option tags in Require (RFC 3261 §20.32).
    public var require: [String] { headers.values(for: .require) }

    // MARK: Helpers

    /// The value of the first field named `name` read by `parse`.
    private func single<T>(
        _ name: SIPHeaderName, _ parse: (Span<UInt8>, Range<Int>, inout DiagnosticCollector) -> T?
    ) -> T? {
        guard let value = headers[name] else { return nil }
        return value.withUTF8Span { bytes in
            var scratch = DiagnosticCollector()
            return parse(bytes, Bytes.trimmingWhitespace(bytes, 0..<bytes.count), &scratch)
        }
    }

    /// Every element of every field named `name`, read by `parse`.
    private func list<T>(
        _ name: SIPHeaderName, _ parse: (Span<UInt8>, Range<Int>, inout DiagnosticCollector) -> T?
    ) -> [T] {
        var values: [T] = []
        for field in headers.fields where !field.isMalformed && field.name == name {
            field.value.withUTF8Span { bytes in
                var scratch = DiagnosticCollector()
                for element in SIPGrammar.splitList(bytes, 0..<bytes.count) where !element.isEmpty {
                    if let value = parse(bytes, element, &scratch) { values.append(value) }
                }
            }
        }
        return values
    }

    /// A non-negative decimal that fits an `Int`.
    static func decimal(_ text: String) -> Int? {
        text.withUTF8Span { bytes in
            let range = Bytes.trimmingWhitespace(bytes, 0..<bytes.count)
            guard case .success(let value) = DecimalDigits.parse(bytes, range, as: UInt64.self),
                value <= UInt64(Int.max)
            else { return nil }
            return Int(value)
        }
    }
}
