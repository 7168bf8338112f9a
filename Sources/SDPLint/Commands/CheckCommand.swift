import CSDPLintProcess
package import SDPLintCapture
public import SDPLintDiagnostics
public import SDPLintInput
import SDPLintReporting

#if canImport(FoundationEssentials)
import FoundationEssentials  // not all of Foundation: see Package.swift
#else
import Foundation
#endif

/// `sdplint check`: every finding in every input, written as the inputs are checked. Inputs
/// read whole are checked on every core, as many at once as a memory budget allows, and
/// reported in order; streams (captures, NDJSON) are read a piece at a time. Memory stays flat
/// over a batch of any size.
public struct CheckCommand {
    /// How the findings are written.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case text, json, sarif, github, html
        /// One JSON object a line per record of each input, in input order, as it is checked
        /// (`Schemas/sdplint-records.schema.json`).
        case ndjson
        /// One JSON object a line per answered offer, with what its negotiation settled
        /// (`Schemas/sdplint-features.schema.json`).
        case features
    }

    public var configuration: LintConfiguration
    public var format: Format
    public var color: Bool
    /// The largest input read whole, in bytes.
    public var maxBytes: Int
    /// What the inputs are, instead of detecting it.
    public var kind: InputKind?
    /// Whether to show which input is being checked (on a terminal).
    public var progress: Bool
    /// The least severity that text and GitHub output show (notes are information, and on real
    /// captures most findings are notes); JSON and SARIF keep every finding, and the summary
    /// counts every finding.
    public var shown: Severity
    /// Whether to write the findings only, without the summary.
    public var quiet: Bool
    /// What the inputs checked at once may need together at their peak, in bytes: fewer are
    /// checked at once when they are large (``CheckCommand/peakMemory(size:compressed:maxBytes:)``).
    /// By default half the machine's memory.
    public var memoryBudget: Int
    /// Collectors' sockets whose HEP packets are checked after the files, each until it stops.
    package var listeners: [HEPListener] = []

    public init(
        configuration: LintConfiguration = LintConfiguration(), format: Format = .text, color: Bool = false,
        maxBytes: Int = 64 << 20, kind: InputKind? = nil, progress: Bool = false, shown: Severity = .warning,
        quiet: Bool = false, memoryBudget: Int? = nil
    ) {
        self.configuration = configuration
        self.format = format
        self.color = color
        self.maxBytes = maxBytes
        self.kind = kind
        self.progress = progress
        self.shown = shown
        self.quiet = quiet
        self.memoryBudget = memoryBudget ?? Self.defaultMemoryBudget
    }

    /// Half the machine's memory.
    public static var defaultMemoryBudget: Int {
        Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
    }

    /// The estimated peak past which an input's memory, once freed, is handed back to the
    /// system: about 3 MB of input.
    static let largeInput = 64 << 20

    /// Hands memory freed by the allocator back to the system. glibc keeps what a large input
    /// freed in its per-thread arenas; the next large input, on another thread, would then add
    /// its peak to what is kept rather than reuse it, and the batch would outgrow its budget.
    static func returnFreedMemory() { sdplint_release_free_memory() }

    /// What checking an input read whole may need at its peak, in bytes, for the memory
    /// budget: 20 bytes per byte of its text, plus 1 MiB. 20 is above the most measured (10 and
    /// 30 MB of candidate lines peaked at 18 bytes per byte of input, 10 MB of media sections
    /// at 4, a JSON string at 13). A compressed input counts as `maxBytes` of text, the most
    /// it is allowed to inflate to, since its size says nothing of what it holds.
    public static func peakMemory(size: Int, compressed: Bool, maxBytes: Int) -> Int {
        let text = compressed ? maxBytes : min(size, maxBytes)
        return text.multipliedReportingOverflow(by: 20).partialValue.addingReportingOverflow(1 << 20).partialValue
    }

    /// Checks every input the arguments name (files; directories, walked; `-`, standard input)
    /// and writes the report to `output`.
    ///
    /// - Returns: ``ExitStatus/findings`` when a finding reached the configured threshold,
    ///   ``ExitStatus/failure`` when an input could not be read (the others are still checked).
    public func run(_ arguments: [String], output: some CommandOutput) -> ExitStatus {
        run(inputs: Inputs.expand(arguments), output: output)
    }

    /// Checks inputs already found (``Inputs/expand(_:)``) and writes the report to `output`.
    /// An input that is gone or changed since it was found is read as it is now: a file
    /// removed is reported and the others are checked.
    public func run(inputs expanded: [Result<Inputs.Item, Inputs.Problem>], output: some CommandOutput) -> ExitStatus {
        let renderer = TextRenderer(color: color)
        let progress = self.progress && expanded.count > 1
        // SARIF converts columns to code points and text shows snippets: both need the text.
        let keepText = format == .text || format == .sarif || format == .html
        var json = JSONReport.Stream(toolVersion: sdplintVersion)
        // The rule catalog is built only for the one format that lists it.
        var sarif = SARIFReport.Stream(toolVersion: sdplintVersion, rules: format == .sarif ? RuleCatalog.all : [])
        if format == .json { output.write(json.begin()) }
        if format == .sarif { output.write(sarif.begin()) }
        if format == .html {
            let count = expanded.count
            output.write(
                HTMLReport.begin(
                    title: "sdplint check",
                    subtitle: "sdplint \(sdplintVersion) · \(count) input\(count == 1 ? "" : "s")"))
        }
        var sections = 0
        var total = SeverityCounts()
        var byCode: [Rule.Code: Int] = [:]
        var checked = 0
        var status = ExitStatus.success
        /// An input that could not be read: reported, and in a record stream an object of its own.
        func fail(_ problem: InputError) {
            if progress { output.progress("") }
            output.report("sdplint: \(problem)")
            if format == .ndjson || format == .features {
                output.write(RecordReport.unreadable(input: problem.path, message: problem.message))
            }
            status = .failure
        }
        func show(_ position: Int) {
            if progress { output.progress("[\(position + 1)/\(expanded.count)]") }
        }
        /// Counts, renders and writes what one input's check found, as it comes.
        func report(_ files: [LintedFile]) {
            var text = ""
            for var file in files {
                total = total + file.counts
                for diagnostic in file.diagnostics { byCode[diagnostic.code, default: 0] += 1 }
                if configuration.fails(file.diagnostics) { status = status.combined(with: .findings) }
                if !keepText { file.text = .empty }
                switch format {
                case .text:
                    for diagnostic in file.diagnostics where diagnostic.severity >= shown {
                        renderer.render(diagnostic, in: file, into: &text)
                    }
                case .json: text += json.add(file)
                case .sarif: text += sarif.add(file)
                case .github:
                    file.diagnostics.removeAll { $0.severity < shown }
                    text += GitHubAnnotations.render([file])
                case .html:
                    guard file.diagnostics.contains(where: { $0.severity >= shown }) else { continue }
                    sections += 1
                    text += HTMLReport.findings(
                        file, id: "i\(sections)", shown: shown, explanations: Explainer.explanations(of: file))
                case .ndjson, .features:
                    break  // written with the documents (``InputChecker``)
                }
            }
            if !text.isEmpty {
                if progress { output.progress("") }
                output.write(text)
            }
        }
        /// Reports a piece's files and writes its rows.
        func deliver(_ piece: (files: [LintedFile], rows: String)) {
            report(piece.files)
            output.write(piece.rows)
        }
        let configuration = self.configuration
        let (kind, maxBytes, format) = (self.kind, self.maxBytes, self.format)
        // Streams are checked from their files a piece at a time, in order; so are standard
        // input, FIFOs and devices, which are read once as they come. The other inputs are read
        // whole and checked on every core, in runs between streams, as many at once as the
        // memory budget allows.
        let plans = expanded.map { item -> (stream: Bool, cost: Int) in
            guard case .success(let input) = item else { return (false, 0) }
            guard let file = input.file, let head = Inputs.peek(input, count: 1 << 16) else { return (true, 0) }
            return (
                InputReader.isStream(head: head, name: file, kind: kind),
                Self.peakMemory(
                    size: Inputs.size(of: file), compressed: Gzip.isGzip(head.prefix(3)), maxBytes: maxBytes)
            )
        }
        var next = 0
        while next < expanded.count {
            if plans[next].stream, case .success(let input) = expanded[next] {
                show(next)
                var checker = InputChecker(format: format, input: input.path, configuration: configuration)
                do throws(InputError) {
                    try InputReader.read(
                        file: input.file, name: input.path, kind: kind, options: configuration.readOptions,
                        maxBytes: maxBytes
                    ) { deliver(checker.check($0)) }
                    deliver(checker.finish())
                    checked += 1
                } catch {
                    fail(error)
                }
                next += 1
                continue
            }
            var end = next + 1
            while end < expanded.count && !plans[end].stream { end += 1 }
            let first = next
            Batch.forEach(
                Array(next..<end), budget: memoryBudget, cost: { plans[$0].cost },
                work: { index -> Result<(files: [LintedFile], rows: String), InputError> in
                    switch expanded[index] {
                    case .failure(let problem):
                        return .failure(InputError(path: problem.path, message: problem.message))
                    case .success(let input):
                        do throws(InputError) {
                            let document = try InputReader.document(
                                file: input.file, name: input.path, kind: kind, options: configuration.readOptions,
                                maxBytes: maxBytes)
                            var checker = InputChecker(
                                format: format, input: input.path, configuration: configuration)
                            let (added, written) = checker.check(document)
                            let (finished, last) = checker.finish()
                            var files = added + finished
                            // Nothing after this needs the text of a file without findings.
                            for index in files.indices where files[index].diagnostics.isEmpty {
                                files[index].text = .empty
                            }
                            return .success((files, written + last))
                        } catch {
                            return .failure(error)
                        }
                    }
                },
                deliver: { index, result in
                    show(first + index)
                    switch result {
                    case .failure(let problem):
                        fail(problem)
                    case .success(let piece):
                        checked += 1
                        deliver(piece)
                    }
                    if plans[first + index].cost >= Self.largeInput { Self.returnFreedMemory() }
                })
            next = end
        }
        for listener in listeners {
            var checker = InputChecker(
                format: format, input: listener.address.description, configuration: configuration)
            InputReader.read(listening: listener, options: configuration.readOptions) { deliver(checker.check($0)) }
            deliver(checker.finish())
            checked += 1
        }
        if progress { output.progress("") }
        switch format {
        case .text where quiet:
            break
        case .text, .html:
            var summary = renderer.summary(total, files: checked)
            let hidden = (shown > .info ? total.infos : 0) + (shown > .warning ? total.warnings : 0)
            if hidden > 0 {
                summary += " (\(shown > .warning ? "warnings and notes" : "notes") not shown: --min-severity "
                summary += "\(shown > .warning ? "warning" : "info") shows them)"
            }
            if checked > 1 && !byCode.isEmpty {
                let codes = byCode.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) ×\($0.value)" }
                summary += "\nby rule: " + codes.joined(separator: ", ")
            }
            output.write(format == .html ? HTMLReport.end(summary: summary) : summary + "\n")
        case .json:
            output.write(json.end())
        case .sarif:
            output.write(sarif.end())
        case .github, .ndjson, .features:
            break
        }
        return status
    }
}

/// One input's checks, a piece at a time, and what the row formats write for it: the record
/// stream (``RecordReport``) or the feature table (``FeatureTable``); the other formats render
/// the files.
struct InputChecker {
    let format: CheckCommand.Format
    let input: String
    private var checker: DocumentChecker
    private var records: RecordReport

    init(format: CheckCommand.Format, input: String, configuration: LintConfiguration) {
        self.format = format
        self.input = input
        checker = DocumentChecker(
            name: input, configuration: configuration, byRecord: format == .ndjson, keepsExchanges: format == .features)
        records = RecordReport(input: input)
    }

    /// Checks the next piece of the input (the whole of it, a block of a stream, a dialog of a
    /// capture): the files that are complete, and the rows they make. In the row formats an
    /// input of white space only is a stream of no records (``RecordReport/skips(_:)``).
    mutating func check(_ document: InputDocument) -> (files: [LintedFile], rows: String) {
        if format == .ndjson || format == .features, records.skips(document) { return ([], "") }
        let files = checker.add(document)
        switch format {
        case .ndjson: return (files, records.add(document, files))
        case .features: return (files, exchangeRows())
        case .text, .json, .sarif, .github, .html: return (files, "")
        }
    }

    /// The end of the input: the last files, and their rows.
    mutating func finish() -> (files: [LintedFile], rows: String) {
        let files = checker.finish()
        switch format {
        case .ndjson: return (files, records.finish(files))
        case .features: return (files, exchangeRows())
        case .text, .json, .sarif, .github, .html: return (files, "")
        }
    }

    private mutating func exchangeRows() -> String {
        checker.takeExchanges().map { FeatureTable.row($0, input: input) }.joined()
    }
}
