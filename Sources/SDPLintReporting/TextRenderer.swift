public import SDPLintDiagnostics
public import SDPLintInput

/// Renders findings the way compilers do: `file:line:column: severity[CODE]: message`, the
/// offending line with a caret under the span, then the hint and the standard it comes from.
public struct TextRenderer: Sendable {
    /// Whether to colour the output with ANSI escapes.
    public var color: Bool
    /// Whether to show the line and caret under each finding.
    public var snippets: Bool

    public init(color: Bool = false, snippets: Bool = true) {
        self.color = color
        self.snippets = snippets
    }

    public func render(_ file: LintedFile, into output: inout String) {
        for diagnostic in file.diagnostics { render(diagnostic, in: file, into: &output) }
    }

    public func render(_ diagnostic: Diagnostic, in file: LintedFile, into output: inout String) {
        let location = diagnostic.location
        // The place, the message and the hint may quote the input (a file name, a mid, a
        // codec name): each is escaped, wherever it was made.
        output += paint("\(Self.escaped(file.locationPrefix))\(location.line):\(location.column): ", .bold)
        output += paint("\(diagnostic.severity.label)[\(diagnostic.code)]", style(for: diagnostic.severity))
        output += paint(": \(Self.escaped(diagnostic.message))", .bold)
        output += "\n"
        if snippets {
            let bounds = file.lineBounds(location.line) ?? 0..<0
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            // Only the bytes that can show after windowing are decoded, so many findings on one
            // long line (a minified dump, a 5 MB attribute) cost O(findings), not O(findings ×
            // line length). `snippetBytes` holds more characters than `window` keeps, so the
            // result is the same as decoding the whole line.
            let source = file.source
            let start = min(bounds.lowerBound + max(0, location.column - 1), bounds.upperBound)
            let spanEnd = start + min(max(1, location.bytes.count), bounds.upperBound - start)
            var prefix = Self.printable(Array(source[max(bounds.lowerBound, start - Self.snippetBytes)..<start]))
            var span = Self.printable(Array(source[start..<min(spanEnd, start + Self.snippetBytes)]))
            var suffix = Self.printable(Array(source[spanEnd..<min(bounds.upperBound, spanEnd + Self.snippetBytes)]))
            Self.window(&prefix, &span, &suffix)
            output += paint("\(number) | ", .blue)
            output += prefix + span + suffix
            output += "\n"
            var pad = ""
            for scalar in prefix.unicodeScalars { pad.append(scalar == "\t" ? "\t" : " ") }
            let width = max(1, span.unicodeScalars.count)
            output += paint("\(gutter) | ", .blue)
            output += pad
            output += paint("^" + String(repeating: "~", count: width - 1), style(for: diagnostic.severity))
            output += "\n"
            if let hint = diagnostic.hint {
                output += paint("\(gutter) = ", .blue) + "hint: \(Self.escaped(hint))\n"
            }
            output += paint("\(gutter) = ", .blue) + "see \(diagnostic.reference)"
            if let url = diagnostic.reference.url { output += " <\(url)>" }
            output += "\n"
        }
    }

    /// The widest snippet shown, in characters; longer lines (a description on one line of a
    /// JSON dump, a 5 MB attribute) are cut around the span with "…".
    static let snippetWidth = 120

    /// The most bytes of the prefix, span and suffix decoded for a snippet: a character takes
    /// at most 4 bytes, and ``window(_:_:_:)`` keeps fewer than `snippetWidth` of each.
    static let snippetBytes = 4 * (snippetWidth + 1)

    /// Cuts a line longer than ``snippetWidth`` characters around its span, as compilers do: a
    /// line that fits is shown whole; otherwise the span keeps as much as fits beside a little
    /// context, and the context on each side shares what is left.
    static func window(_ prefix: inout String, _ span: inout String, _ suffix: inout String) {
        let (before, within, after) = (prefix.count, span.count, suffix.count)
        guard before + within + after > snippetWidth else { return }
        let context = 20
        let spanRoom = snippetWidth - min(before, context) - min(after, context)
        if within > spanRoom { span = String(span.prefix(spanRoom - 1)) + "…" }
        let left = snippetWidth - span.count
        let keptBefore = min(before, max(left / 2, left - after))
        let keptAfter = min(after, left - keptBefore)
        if keptBefore < before { prefix = "…" + String(prefix.suffix(max(0, keptBefore - 1))) }
        if keptAfter < after { suffix = String(suffix.prefix(max(0, keptAfter - 1))) + "…" }
    }

    /// A one-line tally: "2 errors, 1 warning in 3 files".
    public func summary(_ counts: SeverityCounts, files: Int) -> String { summary(counts, in: files, "file") }

    /// A one-line tally over things other than files: "0 errors, 1 warning in 2 descriptions".
    public func summary(_ counts: SeverityCounts, in count: Int, _ noun: String) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var tally = plural(counts.errors, "error") + ", " + plural(counts.warnings, "warning")
        if counts.infos > 0 { tally += ", " + plural(counts.infos, "note") }
        return tally + " in " + plural(count, noun)
    }

    /// The bytes as text for display: invalid UTF-8 repaired, control bytes shown as U+2400
    /// symbols so that a NUL cannot corrupt the terminal.
    static func printable(_ bytes: [UInt8]) -> String {
        escaped(String(decoding: bytes, as: UTF8.self))
    }

    /// Text from an input made safe for a terminal: control characters (C0, DEL, and the C1
    /// range a terminal also obeys, U+0080–U+009F) shown as symbols or escapes, so that
    /// nothing an input holds can move the cursor, retitle the window or change colours. A tab
    /// stays a tab; with `keepingLineBreaks`, a line feed and the carriage return of a CRLF stay
    /// too, for data written to a terminal line by line.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            let lineBreak = scalar == "\n" || (scalar == "\r" && next == "\n")
            if !needsEscape(scalar) || (keepingLineBreaks && lineBreak) {
                result.append(scalar)
            } else if scalar.value < 0x20 {
                result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            } else if scalar.value == 0x7F {
                result.append("\u{2421}")
            } else {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    enum Style: String {
        case bold = "1"
        case red = "1;31"
        case green = "1;32"
        case yellow = "1;33"
        case cyan = "1;36"
        case blue = "1;34"
    }

    func style(for severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .cyan
        }
    }

    func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
