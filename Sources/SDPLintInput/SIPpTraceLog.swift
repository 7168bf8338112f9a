import SDPLintDiagnostics
import SDPLintSIP
import SDPLintSignaling

/// SIPp's `-trace_msg` log: every message SIPp sent or received, each after a line of dashes
/// and the time, a line such as `UDP message received [1247] bytes :`, and an empty line (or,
/// for a message no scenario step expected, `Unexpected UDP message received:`). The messages
/// are read as SIP datagrams of exactly that many bytes, and every finding is located
/// in the log's own lines, so a log reads like the SIP trace it records instead of a wall of
/// errors about its separators.
package enum SIPpTraceLog {
    /// Whether `head` (the start of an input) is such a log: a line of dashes, then a message
    /// header line.
    package static func isLog(_ head: [UInt8]) -> Bool {
        let first = line(head, from: 0)
        guard isSeparator(head[first.content]), first.next < head.count else { return false }
        return header(head[line(head, from: first.next).content]) != nil
    }

    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        line.count >= 16 && line.prefix(16).allSatisfy { $0 == UInt8(ascii: "-") }
    }

    /// How long the message after a header line is.
    enum Length: Equatable {
        /// `UDP message received [1247] bytes :`, `UDP message sent (441 bytes):`.
        case counted(Int)
        /// `Unexpected UDP message received:` — up to the next separator.
        case open
    }

    /// What a header line says of its message, or `nil` for another line.
    static func header(_ line: ArraySlice<UInt8>) -> Length? {
        var text = String(decoding: line, as: UTF8.self)
        while text.last == "\r" || text.last == " " { text.removeLast() }
        guard text.hasSuffix(":"),
            let verb = text.firstRange(of: " message received") ?? text.firstRange(of: " message sent")
        else { return nil }
        let rest = text[verb.upperBound...]
        let digits = rest.drop { !$0.isASCII || !$0.isNumber }.prefix { $0.isASCII && $0.isNumber }
        if rest.contains("bytes"), let count = Int(digits) { return .counted(count) }
        return .open
    }

    /// The line that starts at `start`, without its LF, and where the next one starts.
    static func line(_ bytes: [UInt8], from start: Int) -> (content: Range<Int>, next: Int) {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        return (start..<end, min(bytes.count, end + 1))
    }

    /// Where each message of the log is, the line it starts on, and when SIPp logged it.
    package static func messages(_ bytes: [UInt8]) -> [(range: Range<Int>, line: Int, time: Double?)] {
        var found: [(range: Range<Int>, line: Int, time: Double?)] = []
        var offset = 0
        var lineNumber = 1
        while offset < bytes.count {
            let separator = line(bytes, from: offset)
            let second = line(bytes, from: separator.next)
            guard isSeparator(bytes[separator.content]), separator.next < bytes.count,
                let length = header(bytes[second.content])
            else {
                offset = separator.next
                lineNumber += 1
                continue
            }
            // The separator, the header and the empty line; then exactly `count` bytes.
            var start = second.next
            var messageLine = lineNumber + 2
            let blank = line(bytes, from: start)
            if start < bytes.count && bytes[blank.content].allSatisfy({ $0 == 0x0D }) {
                start = blank.next
                messageLine += 1
            }
            var end = bytes.count
            switch length {
            case .counted(let count):
                end = min(bytes.count, start + count)
            case .open:
                // Up to the next separator, less the empty lines the log puts before it.
                var next = start
                while next < bytes.count {
                    let candidate = line(bytes, from: next)
                    if isSeparator(bytes[candidate.content]) { break }
                    next = candidate.next
                }
                end = next
                while end - 1 > start && bytes[end - 1] == 0x0A && bytes[end - 2] == 0x0A { end -= 1 }
            }
            found.append((start..<end, messageLine, time(bytes[separator.content])))
            lineNumber = messageLine + bytes[start..<end].count { $0 == 0x0A }
            offset = end
        }
        return found
    }

    /// The time on a separator line, `----- 2026-11-25 12:57:54.013733`, in milliseconds since
    /// the Unix epoch. SIPp writes its local time without a zone; it is read as UTC, which
    /// keeps the intervals between messages exact.
    package static func time(_ separator: ArraySlice<UInt8>) -> Double? {
        let text = separator.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }
        let fields = text.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        guard fields.count == 2 else { return nil }
        let date = fields[0].split(separator: UInt8(ascii: "-")).map { Int(String(decoding: $0, as: UTF8.self)) }
        let clock = fields[1].split(separator: UInt8(ascii: ":")).map { Double(String(decoding: $0, as: UTF8.self)) }
        guard date.count == 3, clock.count == 3, let year = date[0], let month = date[1], let day = date[2],
            let hours = clock[0], let minutes = clock[1], let seconds = clock[2], (1...12).contains(month),
            (1...31).contains(day)
        else { return nil }
        // Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return (Double(days) * 86_400 + hours * 3600 + minutes * 60 + seconds) * 1000
    }

    static func read(_ bytes: [UInt8], strict: Bool) -> InputDocument {
        let options: SIPParseOptions = strict ? .strict : .lenient
        var reader = SIPSignaling.Reader(strict: strict)
        var diagnostics: [Diagnostic] = []
        var times: [Double?] = []
        for (range, line, time) in messages(bytes) {
            times.append(time)
            let message = SIPParseResult(
                SIPMessage.parse(bytes: Array(bytes[range]), framing: .datagram, options: options),
                streamOffset: range.lowerBound, streamLine: line)
            diagnostics += message.diagnosticsInStream
            reader.read(message.message, at: SourceLocation(line: line, column: 1, bytes: range))
        }
        diagnostics += reader.diagnostics
        return SignalingMessages.document(
            reader.messages, diagnostics: diagnostics, source: bytes, format: .sip, description: "SIPp message log",
            wires: reader.wires, times: times)
    }
}
