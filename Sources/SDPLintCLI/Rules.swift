import ArgumentParser
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules sdplint checks, or explain one.",
        discussion: """
            Examples:
              sdplint rules
              sdplint rules SDP300
              sdplint rules line-order
              sdplint rules OA4          (every rule whose code starts so)
            """
    )

    @Argument(
        help:
            "A rule code or name to explain, or the start of codes to list (OA, WEB1); without one, every rule is listed."
    )
    var rule: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        // A code prefix lists the rules it starts (sdplint rules OA): what a help text suggests.
        let prefix = rule.flatMap { key -> String? in
            guard RuleCatalog.rule(key) == nil, !key.isEmpty,
                RuleCatalog.all.contains(where: { $0.code.rawValue.uppercased().hasPrefix(key.uppercased()) })
            else { return nil }
            return key.uppercased()
        }
        guard let key = rule, prefix == nil else {
            let listed = { (rule: Rule) in prefix.map { rule.code.rawValue.uppercased().hasPrefix($0) } ?? true }
            switch format {
            case .text:
                var output = ""
                for group in RuleCatalog.groups where group.rules.contains(where: listed) {
                    output += "\n\(group.title)\n"
                    for rule in group.rules where listed(rule) {
                        output +=
                            "  \(rule.code)  \(rule.severity.description.padding(7))  \(rule.name.padding(36)) \(rule.summary)\n"
                    }
                }
                print(output.dropFirst(), terminator: "")
            case .json:
                var json = JSONWriter(format: .pretty)
                json.array { list in
                    for rule in RuleCatalog.all where listed(rule) { list.object { write(rule, to: &$0) } }
                }
                print(json.output)
            }
            return
        }
        guard let rule = RuleCatalog.rule(key) else {
            let suggestions = RuleCatalog.suggestions(for: key)
            let message =
                "sdplint: unknown rule '\(key)'"
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
            StandardOutput().report(message)
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        switch format {
        case .text:
            var output =
                """
                \(rule.code) \(rule.name) (\(rule.severity); \(rule.strictSeverity) with \
                --strict)\n\n\(rule.summary)\n\n\(rule.explanation)\n
                """
            if !rule.severityRationale.isEmpty { output += "\n\(rule.severityRationale)\n" }
            if !rule.badExample.isEmpty {
                output +=
                    "\nBad:\n" + rule.badExample.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                    + "\n"
            }
            if !rule.goodExample.isEmpty {
                output +=
                    "\nGood:\n" + rule.goodExample.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                    + "\n"
            }
            output += "\nSee \(rule.reference)" + (rule.reference.url.map { " <\($0)>" } ?? "") + "\n"
            print(output, terminator: "")
        case .json:
            var json = JSONWriter(format: .pretty)
            json.object { write(rule, to: &$0) }
            print(json.output)
        }
    }

    private func write(_ rule: Rule, to json: inout JSONWriter.ObjectWriter) {
        json.member("code", rule.code.rawValue)
        json.member("name", rule.name)
        json.member("severity", rule.severity.description)
        json.member("strictSeverity", rule.strictSeverity.description)
        json.member("summary", rule.summary)
        json.member("explanation", rule.explanation)
        json.member("severityRationale", rule.severityRationale)
        json.member("bad", rule.badExample)
        json.member("good", rule.goodExample)
        json.member("reference", rule.reference.description)
        json.member("referenceURL", orNull: rule.reference.url)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
