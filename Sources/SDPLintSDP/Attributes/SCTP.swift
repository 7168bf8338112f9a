public import SDPLintDiagnostics
import SDPLintScanning

/// `a=sctp-port`: the SCTP port of a data channel section.
///
/// [RFC 8841 §5](https://www.rfc-editor.org/rfc/rfc8841#section-5)
/// ```
/// sctp-port-value = 1*5(DIGIT)   ; 0 .. 65535
/// ```
public struct SCTPPort: AttributeValue {
    public static let attributeName = Attribute.Name.sctpPort
    public var port: Int

    public init(_ port: Int) { self.port = port }

    public func write(to output: inout String) { output += String(port) }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> SCTPPort? {
        Field.integer(bytes, range, "SCTP port", SDPRules.sctpSyntax, in: 0...UInt64(65535), &diagnostics).map {
            SCTPPort(Int($0))
        }
    }
}

/// `a=max-message-size`: the largest message the receiver accepts, in bytes; 0 means no limit.
///
/// [RFC 8841 §6](https://www.rfc-editor.org/rfc/rfc8841#section-6)
/// ```
/// max-message-size-value = 1*DIGIT
/// ```
public struct MaxMessageSize: AttributeValue {
    public static let attributeName = Attribute.Name.maxMessageSize
    public var bytes: UInt64

    public init(_ bytes: UInt64) { self.bytes = bytes }

    public func write(to output: inout String) { output += String(bytes) }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> MaxMessageSize? {
        Field.integer(bytes, range, "max-message-size", SDPRules.sctpSyntax, as: UInt64.self, &diagnostics).map(
            MaxMessageSize.init)
    }
}

/// `a=sctpmap`: the pre-RFC 8841 way to describe an SCTP association, still sent by old peers.
///
/// From draft-ietf-mmusic-sctp-sdp-05 §5:
/// ```
/// sctpmap-attr = "a=sctpmap:" sctpmap-number SP app [SP max-num-of-streams]
/// ```
public struct SCTPMap: AttributeValue {
    public static let attributeName = Attribute.Name.sctpmap

    /// The SCTP port (matching the m= line's format).
    public var number: Int
    /// The application, "webrtc-datachannel".
    public var application: String
    public var streams: Int?

    public init(number: Int, application: String = "webrtc-datachannel", streams: Int? = nil) {
        self.number = number
        self.application = application
        self.streams = streams
    }

    public func write(to output: inout String) {
        output += String(number)
        output += " "
        output += application
        if let streams {
            output += " "
            output += String(streams)
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> SCTPMap? {
        let rule = SDPRules.sctpSyntax
        var scanner = ValueScanner(value: range)
        guard let numberRange = scanner.field(bytes, &diagnostics),
            let number = Field.integer(bytes, numberRange, "sctpmap port", rule, in: 0...UInt64(65535), &diagnostics)
        else { return nil }
        guard let app = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(rule, numberRange.upperBound..<numberRange.upperBound, "sctpmap has no application")
            return nil
        }
        Field.token(bytes, app, "sctpmap application", rule, &diagnostics)
        var streams: Int?
        if let streamsRange = scanner.field(bytes, &diagnostics) {
            streams = Field.integer(bytes, streamsRange, "stream count", rule, in: 1...UInt64(65535), &diagnostics).map
            { Int($0) }
        }
        Field.noMore(&scanner, bytes, rule, "the stream count", &diagnostics)
        return SCTPMap(number: Int(number), application: Bytes.string(bytes, app), streams: streams)
    }
}
