public import SDPLintDiagnostics
public import SDPLintInput
public import SDPLintOfferAnswer
import SDPLintSDP
import SDPLintSignaling

/// A report as one self-contained HTML file that a user can attach to a ticket: no script,
/// no font, no image or style from anywhere else (a Content-Security-Policy forbids them), light
/// and dark following the reader's setting, printable, and usable with a keyboard and a screen
/// reader (headings, tables with headers, `<details>` to expand, an SVG ladder with its table).
///
/// Everything from the input is escaped for HTML, and control characters are shown as symbols
/// (as in the terminal), so that no input can add markup or break the document.
///
/// `sdplint check`, `diff` and `timeline` write it with `--format html`: ``begin(title:subtitle:)``,
/// then the parts as they come, then ``end(summary:)``.
public enum HTMLReport {
    /// The document's start: head, styles, and the page heading.
    public static func begin(title: String, subtitle: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="sdplint">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>\(escape(title))</h1><p class="muted">\(escape(subtitle))</p></header>
        <main>

        """
    }

    /// The document's end, after a summary line.
    public static func end(summary: String) -> String {
        "</main>\n<footer><p>\(escape(summary))</p></footer>\n</body>\n</html>\n"
    }

    /// Text for HTML: `&`, `<`, `>` and quotes as entities, and control characters as the
    /// terminal output shows them (U+2400 symbols, `\u{…}`), since HTML forbids most of them.
    public static func escape(_ text: String) -> String {
        let safe = TextRenderer.escaped(text)
        guard safe.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return safe
        }
        var result = ""
        result.reserveCapacity(safe.utf8.count + 16)
        for character in safe {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: Findings

    /// One checked text and its findings: the findings as a list, each linked to its line, then
    /// the text with line numbers and the lines the findings are about marked.
    ///
    /// - Parameters:
    ///   - file: The text and its findings.
    ///   - id: A prefix for the element ids of this part, unique in the document.
    ///   - shown: The least severity shown.
    ///   - explanations: A description's lines as `sdplint explain` explains them, when the
    ///     text is one: each line then expands to its explanation.
    public static func findings(
        _ file: LintedFile, id: String, shown: Severity = .info, explanations: [ExplainedLine]? = nil
    ) -> String {
        let diagnostics = file.diagnostics.filter { $0.severity >= shown }
        var html = "<section class=\"input\" aria-labelledby=\"\(id)-h\">\n"
        html += "<h2 id=\"\(id)-h\">\(escape(file.path))"
        if let context = file.context { html += " <span class=\"muted\">\(escape(context))</span>" }
        html += "</h2>\n"
        let counts = SeverityCounts(diagnostics)
        html += "<p class=\"counts\">\(countsText(counts))</p>\n"
        if !diagnostics.isEmpty {
            html += "<ol class=\"findings\">\n"
            for diagnostic in diagnostics { html += item(diagnostic, in: file, id: id) }
            html += "</ol>\n"
        }
        if !file.text.bytes.isEmpty {
            html += source(file, diagnostics: diagnostics, id: id, explanations: explanations)
        }
        return html + "</section>\n"
    }

    static func countsText(_ counts: SeverityCounts) -> String {
        "\(counted(counts.errors, "error")), \(counted(counts.warnings, "warning")), \(counted(counts.infos, "note"))"
    }

    /// A finding as a list item: severity, rule, where, message, hint and reference.
    static func item(_ diagnostic: Diagnostic, in file: LintedFile, id: String) -> String {
        let severity = diagnostic.severity.label
        let location = diagnostic.location
        var html = "<li class=\"finding \(severity)\">"
        html +=
            "<span class=\"severity\">\(severity)</span> <code class=\"rule\">\(escape(diagnostic.code.description))</code> "
        html += "<a href=\"#\(id)-L\(location.line)\">line \(location.line):\(location.column)</a> "
        html += "<span class=\"message\">\(escape(diagnostic.message))</span>"
        if let hint = diagnostic.hint { html += "<p class=\"hint\">hint: \(escape(hint))</p>" }
        let reference = diagnostic.reference
        if let url = reference.url {
            html += "<p class=\"reference\">see <a href=\"\(escape(url))\">\(escape(reference.description))</a></p>"
        } else if !reference.description.isEmpty {
            html += "<p class=\"reference\">see \(escape(reference.description))</p>"
        }
        return html + "</li>\n"
    }

    /// Texts longer than this show only the lines around their findings.
    static let wholeTextLines = 400

    /// The text with line numbers; each line a finding is about is marked, its span
    /// highlighted, and (with explanations) every line expands to what it means.
    static func source(
        _ file: LintedFile, diagnostics: [Diagnostic], id: String, explanations: [ExplainedLine]?
    ) -> String {
        // A final line break ends the last line; it does not begin an empty one.
        let lineCount = max(1, file.text.lineCount - (file.text.bytes.last == 0x0A ? 1 : 0))
        let last = file.firstLine + lineCount - 1
        var flagged: [Int: [Diagnostic]] = [:]
        for diagnostic in diagnostics { flagged[diagnostic.location.line, default: []].append(diagnostic) }
        var shownLines: [Int]
        if lineCount <= wholeTextLines {
            shownLines = Array(file.firstLine...max(file.firstLine, last))
        } else {
            var set = Set<Int>()
            for line in flagged.keys {
                for near in (line - 2)...(line + 2) where near >= file.firstLine && near <= last { set.insert(near) }
            }
            shownLines = set.sorted()
        }
        var meanings: [Int: String] = [:]
        for line in explanations ?? [] { meanings[line.number] = line.explanation }
        var html = "<details class=\"source\" open><summary>The text, \(lineCount) line\(lineCount == 1 ? "" : "s")"
        if lineCount > wholeTextLines { html += " (the lines around each finding)" }
        if explanations != nil { html += "; expand a line to read what it means" }
        html += "</summary>\n<ol class=\"lines\">\n"
        var previous: Int?
        for number in shownLines {
            if let previous, number > previous + 1 { html += "<li class=\"gap\" aria-hidden=\"true\">⋮</li>\n" }
            previous = number
            let marks = flagged[number] ?? []
            let worst = marks.map(\.severity).max()
            html += "<li id=\"\(id)-L\(number)\" value=\"\(number)\""
            if let worst { html += " class=\"flagged \(worst.label)\"" }
            html += ">"
            let text = highlighted(file, line: number, marks)
            let code = text.isEmpty ? "" : "<code>" + text + "</code>"
            if let meaning = meanings[number] {
                html += "<details><summary>\(code)</summary><p class=\"meaning\">\(escape(meaning))</p></details>"
            } else {
                html += code
            }
            html += "</li>\n"
        }
        return html + "</ol>\n</details>\n"
    }

    /// A line with the spans of its findings in `<mark>`.
    static func highlighted(_ file: LintedFile, line: Int, _ marks: [Diagnostic]) -> String {
        guard let bounds = file.lineBounds(line) else { return "" }
        let bytes = Array(file.text.bytes[bounds])
        var marked = [Bool](repeating: false, count: bytes.count)
        for diagnostic in marks {
            // A span's bytes count in the text; a span past the line's end marks to its end.
            let start = diagnostic.location.bytes.lowerBound - bounds.lowerBound
            let end = min(bytes.count, diagnostic.location.bytes.upperBound - bounds.lowerBound)
            if start >= 0 && start < end { for index in start..<end { marked[index] = true } }
        }
        var html = ""
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count && marked[end] == marked[index] { end += 1 }
            // Cut only at the start of a UTF-8 character.
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = escape(String(decoding: bytes[index..<end], as: UTF8.self))
            html += marked[index] ? "<mark>\(text)</mark>" : text
            index = end
        }
        return html
    }

    // MARK: Timelines

    /// A connection's timeline: for SIP, the call flow drawn as an SVG ladder; then every event
    /// in a table (the ladder's text alternative), with its sections, codecs and findings.
    public static func timeline(_ timeline: Timeline, id: String, findings: [[Diagnostic]] = []) -> String {
        var html = "<section class=\"timeline\" aria-labelledby=\"\(id)-h\">\n"
        html += "<h2 id=\"\(id)-h\">\(escape(timeline.name))</h2>\n"
        if let origin = timeline.origin { html += "<p class=\"muted\">\(escape(origin))</p>\n" }
        if timeline.rows.contains(where: { $0.wire != nil }) { html += ladder(timeline, id: id) }
        let start = timeline.rows.compactMap(\.time).first
        html += "<table class=\"events\">\n<caption>Every event of \(escape(timeline.name)), in order</caption>\n"
        html += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">time</th><th scope=\"col\">message</th>"
        html +=
            "<th scope=\"col\">event</th><th scope=\"col\">sections and details</th><th scope=\"col\">findings</th></tr></thead>\n<tbody>\n"
        for (index, row) in timeline.rows.enumerated() {
            html += "<tr class=\"\(escape(row.kind))\">"
            html += "<td>\(row.wire.map { String($0.number) } ?? "")</td>"
            let time = row.time.flatMap { time in start.map { Timeline.seconds(time - $0) } } ?? ""
            html += "<td>\(time)</td>"
            if let wire = row.wire {
                html +=
                    "<td>\(escape(wire.label)) <span class=\"muted\">\(escape(wire.sender)) → \(escape(wire.receiver))</span></td>"
            } else {
                html += "<td>\(escape(row.operation))</td>"
            }
            html += "<td>\(escape(row.kind))</td><td>"
            if !row.sections.isEmpty {
                html += "<ul class=\"sections\">"
                for section in row.sections {
                    html += "<li>#\(section.index) \(escape(section.media))"
                    if let mid = section.mid { html += " (mid \(escape(mid)))" }
                    html += section.rejected ? " <strong class=\"rejected\">rejected</strong>" : " \(section.direction)"
                    if let codec = section.codec, !section.rejected { html += " <code>\(escape(codec))</code>" }
                    html += "</li>"
                }
                html += "</ul>"
            }
            if !row.detail.isEmpty { html += "<p>\(escape(row.detail))</p>" }
            for change in row.changes { html += "<p class=\"change\">~ \(escape(change))</p>" }
            html += "</td><td>"
            if findings.indices.contains(index) {
                html += findings[index].map { diagnostic in
                    "<span class=\"mark \(diagnostic.severity.label)\" title=\"\(escape(diagnostic.message))\">"
                        + "\(diagnostic.severity.label)[\(escape(diagnostic.code.description))]</span>"
                }.joined(separator: " ")
            }
            html += "</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// The call flow as an SVG ladder in a figure: a lifeline per party, an arrow per message.
    public static func ladder(_ timeline: Timeline, id: String) -> String {
        "<figure class=\"ladder\">\n" + image(timeline, id: id, placement: "xmlns=\"http://www.w3.org/2000/svg\"").svg
            + "</figure>\n"
    }

    /// The ladder as an `<svg>` element with `placement` among its attributes (a namespace, or
    /// a position inside another image), and its size.
    static func image(_ timeline: Timeline, id: String, placement: String) -> (svg: String, width: Int, height: Int) {
        let parties = timeline.parties
        let arrows = timeline.rows.indices.filter(timeline.startsMessage)
        let (left, spacing, top, step) = (70, 230, 56, 30)
        let width = left * 2 + max(1, parties.count - 1) * spacing + 120
        let height = top + arrows.count * step + 24
        func x(_ party: String) -> Int { left + (parties.firstIndex(of: party) ?? 0) * spacing }
        var svg = "<svg \(placement) role=\"img\" "
        svg += "aria-label=\"Call flow of \(escape(timeline.name)): \(arrows.count) messages between "
        svg += "\(parties.map(escape).joined(separator: ", "))\" "
        svg += "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">\n"
        svg += "<defs><marker id=\"\(id)-head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\" "
        svg +=
            "markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head\"/></marker></defs>\n"
        for party in parties {
            let label = escape(party.clipped(to: 30))
            svg += "<text x=\"\(x(party))\" y=\"20\" class=\"party\" text-anchor=\"middle\">\(label)</text>\n"
            svg += "<line x1=\"\(x(party))\" y1=\"30\" x2=\"\(x(party))\" y2=\"\(height - 10)\" class=\"lifeline\"/>\n"
        }
        for (position, index) in arrows.enumerated() {
            let row = timeline.rows[index]
            guard let wire = row.wire else { continue }
            let y = top + position * step
            let (from, to) = (x(wire.sender), x(wire.receiver))
            let kind = ["offer", "answer", "pranswer"].contains(row.kind) ? " sdp" : ""
            svg +=
                "<text x=\"\(left - 14)\" y=\"\(y + 4)\" class=\"number\" text-anchor=\"end\">\(wire.number)</text>\n"
            if from == to {
                svg += "<path d=\"M\(from),\(y - 8) h30 v16 h-30\" class=\"arrow\(kind)\" fill=\"none\" "
                svg += "marker-end=\"url(#\(id)-head)\"/>\n"
                svg +=
                    "<text x=\"\(from + 36)\" y=\"\(y + 4)\" class=\"label\(kind)\">\(escape(wire.label.clipped(to: 30)))</text>\n"
                continue
            }
            svg += "<line x1=\"\(from)\" y1=\"\(y)\" x2=\"\(to)\" y2=\"\(y)\" class=\"arrow\(kind)\" "
            svg += "marker-end=\"url(#\(id)-head)\"/>\n"
            var label = wire.label.clipped(to: 30)
            if kind.isEmpty == false { label += " (\(row.kind))" }
            svg += "<text x=\"\((from + to) / 2)\" y=\"\(y - 6)\" class=\"label\(kind)\" text-anchor=\"middle\">"
            svg += "\(escape(label))</text>\n"
        }
        return (svg + "</svg>\n", width, height)
    }

    /// The call flows of SIP timelines as one standalone SVG image, the ladders one under the
    /// other, each under its dialog's name, with the styles it needs inside it (light colours:
    /// an image has no page around it to follow a dark setting).
    public static func svg(_ timelines: [Timeline]) -> String {
        var y = 0
        var width = 0
        var body = ""
        for (index, timeline) in timelines.enumerated() where timeline.rows.contains(where: { $0.wire != nil }) {
            let ladder = image(timeline, id: "l\(index + 1)", placement: "x=\"0\" y=\"\(y + 32)\"")
            body += "<text x=\"10\" y=\"\(y + 22)\" class=\"dialog\">\(escape(timeline.name))</text>\n" + ladder.svg
            y += 32 + ladder.height + 16
            width = max(width, ladder.width)
        }
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        document +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(y)\" width=\"\(width)\" height=\"\(y)\">\n"
        document += "<style>\(svgStyle)</style>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
        return document + body + "</svg>\n"
    }

    static let svgStyle = """
        text{fill:#1f2328;font:13px system-ui,-apple-system,"Segoe UI",sans-serif}.dialog{font-weight:600;font-size:15px}\
        .party{font-weight:600}.number{fill:#59636e}.lifeline{stroke:#d1d9e0;stroke-width:2}\
        .arrow{stroke:#1f2328;stroke-width:1.5}.arrow.sdp{stroke:#0a58ca;stroke-width:2.5}\
        text.sdp{fill:#0a58ca;font-weight:600}.head{fill:#1f2328}
        """

    // MARK: Negotiations

    /// What an offer/answer exchange negotiated, section by section: directions, the codec
    /// sent, and every codec with its status and, when dropped, why.
    public static func negotiation(_ report: NegotiationReport, id: String, title: String) -> String {
        var html = "<section class=\"negotiation\" aria-labelledby=\"\(id)-h\">\n"
        html += "<h2 id=\"\(id)-h\">\(escape(title))</h2>\n"
        html += "<p class=\"muted\">offer: \(escape(report.offerName)); answer: \(escape(report.answerName))</p>\n"
        for section in report.sections {
            html += "<h3>Section \(section.index): \(escape(section.media.description))"
            if let mid = section.mid { html += " (mid \(escape(mid)))" }
            html += "</h3>\n"
            if section.rejected {
                html += "<p><strong class=\"rejected\">rejected</strong>"
                if let rejection = section.rejection { html += ": \(escape(rejection.explanation))" }
                html += "</p>\n"
                continue
            }
            html +=
                "<p>the offerer \(section.offererDirection.rawValue), the answerer \(section.answererDirection.rawValue)"
            if let codec = section.selectedCodec {
                html += "; sends <code>\(escape(NegotiationText.label(codec)))</code>"
                if let reason = section.selectionReason { html += " (\(escape(reason)))" }
            }
            html += "</p>\n"
            guard !section.codecs.isEmpty else { continue }
            html += "<table class=\"codecs\">\n<caption>Codecs of section \(section.index)</caption>\n"
            html +=
                "<thead><tr><th scope=\"col\">codec</th><th scope=\"col\">offer PT</th><th scope=\"col\">answer PT</th>"
            html += "<th scope=\"col\">status</th><th scope=\"col\">why</th></tr></thead>\n<tbody>\n"
            for codec in section.codecs {
                html +=
                    "<tr class=\"\(codec.status.rawValue)\"><th scope=\"row\"><code>\(escape(NegotiationText.label(codec)))</code></th>"
                html += "<td>\(codec.offerPayloadType.map(String.init) ?? "")</td>"
                html += "<td>\(codec.answerPayloadType.map(String.init) ?? "")</td>"
                html += "<td>\(codec.status.rawValue)</td><td>\(escape(codec.reason ?? ""))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</section>\n"
    }

    // MARK: Style

    /// System fonts only; colours from custom properties, switched by the reader's setting.
    static let style = """
        :root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--rule:#d1d9e0;--panel:#f6f8fa;\
        --error:#b3261e;--warning:#8a5a00;--info:#0a58ca;--mark:#fff1a8;--sdp:#0a58ca}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--rule:#3d444d;\
        --panel:#151b23;--error:#ff7b72;--warning:#e3b341;--info:#79c0ff;--mark:#5c4a00;--sdp:#79c0ff}}
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);\
        margin:0 auto;max-width:84rem;padding:1rem 1.5rem}
        h1{font-size:1.5rem;margin:.5rem 0 0}h2{font-size:1.2rem;margin:2rem 0 .25rem;overflow-wrap:anywhere}\
        h3{font-size:1rem;margin:1.25rem 0 .25rem}
        .muted{color:var(--muted);font-weight:normal}
        code,ol.lines{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
        a{color:var(--info)}a:focus-visible,summary:focus-visible{outline:2px solid var(--info);outline-offset:2px}
        section{border-top:1px solid var(--rule);padding-top:.25rem}
        ol.findings{padding-left:1.25rem}.finding{margin:.5rem 0}.finding p{margin:.1rem 0;color:var(--muted)}
        .severity,.mark{font-weight:600}.error .severity,.mark.error{color:var(--error)}\
        .warning .severity,.mark.warning{color:var(--warning)}.note .severity,.mark.note{color:var(--info)}
        details.source{background:var(--panel);border:1px solid var(--rule);border-radius:6px;padding:.5rem .75rem}
        ol.lines{margin:.5rem 0 0;padding-left:4.5rem}ol.lines li{white-space:pre-wrap;overflow-wrap:anywhere}
        ol.lines li::marker{color:var(--muted)}ol.lines li.gap{list-style:none;color:var(--muted)}
        ol.lines li.flagged{background:color-mix(in srgb,var(--mark) 45%,transparent)}
        ol.lines li.error{box-shadow:inset 3px 0 var(--error)}ol.lines li.warning{box-shadow:inset 3px 0 var(--warning)}
        ol.lines li.note{box-shadow:inset 3px 0 var(--info)}
        ol.lines details>summary{cursor:pointer;list-style:none}ol.lines details>summary::-webkit-details-marker{display:none}
        .meaning{margin:.1rem 0 .4rem 1.5rem;font-family:system-ui,sans-serif;font-size:14px;color:var(--muted);white-space:normal}
        mark{background:var(--mark);color:inherit;text-decoration:underline wavy var(--error) 1px}
        table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}caption{text-align:left;color:var(--muted)}
        th,td{border-bottom:1px solid var(--rule);padding:.25rem .5rem;text-align:left;vertical-align:top}
        td p,td ul{margin:0;padding:0;list-style:none}.change{color:var(--warning)}.rejected{color:var(--error)}
        tr.dropped td,tr.dropped th{color:var(--muted)}tr.payloadTypeConflict td{color:var(--error)}
        figure.ladder{margin:1rem 0;overflow-x:auto}svg text{fill:var(--fg);font:13px system-ui,sans-serif}
        svg .party{font-weight:600}svg .number{fill:var(--muted)}svg .lifeline{stroke:var(--rule);stroke-width:2}
        svg .arrow{stroke:var(--fg);stroke-width:1.5}svg .arrow.sdp{stroke:var(--sdp);stroke-width:2.5}\
        svg text.sdp{fill:var(--sdp);font-weight:600}svg .head{fill:var(--fg)}
        footer{border-top:1px solid var(--rule);margin-top:2rem;color:var(--muted)}
        @media print{body{max-width:none;font-size:11pt}a{color:inherit}details::details-content{content-visibility:visible;display:block}\
        ol.lines li{break-inside:avoid}section{break-inside:auto}}
        """
}
