public import SDPLintDiagnostics
import SDPLintScanning

/// `a=crypto`: an SDES-SRTP key (keys in the SDP itself; DTLS-SRTP is preferred).
///
/// [RFC 4568 §9.1](https://www.rfc-editor.org/rfc/rfc4568#section-9.1)
/// ```
/// crypto-attribute = "crypto:" tag 1*WSP crypto-suite 1*WSP key-params *(1*WSP session-param)
/// tag          = 1*9DIGIT
/// key-params   = key-param *(";" key-param)
/// key-param    = key-method ":" key-info
/// ```
public struct Crypto: AttributeValue {
    public static let attributeName = Attribute.Name.crypto

    /// One `method:info` key parameter, such as `inline:<key>|2^20|1:32`.
    public struct KeyParameter: Sendable, Hashable, CustomStringConvertible {
        public var method: String
        public var info: String

        public init(method: String = "inline", info: String) {
            self.method = method
            self.info = info
        }

        /// The base64 key and salt of an inline key (before the first "|").
        public var key: Substring {
            info.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        }
        /// The key lifetime ("2^20"), if given.
        public var lifetime: Substring? {
            info.split(separator: "|", omittingEmptySubsequences: false).dropFirst().first { !$0.contains(":") }
        }

        public var description: String { method + ":" + info }
    }

    public var tag: Int
    /// "AES_CM_128_HMAC_SHA1_80", "AEAD_AES_256_GCM", …
    public var suite: String
    public var keyParameters: [KeyParameter]
    public var sessionParameters: [String]

    public init(tag: Int, suite: String, keyParameters: [KeyParameter], sessionParameters: [String] = []) {
        self.tag = tag
        self.suite = suite
        self.keyParameters = keyParameters
        self.sessionParameters = sessionParameters
    }

    public func write(to output: inout String) {
        output += String(tag)
        output += " "
        output += suite
        output += " "
        output += keyParameters.map(\.description).joined(separator: ";")
        for parameter in sessionParameters {
            output += " "
            output += parameter
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Crypto? {
        let rule = SDPRules.cryptoSyntax
        var scanner = ValueScanner(value: range)
        guard let tagRange = scanner.field(bytes, &diagnostics),
            let tag = Field.integer(bytes, tagRange, "crypto tag", rule, in: 0...UInt64(999_999_999), &diagnostics)
        else {
            if range.isEmpty { diagnostics.report(rule, range, "crypto has no tag") }
            return nil
        }
        guard let suite = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(rule, tagRange.upperBound..<tagRange.upperBound, "crypto has no crypto-suite")
            return nil
        }
        Field.token(bytes, suite, "crypto-suite", rule, &diagnostics)
        guard let keys = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(
                rule, suite.upperBound..<suite.upperBound, "crypto has no key parameters",
                hint: "e.g. inline:<base64 key and salt>")
            return nil
        }
        var keyParameters: [KeyParameter] = []
        var items = ValueScanner(keys)
        // key-param *(";" key-param): a ';' needs a key parameter after it (RFC 4568 §9.1).
        var more = true
        while more {
            let part = items.upTo(ASCII.semicolon, bytes)
            more = part.found
            let item = part.range
            var pair = ValueScanner(item)
            let method = pair.upTo(ASCII.colon, bytes)
            guard method.found, !method.range.isEmpty, !pair.remaining.isEmpty else {
                diagnostics.report(
                    rule, item,
                    item.isEmpty
                        ? "a ';' with no key parameter after it"
                        : "key parameter '\(Bytes.string(bytes, item))' is not <method>:<key info>")
                continue
            }
            keyParameters.append(
                KeyParameter(method: Bytes.string(bytes, method.range), info: Bytes.string(bytes, pair.remaining)))
        }
        var sessionParameters: [String] = []
        while let parameter = scanner.field(bytes, &diagnostics) {
            sessionParameters.append(Bytes.string(bytes, parameter))
        }
        return Crypto(
            tag: Int(tag), suite: Bytes.string(bytes, suite), keyParameters: keyParameters,
            sessionParameters: sessionParameters)
    }
}
