import ArgumentParser
import Diagnostics
import SDPLint

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules sdplint checks, or explain one.",
        discussion: """
            Examples:
              sdplint rules
              sdplint rules SDP300
              sdplint rules line-order
            """
    )

    @Argument(help: "A rule code or name to explain; without one, every rule is listed.")
    var rule: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        guard let key = rule else {
            switch format {
            case .text:
                var output = ""
                for group in RuleCatalog.groups {
                    output += "\n\(group.title)\n"
                    for rule in group.rules {
                        output += "  \(rule.code)  \(rule.severity.description.padding(7))  \(rule.name.padding(36)) \(rule.summary)\n"
                    }
                }
                print(output.dropFirst(), terminator: "")
            case .json:
                var json = JSONWriter()
                json.beginArray()
                for rule in RuleCatalog.all { write(rule, to: &json) }
                json.endArray()
                print(json.output)
            }
            return
        }
        guard let rule = RuleCatalog.rule(key) else {
            let suggestions = RuleCatalog.suggestions(for: key)
            throw ValidationError("unknown rule '\(key)'" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"))
        }
        switch format {
        case .text:
            var output = "\(rule.code) \(rule.name) (\(rule.severity); \(rule.strictSeverity) with --strict)\n\n\(rule.summary)\n\n\(rule.explanation)\n"
            if !rule.badExample.isEmpty { output += "\nBad:\n" + rule.badExample.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n" }
            if !rule.goodExample.isEmpty { output += "\nGood:\n" + rule.goodExample.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n" }
            output += "\nSee \(rule.reference)" + (rule.reference.url.map { " <\($0)>" } ?? "") + "\n"
            print(output, terminator: "")
        case .json:
            var json = JSONWriter()
            write(rule, to: &json)
            print(json.output)
        }
    }

    private func write(_ rule: Rule, to json: inout JSONWriter) {
        json.beginObject()
        json.string("code", rule.code)
        json.string("name", rule.name)
        json.string("severity", rule.severity.description)
        json.string("strictSeverity", rule.strictSeverity.description)
        json.string("summary", rule.summary)
        json.string("explanation", rule.explanation)
        json.string("bad", rule.badExample)
        json.string("good", rule.goodExample)
        json.string("reference", rule.reference.description)
        json.string("referenceURL", rule.reference.url)
        json.endObject()
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
