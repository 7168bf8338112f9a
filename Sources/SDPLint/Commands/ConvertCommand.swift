import SDPLintDiagnostics
public import SDPLintInput
import SDPLintReporting
import SDPLintSDP

/// `sdplint convert`: the messages an input holds, written in another signaling format, every
/// part the target cannot carry a warning.
public struct ConvertCommand {
    public var target: ConversionTarget
    public var configuration: LintConfiguration
    /// Fail (exit status 1) when the target cannot carry part of the input.
    public var failOnDrop: Bool
    public var maxBytes: Int
    public var kind: InputKind?

    public init(
        target: ConversionTarget, configuration: LintConfiguration = LintConfiguration(), failOnDrop: Bool = false,
        maxBytes: Int = 64 << 20, kind: InputKind? = nil
    ) {
        self.target = target
        self.configuration = configuration
        self.failOnDrop = failOnDrop
        self.maxBytes = maxBytes
        self.kind = kind
    }

    public func run(_ input: CommandInput, output: some CommandOutput) -> ExitStatus {
        guard
            let document = input.document(
                kind: kind, configuration: configuration, maxBytes: maxBytes, output: output)
        else { return .failure }
        let result = Converter.convert(document, to: target, type: configuration.type)
        if result.failed {
            // The errors, each in the text it points into.
            output.report(
                findingsOf: document.findingFiles(name: input.name).map { file in
                    var errors = file
                    errors.diagnostics = file.diagnostics.filter { $0.severity == .error }
                    return errors
                })
            return .findings
        }
        guard !result.text.isEmpty else {
            for item in result.dropped { output.report("sdplint: warning: not carried by \(target): \(item)") }
            output.report("sdplint: \(document.refusal("nothing to write as \(target)", name: input.name))")
            return .failure
        }
        output.write(bytes: Array(result.text.utf8))
        for item in result.dropped { output.report("sdplint: warning: not carried by \(target): \(item)") }
        return failOnDrop && !result.dropped.isEmpty ? .findings : .success
    }
}

/// `sdplint explain`: every line of every description an input holds, in plain words.
public struct ExplainCommand {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case text, json
    }

    public var format: Format
    public var configuration: LintConfiguration
    public var maxBytes: Int
    public var kind: InputKind?
    /// Whether text output is coloured (line numbers, section headings, findings).
    public var color: Bool

    public init(
        format: Format = .text, configuration: LintConfiguration = LintConfiguration(), maxBytes: Int = 64 << 20,
        kind: InputKind? = nil, color: Bool = false
    ) {
        self.format = format
        self.configuration = configuration
        self.maxBytes = maxBytes
        self.kind = kind
        self.color = color
    }

    public func run(_ input: CommandInput, output: some CommandOutput) -> ExitStatus {
        guard
            let document = input.document(
                kind: kind, configuration: configuration, maxBytes: maxBytes, output: output)
        else { return .failure }
        let descriptions = document.descriptions
        guard !descriptions.isEmpty else {
            output.report("sdplint: \(document.refusal("no session description to explain", name: input.name))")
            return .failure
        }
        let explained = descriptions.map { (context: $0.context, type: $0.type, lines: Explainer.explain($0.sdp)) }
        switch format {
        case .text:
            var text = ""
            for description in explained {
                if let context = description.context {
                    text += (text.isEmpty ? "" : "\n") + "══ \(TextRenderer.escaped(context))"
                    if let type = description.type { text += " (\(type))" }
                    text += " ══\n"
                }
                text += ExplanationText.render(description.lines, renderer: TextRenderer(color: color))
            }
            output.write(text)
        case .json:
            output.write(ExplanationText.json(explained.map { ($0.context, $0.lines) }) + "\n")
        }
        return .success
    }
}

/// `sdplint format`: the descriptions an input holds in canonical form.
public struct FormatCommand {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case text, json
    }

    public var format: Format
    public var configuration: LintConfiguration
    public var maxBytes: Int
    public var kind: InputKind?

    public init(
        format: Format = .text, configuration: LintConfiguration = LintConfiguration(), maxBytes: Int = 64 << 20,
        kind: InputKind? = nil
    ) {
        self.format = format
        self.configuration = configuration
        self.maxBytes = maxBytes
        self.kind = kind
    }

    /// The canonical text of each description of a document, in order, or the findings that
    /// stop it being formatted: a description with errors is not rewritten.
    public static func formatted(_ document: InputDocument) -> (text: String?, problems: [LintedFile]) {
        var problems: [LintedFile] = []
        let errors = document.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            problems.append(LintedFile(path: document.name, text: document.source, diagnostics: errors))
        }
        var texts: [String] = []
        switch document.content {
        case .fragment(let parsed):
            if !parsed.hasErrors { texts.append(parsed.value.serialized()) }
        default:
            for description in document.descriptions {
                let errors = description.sdp.diagnostics.filter { $0.severity == .error }
                if errors.isEmpty {
                    texts.append(description.sdp.value.formatted().serialized())
                } else if description.context != nil {
                    problems.append(
                        LintedFile(
                            path: document.name, context: description.context, text: description.sdp.source,
                            diagnostics: errors))
                }
            }
        }
        return (problems.isEmpty && !texts.isEmpty ? texts.joined() : nil, problems)
    }

    public func run(_ input: CommandInput, output: some CommandOutput) -> ExitStatus {
        guard
            let document = input.document(
                kind: kind, configuration: configuration, maxBytes: maxBytes, output: output)
        else { return .failure }
        let (text, problems) = Self.formatted(document)
        if text == nil && problems.isEmpty {
            output.report("sdplint: \(document.refusal("no session description to format", name: input.name))")
            return .failure
        }
        switch format {
        case .text:
            guard let text else {
                output.report(findingsOf: problems)
                return .findings
            }
            output.write(bytes: Array(text.utf8))
        case .json:
            output.write(ExplanationText.formatJSON(path: input.name, text: text, problems: problems) + "\n")
        }
        return text == nil ? .findings : .success
    }
}

/// `sdplint anonymize`: the input in the same format, every identifying value replaced.
public struct AnonymizeCommand {
    public var seed: UInt64
    public var maxBytes: Int
    public var kind: InputKind?

    public init(seed: UInt64 = Anonymizer.defaultSeed, maxBytes: Int = 64 << 20, kind: InputKind? = nil) {
        self.seed = seed
        self.maxBytes = maxBytes
        self.kind = kind
    }

    public func run(_ input: CommandInput, output: some CommandOutput) -> ExitStatus {
        let bytes: [UInt8]
        do throws(InputError) {
            bytes = try InputReader.bytes(file: input.file, name: input.name, maxBytes: maxBytes)
        } catch {
            output.report("sdplint: \(error)")
            return .failure
        }
        do throws(AnonymizationError) {
            // Bytes as they are: a capture or a gzip file is not text, and not for a terminal.
            let anonymized = try Anonymizer.anonymize(bytes, kind: kind, seed: seed, maxDecompressedBytes: maxBytes)
            let produced = InputKind.detect(anonymized)
            if output.isTerminal, [.gzip, .pcap, .binary].contains(produced) {
                output.report(
                    "sdplint: \(input.name): not writing \(produced.rawValue) data to a terminal; redirect standard output to a file"
                )
                return .failure
            }
            output.write(bytes: anonymized)
            return .success
        } catch {
            output.report("sdplint: \(input.name): \(error.message)")
            return .failure
        }
    }
}
