import SDPLintSignaling

/// A SIP call flow drawn as text, as sngrep and Wireshark's flow graph draw it: one column per
/// party, one arrow per message from its sender to its receiver, in input order, with the
/// message's number and time on the left and what it carries on the right.
///
/// ```
///   frame    time  127.0.0.1:5061     127.0.0.1:5060
///       1  +0.000  │───── INVITE ────▶│  offer #0 audio sendrecv
///       2  +0.000  │◀─ 180 Ringing ───│
/// ```
struct Ladder {
    let timeline: Timeline
    var rows: [Timeline.Row] { timeline.rows }
    let renderer: TextRenderer
    /// The parties in the order they first appear, and the column each lifeline is at.
    let parties: [String]
    let column: [String: Int]
    /// The distance between two lifelines.
    let gap: Int

    /// Labels from the input are escaped and cut to these lengths, so that one long URI or
    /// reason phrase cannot push the ladder off the screen.
    static let partyLength = 28
    static let labelLength = 24

    init(_ timeline: Timeline, renderer: TextRenderer) {
        self.timeline = timeline
        self.renderer = renderer
        parties = timeline.parties
        column = Dictionary(uniqueKeysWithValues: parties.enumerated().map { ($1, $0) })
        let widest = parties.map { Self.clipped($0, Self.partyLength).count }.max() ?? 0
        let longest =
            timeline.rows.compactMap { $0.wire.map { Self.clipped($0.label, Self.labelLength).count } }.max() ?? 0
        gap = max(widest + 2, longest + 8, 12)
    }

    /// A label from the input, escaped for a terminal and cut to `length`.
    static func clipped(_ text: String, _ length: Int) -> String { TextRenderer.escaped(text).clipped(to: length) }

    /// The ladder's lines; `details` holds each row's words (first line, then continuations).
    func text(times: [String], timeWidth: Int, details: inout [[String]]) -> String {
        // Message numbers: a capture's frame numbers, or the SIP messages' order in a file.
        let frames = rows.contains { $0.context.hasPrefix("frame ") }
        let numbers = rows.indices.map { index -> String in
            guard let wire = rows[index].wire, timeline.startsMessage(index) else { return "" }
            return String(wire.number)
        }
        let numberWidth = max(frames ? 5 : 1, numbers.map(\.count).max() ?? 0)
        let width = max(1, (parties.count - 1) * gap + 1)
        // A SIP file records no times: no column of dashes.
        let timed = rows.contains { $0.time != nil }
        let timeWidth = timed ? timeWidth : 0
        var output = "  " + (frames ? "frame" : "#").leftPadding(toLength: numberWidth) + "  "
        if timed { output += "time".leftPadding(toLength: timeWidth) + "  " }
        var header = ""
        for (index, party) in parties.enumerated() {
            let label = Self.clipped(party, Self.partyLength)
            header = header.padding(toLength: index * gap) + label
        }
        output = renderer.paint(output + header, .blue) + "\n"
        let blank = String(repeating: " ", count: 2 + numberWidth + 2 + (timed ? timeWidth + 2 : 0))
        for index in rows.indices {
            var line = "  " + numbers[index].leftPadding(toLength: numberWidth) + "  "
            if timed {
                line += (timeline.startsMessage(index) || rows[index].wire == nil ? times[index] : "").leftPadding(
                    toLength: timeWidth)
                line += "  "
            }
            line += drawing(of: index, width: width)
            let words = details[index]
            output += line + (words.first.map { $0.isEmpty ? "" : "  " + $0 } ?? "") + "\n"
            for more in words.dropFirst() { output += blank + lifelines(width: width) + "  " + more + "\n" }
        }
        return output
    }

    func lifelines(width: Int) -> String {
        var canvas = [Character](repeating: " ", count: width)
        for index in parties.indices { canvas[index * gap] = "│" }
        return String(canvas)
    }

    /// The lifelines, with the row's arrow when it is the first row of its message.
    func drawing(of index: Int, width: Int) -> String {
        guard let wire = rows[index].wire, timeline.startsMessage(index), let from = column[wire.sender],
            let to = column[wire.receiver]
        else { return lifelines(width: width) }
        var canvas = Array(lifelines(width: width))
        let label = " " + Self.clipped(wire.label, Self.labelLength) + " "
        let low = min(from, to) * gap
        let high = max(from, to) * gap
        if from == to {
            // A message a party sent itself: a loop beside its lifeline.
            let text = Array("◀┘ " + Self.clipped(wire.label, Self.labelLength))
            canvas += [Character](repeating: " ", count: max(0, low + 1 + text.count - canvas.count))
            for (offset, character) in text.enumerated() { canvas[low + 1 + offset] = character }
            return String(canvas)
        }
        for position in (low + 1)..<high { canvas[position] = "─" }
        if from < to { canvas[high - 1] = "▶" } else { canvas[low + 1] = "◀" }
        let labelStart = low + 1 + max(1, (high - low - 1 - label.count) / 2)
        let prefix = String(canvas[..<labelStart])
        let suffix = String(canvas[min(canvas.count, labelStart + label.count)...])
        let style: TextRenderer.Style = ["offer", "answer", "pranswer"].contains(rows[index].kind) ? .bold : .cyan
        return prefix + renderer.paint(label, style) + suffix
    }
}
