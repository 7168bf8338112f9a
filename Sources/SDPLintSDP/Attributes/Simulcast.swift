public import SDPLintDiagnostics
import SDPLintScanning

/// `a=simulcast`: the RTP streams (by rid) sent or received as simulcast, with alternatives.
///
/// [RFC 8853 §5.1](https://www.rfc-editor.org/rfc/rfc8853#section-5.1)
/// ```
/// sc-value     = ( sc-send [SP sc-recv] ) / ( sc-recv [SP sc-send] )
/// sc-send      = %s"send" SP sc-str-list
/// sc-recv      = %s"recv" SP sc-str-list
/// sc-str-list  = sc-alt-list *( ";" sc-alt-list )
/// sc-alt-list  = sc-id *( "," sc-id )
/// sc-id        = [sc-id-paused] rid-id
/// sc-id-paused = "~"
/// ```
public struct Simulcast: AttributeValue {
    public static let attributeName = Attribute.Name.simulcast

    /// One RTP stream of a simulcast list.
    public struct Stream: Sendable, Hashable, CustomStringConvertible {
        public var rid: String
        /// Whether the stream starts paused ("~").
        public var isPaused: Bool

        public init(rid: String, isPaused: Bool = false) {
            self.rid = rid
            self.isPaused = isPaused
        }

        public var description: String { (isPaused ? "~" : "") + rid }
    }

    /// A simulcast stream and its alternatives (`h,H`: one of them is used).
    public typealias Alternatives = [Stream]

    /// The send list: one entry per simulcast stream, each a list of alternatives.
    public var send: [Alternatives]?
    /// The receive list.
    public var receive: [Alternatives]?
    /// Whether `recv` was written before `send`.
    public var receiveFirst: Bool

    public init(send: [Alternatives]? = nil, receive: [Alternatives]? = nil, receiveFirst: Bool = false) {
        self.send = send
        self.receive = receive
        self.receiveFirst = receiveFirst
    }

    /// Every rid of the send list (all alternatives).
    public var sendRIDs: [String] { (send ?? []).flatMap { $0.map(\.rid) } }
    /// Every rid of the receive list (all alternatives).
    public var receiveRIDs: [String] { (receive ?? []).flatMap { $0.map(\.rid) } }

    public func write(to output: inout String) {
        func list(_ name: String, _ streams: [Alternatives]) {
            output += name
            output += " "
            output += streams.map { $0.map(\.description).joined(separator: ",") }.joined(separator: ";")
        }
        let parts: [(String, [Alternatives]?)] =
            receiveFirst ? [("recv", receive), ("send", send)] : [("send", send), ("recv", receive)]
        var first = true
        for (name, streams) in parts {
            guard let streams else { continue }
            if !first { output += " " }
            first = false
            list(name, streams)
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Simulcast? {
        let rule = SDPRules.simulcastSyntax
        var scanner = ValueScanner(value: range)
        var result = Simulcast()
        var sawAny = false
        while let directionRange = scanner.field(bytes, &diagnostics) {
            let isSend = Bytes.equals(bytes, directionRange, "send")
            guard isSend || Bytes.equals(bytes, directionRange, "recv") else {
                diagnostics.report(
                    rule, directionRange,
                    "simulcast direction '\(Bytes.string(bytes, directionRange))' is not send or recv")
                return sawAny ? result : nil
            }
            if (isSend && result.send != nil) || (!isSend && result.receive != nil) {
                diagnostics.report(rule, directionRange, "simulcast lists '\(isSend ? "send" : "recv")' twice")
            }
            if !sawAny && !isSend { result.receiveFirst = true }
            sawAny = true
            guard let listRange = scanner.field(bytes, &diagnostics) else {
                diagnostics.report(
                    rule, directionRange.upperBound..<directionRange.upperBound,
                    "simulcast '\(isSend ? "send" : "recv")' has no stream list")
                return result
            }
            var list = ValueScanner(listRange)
            // Drafts before RFC 8853 prefixed the list with "rid=" (older Firefox sends it).
            if Bytes.equals(bytes, listRange.lowerBound..<min(listRange.lowerBound + 4, listRange.upperBound), "rid=") {
                diagnostics.report(
                    SDPRules.simulcastStreamID, listRange.lowerBound..<(listRange.lowerBound + 4),
                    "the 'rid=' prefix is from a pre-RFC 8853 draft", hint: "write the rid list directly: send h;m;l")
                _ = list.upTo(ASCII.equals, bytes)
            }
            var streams: [Alternatives] = []
            // Every ';' and ',' is followed by an sc-id (RFC 8853 §5.1), so a trailing one leaves
            // an empty id to report: loop while the last read ended at a separator.
            var moreStreams = !list.isAtEnd
            while moreStreams {
                let alternativesPart = list.upTo(ASCII.semicolon, bytes)
                moreStreams = alternativesPart.found
                var alternatives: Alternatives = []
                var items = ValueScanner(alternativesPart.range)
                var moreAlternatives = true
                while moreAlternatives {
                    let idPart = items.upTo(ASCII.comma, bytes)
                    moreAlternatives = idPart.found
                    var id = idPart.range
                    let paused = !id.isEmpty && bytes[id.lowerBound] == ASCII.tilde
                    if paused { id = (id.lowerBound + 1)..<id.upperBound }
                    checkRIDId(bytes, id, &diagnostics, rule: id.isEmpty ? rule : SDPRules.simulcastStreamID)
                    if !id.isEmpty { alternatives.append(Stream(rid: Bytes.string(bytes, id), isPaused: paused)) }
                }
                streams.append(alternatives)
            }
            if isSend { result.send = streams } else { result.receive = streams }
        }
        if !sawAny {
            diagnostics.report(rule, range, "simulcast has no send or recv list")
            return nil
        }
        return result
    }
}
