import Diagnostics
import SIP

/// A file of SIP messages: one message as a datagram carried it, or several one after another
/// as a stream or a trace holds them.
enum SIPTrace {
    /// The findings of every message, located in the file.
    static func check(_ source: [UInt8], strict: Bool) -> [Diagnostic] {
        let options = strict ? SIPParseOptions.strict : SIPParseOptions.lenient
        var decoder = SIPStreamDecoder(options: options)
        let results = decoder.decode(source) + decoder.finish()
        if results.count <= 1 {
            // One message: framed as a datagram, where Content-Length may be absent (RFC 3261 §18.3).
            return SIPMessage.parse(bytes: source, framing: .datagram, options: options).diagnostics
        }
        return results.flatMap(\.diagnosticsInStream) + decoder.diagnostics
    }
}
