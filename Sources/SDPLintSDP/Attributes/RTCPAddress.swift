public import SDPLintDiagnostics
import SDPLintScanning

/// `a=rtcp`: the port (and address) RTCP uses when it is not the RTP port + 1.
///
/// [RFC 3605 §2.1](https://www.rfc-editor.org/rfc/rfc3605#section-2.1)
/// ```
/// rtcp-attribute = "a=rtcp:" port [nettype space addrtype space connection-address] CRLF
/// ```
public struct RTCPAddress: AttributeValue {
    public static let attributeName = Attribute.Name.rtcp

    public var port: Int
    /// The address, when one is given.
    public var connection: Connection?

    public init(port: Int, connection: Connection? = nil) {
        self.port = port
        self.connection = connection
    }

    public func write(to output: inout String) {
        output += String(port)
        if let connection {
            output += " "
            connection.write(to: &output)
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> RTCPAddress? {
        guard let (port, rest) = scan(bytes, range, into: &diagnostics) else { return nil }
        let connection = rest.map { LineParser.connection(bytes, $0, rule: SDPRules.rtcpAttributeSyntax, &diagnostics) }
        return RTCPAddress(port: port, connection: connection)
    }

    /// Checks the value without making strings: what ``parse(_:_:into:)`` reports.
    static func check(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) {
        guard let (_, rest) = scan(bytes, range, into: &diagnostics), let rest else { return }
        _ = LineParser.scanConnection(bytes, rest, rule: SDPRules.rtcpAttributeSyntax, &diagnostics)
    }

    /// Reads the port; returns it and the range of the connection after it, if any.
    private static func scan(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> (port: Int, connection: Range<Int>?)? {
        let rule = SDPRules.rtcpAttributeSyntax
        var scanner = ValueScanner(value: range)
        guard let portRange = scanner.field(bytes, &diagnostics),
            let port = Field.integer(bytes, portRange, "RTCP port", rule, in: 0...UInt64(65535), &diagnostics)
        else {
            if range.isEmpty { diagnostics.report(rule, range, "rtcp has no port") }
            return nil
        }
        return (Int(port), scanner.rest(bytes, &diagnostics))
    }
}
