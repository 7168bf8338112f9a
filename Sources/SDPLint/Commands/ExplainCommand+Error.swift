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
        let (matches, exact) = ReceiverErrors.matches(message)
        var text = ""
        if matches.isEmpty {
            let recorded = Set(ReceiverErrors.entries.map { "\($0.receiver) \($0.version)" }).sorted()
            text += """
                This message is not among the \(ReceiverErrors.entries.count) errors recorded from \
                \(recorded.joined(separator: " and ")) (Conformance/results); `sdplint check --profile` may still find \
                what the receiver refused.

                """
        }
        for entry in matches {
            text +=
                "\(entry.receiver) \(entry.version) refused \(entry.cases) of the recorded descriptions (offers and answers) with "
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
        guard
            let place = describe(
                ReceiverErrors.places(in: message), matches: matches, input: input, renderer: renderer, output: output)
        else { return .failure }
        output.write(text + place)
        return matches.isEmpty ? .findings : .success
    }

    /// The part of the answer about the input: where the message points, and the findings of
    /// the matched rules there; `nil` when the input could not be read.
    private func describe(
        _ places: [ReceiverErrors.Place], matches: [ReceiverErrors.Entry], input: CommandInput,
        renderer: TextRenderer, output: some CommandOutput
    ) -> String? {
        var configuration = configuration
        configuration.type = configuration.type ?? .offer  // what setRemoteDescription was given
        if configuration.profiles.isEmpty { configuration.profiles = matches.compactMap(\.profile) }
        guard
            let document = input.document(kind: kind, configuration: configuration, maxBytes: maxBytes, output: output)
        else { return nil }
        var text = ""
        if let described = document.descriptions.first?.sdp {
            for number in Self.lines(places, in: described) {
                let line = described.source.range(ofLine: number).map {
                    String(decoding: described.source.bytes[$0], as: UTF8.self)
                }
                text += "The message points at \(input.name):\(number): \(TextRenderer.escaped(line ?? ""))\n"
            }
        }
        // The recorded rules, and the receiver's own rules that now explain them (RootCauses): a
        // rule the profile has since lowered leaves its finding to those.
        let recorded = Set(matches.flatMap { $0.rules.map(\.code) })
        let codes = recorded.union(RootCauses.explanations.filter { recorded.contains($0.symptom) }.map(\.cause))
        var files = Linter.check(document, configuration: configuration)
        for index in files.indices { files[index].diagnostics.removeAll { !codes.contains($0.code) } }
        files.removeAll { $0.diagnostics.isEmpty }
        if files.isEmpty {
            text += "None of these rules fires on \(input.name).\n"
        } else {
            for file in files { renderer.render(file, into: &text) }
        }
        return text
    }

    /// The numbers of the lines a description's places are at: the line quoted or numbered,
    /// the m= line of a section named by level (its index) or mid.
    static func lines(_ places: [ReceiverErrors.Place], in described: ParseResult<SessionDescription>) -> [Int] {
        let source = described.source
        let media = described.value.media
        return places.compactMap { place -> Int? in
            switch place {
            case .quotedLine(let start):
                return (1...max(1, source.lineCount)).first { number in
                    guard let range = source.range(ofLine: number) else { return false }
                    let line = source.bytes[range]
                    return line.elementsEqual(start.utf8) || line.starts(with: Array((start + " ").utf8))
                }
            case .line(let number):
                return number >= 1 && number <= source.lineCount ? number : nil
            case .level(let level):
                return media.indices.contains(level) ? described.location(ofSection: level).line : nil
            case .mid(let mid):
                return media.firstIndex { $0.mid == mid }.map { described.location(ofSection: $0).line }
            }
        }
    }
}
