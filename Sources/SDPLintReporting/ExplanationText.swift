import SDPLintDiagnostics
public import SDPLintInput
import SDPLintJSON

/// One explained line of a description: its number and text, the section it belongs to, and
/// what it means.
public struct ExplainedLine: Sendable, Hashable {
    public var number: Int
    public var text: String
    /// "session", or "media 1 (video, mid 1)".
    public var section: String
    public var explanation: String

    public init(number: Int, text: String, section: String, explanation: String) {
        self.number = number
        self.text = text
        self.section = section
        self.explanation = explanation
    }
}

/// How `sdplint explain` and `sdplint format` write what they made.
public enum ExplanationText {
    /// The lines as a gutter of line numbers, the line, and its explanation under it, with a
    /// heading for each section; everything from the input shown safe for a terminal.
    public static func render(_ lines: [ExplainedLine], renderer: TextRenderer = TextRenderer()) -> String {
        let width = String(lines.last?.number ?? 1).count
        var output = ""
        var section = ""
        for line in lines {
            if line.section != section {
                section = line.section
                output += "\n" + renderer.paint("── \(TextRenderer.escaped(section)) ──", .bold) + "\n"
            }
            let number = String(line.number)
            output += renderer.paint(String(repeating: " ", count: width - number.count) + number + " │ ", .blue)
            output += TextRenderer.escaped(line.text) + "\n"
            output += renderer.paint(String(repeating: " ", count: width) + " │   ", .blue)
            output += painted(TextRenderer.escaped(line.explanation), renderer) + "\n"
        }
        return String(output.dropFirst())
    }

    /// An explanation with the findings at its end (` ⚠ error[SDP120]: …`) in their severity's
    /// colour.
    static func painted(_ explanation: String, _ renderer: TextRenderer) -> String {
        guard let mark = explanation.firstRange(of: " ⚠ ") else { return explanation }
        let findings = explanation[mark.upperBound...]
        let severity: Severity =
            findings.hasPrefix("error[") ? .error : findings.hasPrefix("warning[") ? .warning : .info
        return String(explanation[..<mark.upperBound]) + renderer.paint(String(findings), renderer.style(for: severity))
    }

    /// The explanations as JSON: a list of lines for one description, or, for an input with
    /// several, a list of descriptions with where each sits.
    public static func json(_ descriptions: [(context: String?, lines: [ExplainedLine])]) -> String {
        func write(_ lines: [ExplainedLine], to list: inout JSONWriter.ArrayWriter) {
            for line in lines {
                list.object { entry in
                    entry.member("line", line.number)
                    entry.member("text", line.text)
                    entry.member("section", line.section)
                    entry.member("explanation", line.explanation)
                }
            }
        }
        var json = JSONWriter(format: .pretty)
        if descriptions.count == 1, descriptions[0].context == nil {
            json.array { write(descriptions[0].lines, to: &$0) }
        } else {
            json.array { list in
                for description in descriptions {
                    list.object { entry in
                        entry.member("context", orNull: description.context)
                        entry.member("lines", array: { write(description.lines, to: &$0) })
                    }
                }
            }
        }
        return json.output
    }

    /// `sdplint format --format json`: the canonical text, or `null`, and the errors that
    /// stopped it.
    public static func formatJSON(path: String, text: String?, problems: [LintedFile]) -> String {
        var json = JSONWriter(format: .pretty)
        json.object { result in
            result.member("path", path)
            result.member("formatted", orNull: text)
            result.member(
                "diagnostics",
                array: { items in
                    for problem in problems {
                        for diagnostic in problem.diagnostics { items.object { JSONReport.write(diagnostic, to: &$0) } }
                    }
                })
        }
        return json.output
    }
}
