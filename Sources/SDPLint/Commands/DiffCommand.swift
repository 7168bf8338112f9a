import SDPLintDiagnostics
public import SDPLintInput
public import SDPLintOfferAnswer
public import SDPLintReporting
import SDPLintSDP

/// `sdplint diff`: what an offer and its answer negotiated, or what a renegotiation sequence
/// changed step by step, from descriptions read once by the input reader: SDP files, or the
/// applied descriptions of one session of a file of messages, a browser dump or a capture.
public struct DiffCommand {
    /// How the negotiation is written: text and JSON show the whole negotiation; SARIF and
    /// GitHub annotations carry its findings, each in the description it is about, as `check`
    /// writes them.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case text, json, sarif, github, html
        /// One JSON object a line per exchange, as `check --format features` writes them
        /// (`Schemas/sdplint-features.schema.json`): every session of one input, read as a
        /// stream, or the exchanges of the descriptions given.
        case ndjson
    }

    public var configuration: LintConfiguration
    public var format: Format
    public var color: Bool
    public var verbose: Bool
    public var maxBytes: Int
    public var kind: InputKind?
    /// Which connection or session of a document with several to read (its name, or a part
    /// of it: `8-1`, a Call-ID).
    public var connection: String?

    public init(
        configuration: LintConfiguration = LintConfiguration(), format: Format = .text, color: Bool = false,
        verbose: Bool = false, maxBytes: Int = 64 << 20, kind: InputKind? = nil, connection: String? = nil
    ) {
        self.configuration = configuration
        self.format = format
        self.color = color
        self.verbose = verbose
        self.maxBytes = maxBytes
        self.kind = kind
        self.connection = connection
    }

    /// The descriptions of the inputs, in order, each named for the findings, and the text
    /// each finding's lines count in.
    public func descriptions(
        _ inputs: [CommandInput]
    ) throws(InputError) -> (sources: [SDPSource], origins: NegotiationText.Sources) {
        var sources: [SDPSource] = []
        var origins: NegotiationText.Sources = [:]
        for input in inputs {
            let document = try InputReader.document(
                file: input.file, name: input.name, kind: kind, options: configuration.readOptions, maxBytes: maxBytes)
            switch document.content {
            case .description(let parsed):
                sources.append(SDPSource(name: input.name, parsed: parsed))
                origins[input.name] = LintedFile(path: input.name, text: parsed.source, diagnostics: [])
            case .traces(let traces):
                let trace = try pick(traces, in: document)
                for description in trace.appliedDescriptions {
                    let context = trace.events[description.index].context
                    let name = "\(input.name): \(context)"
                    sources.append(SDPSource(name: name, parsed: description.sdp))
                    origins[name] = LintedFile(
                        path: input.name, context: context, text: description.sdp.source, diagnostics: [])
                }
            case .unreadable:
                throw document.unrecognized(name: input.name)
            case .fragment, .candidates, .iceServers:
                throw document.refusal("no session description to diff", name: input.name)
            }
        }
        return (sources, origins)
    }

    /// The one trace to read: the one named by ``connection``, or the only one.
    private func pick(_ traces: [SignalingTrace], in document: InputDocument) throws(InputError) -> SignalingTrace {
        if let connection {
            let matching = traces.filter { $0.name == connection || $0.name.contains(connection) }
            guard matching.count == 1, let trace = matching.first else {
                throw InputError(
                    path: document.name,
                    message: """
                        \(matching.isEmpty ? "no" : "\(matching.count)") connections match '\(connection)'; it holds \
                        \(traces.map(\.name).joined(separator: ", "))
                        """)
            }
            return trace
        }
        if traces.isEmpty { throw document.refusal("no session description to diff", name: document.name) }
        guard traces.count == 1, let trace = traces.first else {
            throw InputError(
                path: document.name,
                message: """
                    holds \(traces.count) connections (\(traces.map(\.name).joined(separator: ", "))); pick one \
                    with --connection
                    """)
        }
        return trace
    }

    /// Analyses the inputs and writes the negotiation.
    public func run(_ inputs: [CommandInput], output: some CommandOutput) -> ExitStatus {
        if format == .ndjson, inputs.count == 1, let input = inputs.first {
            // Every exchange of every session, as the stream is read: the feature table.
            let check = CheckCommand(configuration: configuration, format: .features, maxBytes: maxBytes, kind: kind)
            return check.run([input.file ?? "-"], output: output)
        }
        let found: (sources: [SDPSource], origins: NegotiationText.Sources)
        do throws(InputError) {
            found = try descriptions(inputs)
        } catch {
            output.report("sdplint: \(error)")
            return .failure
        }
        guard found.sources.count >= 2 else {
            let count = found.sources.count
            output.report(
                "sdplint: \(count) description\(count == 1 ? "" : "s") found; an offer and its answer are needed")
            return .failure
        }
        let options = Negotiation.Options(strict: configuration.strict)
        let text = NegotiationText(color: color, verbose: verbose)
        let findings: [Finding]
        if found.sources.count == 2 {
            let report = Negotiation.analyze(offer: found.sources[0], answer: found.sources[1], options: options)
            findings = configuration.apply(report.findings) + profileFindings(found.sources)
            switch format {
            case .text: output.write(text.render(report, findings: findings, sources: found.origins))
            case .json:
                output.write(
                    NegotiationJSON.render(
                        report, findings: findings, sources: found.origins, toolVersion: sdplintVersion))
            case .html:
                output.write(Self.htmlStart(found.sources))
                output.write(HTMLReport.negotiation(report, id: "n1", title: "What the exchange negotiated"))
            case .ndjson:
                output.write(row(report, offer: found.sources[0], answer: found.sources[1], findings: findings))
            case .sarif, .github: break
            }
        } else {
            let report = Negotiation.analyze(sequence: found.sources, options: options)
            findings = configuration.apply(report.allFindings) + profileFindings(found.sources)
            switch format {
            case .text: output.write(text.render(report, findings: findings, sources: found.origins))
            case .json:
                output.write(
                    NegotiationJSON.render(
                        report, findings: findings, sources: found.origins, toolVersion: sdplintVersion))
            case .html:
                output.write(Self.htmlStart(found.sources))
                for step in report.steps {
                    guard let negotiation = step.negotiation else { continue }
                    output.write(
                        HTMLReport.negotiation(
                            negotiation, id: "n\(step.number)", title: "Exchange \(step.number): what it negotiated"))
                }
            case .ndjson:
                for step in report.steps {
                    guard let negotiation = step.negotiation, let answer = step.answerDocument,
                        found.sources.indices.contains(step.offerDocument), found.sources.indices.contains(answer)
                    else { continue }
                    let sides = [found.sources[step.offerDocument].name, found.sources[answer].name]
                    output.write(
                        row(
                            negotiation, offer: found.sources[step.offerDocument], answer: found.sources[answer],
                            findings: findings.filter { sides.contains($0.file) }))
                }
            case .sarif, .github: break
            }
        }
        switch format {
        case .sarif:
            output.write(
                SARIFReport.render(
                    Self.files(of: findings, sources: found.origins), toolVersion: sdplintVersion,
                    rules: RuleCatalog.all))
        case .github: output.write(GitHubAnnotations.render(Self.files(of: findings, sources: found.origins)))
        case .html:
            // Every description, with its findings and every line explained.
            var byFile: [String: [Diagnostic]] = [:]
            for finding in findings { byFile[finding.file, default: []].append(finding.diagnostic) }
            let files = found.sources.compactMap { source -> LintedFile? in
                guard var file = found.origins[source.name] else { return nil }
                file.diagnostics = (byFile[source.name] ?? []).sorted {
                    ($0.location, $0.code) < ($1.location, $1.code)
                }
                return file
            }
            for (index, file) in files.enumerated() {
                output.write(
                    HTMLReport.findings(file, id: "f\(index + 1)", explanations: Explainer.explanations(of: file)))
            }
            var counts = SeverityCounts()
            for file in files { counts = counts + file.counts }
            output.write(
                HTMLReport.end(summary: TextRenderer().summary(counts, in: found.sources.count, "description")))
        case .text, .json, .ndjson: break
        }
        return configuration.fails(findings.map(\.diagnostic)) ? .findings : .success
    }

    /// The feature-table row of one exchange of the descriptions given.
    private func row(
        _ negotiation: NegotiationReport, offer: SDPSource, answer: SDPSource, findings: [Finding]
    ) -> String {
        let sides = [(offer, SDPType.offer), (answer, SDPType.answer)].map { source, type in
            // Its own findings' codes: its text's, the WebRTC rules' and the profiles'.
            var own = configuration
            own.type = type
            let found = Linter.descriptionChecks(
                source.parsed, configuration: own, grammar: source.parsed.diagnostics)
            return Exchange.Side(
                context: source.name, line: nil, id: nil, sdp: source.parsed.value, codes: found.map(\.code))
        }
        let exchange = Exchange(
            session: "\(offer.name) → \(answer.name)", origin: nil, offer: sides[0], answer: sides[1],
            negotiation: negotiation, findings: findings.map(\.diagnostic), trickled: [])
        return FeatureTable.row(exchange, input: offer.name)
    }

    /// The findings as `check` reports them: one file per description that has any, in the
    /// order of the descriptions, each finding in the text of its description.
    /// What the receivers of `--profile` are known to refuse in each description (an offer goes
    /// to the answerer, an answer back to the offerer), as check reports it.
    func profileFindings(_ sources: [SDPSource]) -> [Finding] {
        guard !configuration.profiles.isEmpty else { return [] }
        var findings: [Finding] = []
        for (index, source) in sources.enumerated() {
            let diagnostics = Linter.profileChecks(source.parsed, configuration: configuration)
            for diagnostic in configuration.apply(diagnostics) {
                findings.append(
                    Finding(
                        document: index, file: source.name, role: index.isMultiple(of: 2) ? .offer : .answer,
                        diagnostic: diagnostic))
            }
        }
        return findings
    }

    /// The start of the HTML report: which descriptions are compared.
    static func htmlStart(_ sources: [SDPSource]) -> String {
        HTMLReport.begin(
            title: "sdplint diff",
            subtitle: "sdplint \(sdplintVersion) · " + sources.map(\.name).joined(separator: " → "))
    }

    static func files(of findings: [Finding], sources: NegotiationText.Sources) -> [LintedFile] {
        var files: [LintedFile] = []
        var positions: [String: Int] = [:]
        for finding in findings.sorted(by: {
            ($0.document, $0.diagnostic.location) < ($1.document, $1.diagnostic.location)
        }) {
            if let position = positions[finding.file] {
                files[position].diagnostics.append(finding.diagnostic)
                continue
            }
            var file = sources[finding.file] ?? LintedFile(path: finding.file, text: .empty, diagnostics: [])
            file.diagnostics = [finding.diagnostic]
            positions[finding.file] = files.count
            files.append(file)
        }
        return files
    }
}
