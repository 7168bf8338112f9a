public import SDPLintDiagnostics
internal import SDPLintScanning

/// The command sequence of a request: a number that orders requests within a dialog, and the
/// method it belongs to.
///
/// [RFC 3261 §20.16](https://www.rfc-editor.org/rfc/rfc3261#section-20.16)
/// ```
/// CSeq  =  "CSeq" HCOLON 1*DIGIT LWS Method
/// ```
public struct CSeq: SIPValue {
    /// What the value is called in findings.
    public static let valueName = "CSeq value"

    /// The sequence number: 32 bits, and less than 2^31 when a UAC picks it (§8.1.1.5).
    public var number: UInt32
    /// The method, equal to the request's.
    public var method: SIPMethod

    public init(_ number: UInt32, _ method: SIPMethod) {
        self.number = number
        self.method = method
    }

    /// `number method`, the wire form.
    public var description: String { String(number) + " " + method.rawValue }

    /// Reads the CSeq value at `range` of `bytes`, reporting every problem with its absolute byte range.
    ///
    /// [RFC 3261 §20.16](https://www.rfc-editor.org/rfc/rfc3261#section-20.16)
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: The value, without surrounding white space.
    ///   - diagnostics: Receives the findings.
    /// - Returns: The value, or `nil` when nothing usable could be read.
    /// - Complexity: O(n) in `range.count`.
    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> CSeq? {
        let end = range.upperBound
        let start = SIPGrammar.skipSpace(bytes, range.lowerBound, end)
        let digitsEnd = SIPGrammar.run(of: .digit, bytes, start, end)
        let methodStart = SIPGrammar.skipSpace(bytes, digitsEnd, end)
        let methodEnd = SIPGrammar.run(of: SIPGrammar.token, bytes, methodStart, end)
        guard digitsEnd > start, methodStart > digitsEnd, methodEnd > methodStart,
            SIPGrammar.skipSpace(bytes, methodEnd, end) == end
        else {
            diagnostics.report(
                SIPRules.cseqSyntax, range,
                "CSeq \(Bytes.quoted(bytes, range)) is not a sequence number followed by a method")
            return nil
        }
        let number: UInt32
        switch DecimalDigits.parse(bytes, start..<digitsEnd, as: UInt32.self) {
        case .success(let value):
            number = value
            if value >= 1 << 31 {
                diagnostics.report(
                    SIPRules.cseqRange, start..<digitsEnd, "the CSeq number \(value) is not less than 2^31")
            }
        case .failure:
            diagnostics.report(
                SIPRules.cseqSyntax, start..<digitsEnd,
                "the CSeq number \(Bytes.quoted(bytes, start..<digitsEnd)) does not fit 32 bits")
            number = UInt32.max
        }
        return CSeq(number, SIPMethod(Bytes.string(bytes, methodStart..<methodEnd)))
    }
}
