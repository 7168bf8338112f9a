import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintWebRTC

extension ExplainCommand {
    /// `sdplint explain --error MESSAGE [FILE]`: what a receiver's error message means — the
    /// recorded cases it came from (``ReceiverErrors``) and the rules that explain it — and,
    /// with the description it refused, the line the message names and the findings of those
    /// rules under the receiver's profile.
    ///
    /// - Returns: ``ExitStatus/success`` when the message was recognised, ``ExitStatus/findings``
    ///   when it was not, ``ExitStatus/failure`` when the input could not be read.
    public func run(error message: String, input: CommandInput?, output: some CommandOutput) -> ExitStatus {
        let renderer = TextRenderer(color: color)
        let matches = ReceiverErrors.matches(message)
        var text = ""
        if matches.isEmpty {
            let recorded = Set(ReceiverErrors.entries.map { "\($0.receiver) \($0.version)" }).sorted()
            text += """
                This message is not among the \(ReceiverErrors.entries.count) errors recorded from \
                \(recorded.joined(separator: " and ")) (Conformance/results); `sdplint check --profile` may still find \
                what the receiver refused.

                """
        }
        let exact = matches.first.map { $0.pattern == ReceiverErrors.pattern(message) } ?? false
        for entry in matches {
            text += "\(entry.receiver) \(entry.version) refused \(entry.cases) of the recorded offers with "
            text += exact ? "this message" : "a message like it"
            text += ":\n"
            for line in entry.example.split(whereSeparator: \.isNewline) {
                text += "  \(TextRenderer.escaped(String(line)))\n"
            }
            guard !entry.rules.isEmpty else {
                text +=
                    "No sdplint rule reports an error on most of those cases: sdplint does not explain this message yet.\n\n"
                continue
            }
            let under = entry.profile.map { " under --profile \($0.rawValue)" } ?? ""
            text += "What it means (rules at error level\(under)):\n"
            for (code, cases) in entry.rules {
                guard let rule = RuleCatalog.rule(code.rawValue) else { continue }
                text += "  \(code) \(rule.name), on \(cases) of the \(entry.cases): \(rule.summary)\n"
                for (index, line) in rule.goodExample.split(whereSeparator: \.isNewline).enumerated() {
                    text += (index == 0 ? "    instead: " : "             ") + TextRenderer.escaped(String(line)) + "\n"
                }
            }
            text += "\n"
        }
        guard let input else {
            output.write(text)
            return matches.isEmpty ? .findings : .success
        }
        guard let place = describe(ReceiverErrors.places(in: message), matches: matches, input: input, output: output)
        else { return .failure }
        output.write(text + place(renderer))
        return matches.isEmpty ? .findings : .success
    }

    /// The part of the answer about the input: where the message points, and the findings of
    /// the matched rules there; `nil` when the input could not be read.
    private func describe(
        _ places: [ReceiverErrors.Place], matches: [ReceiverErrors.Entry], input: CommandInput,
        output: some CommandOutput
    ) -> ((TextRenderer) -> String)? {
        var configuration = configuration
        configuration.type = configuration.type ?? .offer  // what setRemoteDescription was given
        if configuration.profiles.isEmpty { configuration.profiles = matches.compactMap(\.profile) }
        guard
            let document = input.document(kind: kind, configuration: configuration, maxBytes: maxBytes, output: output)
        else { return nil }
        let source = document.descriptions.first?.sdp.source
        let codes = Set(matches.flatMap { $0.rules.map(\.code) })
        var files = Linter.check(document, configuration: configuration)
        for index in files.indices { files[index].diagnostics.removeAll { !codes.contains($0.code) } }
        files.removeAll { $0.diagnostics.isEmpty }
        return { renderer in
            var text = ""
            if let source {
                for (number, line) in Self.lines(places, in: source) {
                    text += "The message points at \(input.name):\(number): \(TextRenderer.escaped(line))\n"
                }
            }
            if files.isEmpty {
                text += "None of these rules fires on \(input.name).\n"
            } else {
                for file in files { renderer.render(file, into: &text) }
            }
            return text
        }
    }

    /// The lines of a description the places name: the line quoted or numbered, the m= line of
    /// a section named by level or mid.
    static func lines(_ places: [ReceiverErrors.Place], in source: SourceText) -> [(Int, String)] {
        let lines = (1...max(1, source.lineCount)).map { number in
            source.range(ofLine: number).map { String(decoding: source.bytes[$0], as: UTF8.self) } ?? ""
        }
        let media = lines.indices.filter { lines[$0].hasPrefix("m=") }
        var found: [(Int, String)] = []
        for place in places {
            switch place {
            case .quotedLine(let start):
                if let index = lines.firstIndex(where: { $0 == start || $0.hasPrefix(start + " ") }) {
                    found.append((index + 1, lines[index]))
                }
            case .line(let number) where number >= 1 && number <= lines.count:
                found.append((number, lines[number - 1]))
            case .level(let level) where level >= 0 && level < media.count:
                found.append((media[level] + 1, lines[media[level]]))
            case .mid(let mid):
                guard let at = lines.firstIndex(of: "a=mid:" + mid), let section = media.last(where: { $0 < at })
                else { continue }
                found.append((section + 1, lines[section]))
            default:
                continue
            }
        }
        return found
    }
}
