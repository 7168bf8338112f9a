public import ArgumentParser
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintWebRTC

#if canImport(FoundationEssentials)
import FoundationEssentials  // not all of Foundation: see Package.swift
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension CheckCommand.Format: ExpressibleByArgument {}
extension InputKind: ExpressibleByArgument {
    /// The kinds a reader takes, for help and completion: binary data and HTML pages are what
    /// detection can say an input is, not what `--input` can make one.
    static var allValueStrings: [String] { readable.map(\.rawValue) }
}

/// Where a command's output goes: standard output, or a file the user named (`--output`),
/// and standard error.
///
/// Whatever reaches a terminal from the input is escaped first, so that no input can move the
/// cursor, retitle the window or change colours: data written to a terminal, and every report
/// line (they quote file names and input lines). Every write is checked: output that could not
/// be written (a full disk) ends the run with status 2 and one line, never status 0. A closed
/// pipe ends the process by SIGPIPE, quietly, as it does `grep`. A named file is written
/// beside its destination and renamed over it when the command is done (``AtomicFile``).
final class StandardOutput: CommandOutput {
    let isTerminal: Bool
    /// The named file being written, or `nil` for standard output.
    private let file: AtomicFile?
    /// Why the output could not be written, once it could not.
    private(set) var failure: String?

    init(file: AtomicFile? = nil) {
        self.file = file
        isTerminal = file == nil && isatty(STDOUT_FILENO) == 1
    }

    func write(_ text: String) { put(Array(text.utf8)) }
    func write(bytes: [UInt8]) {
        guard isTerminal else { return put(bytes) }
        put(Array(TextRenderer.escaped(String(decoding: bytes, as: UTF8.self), keepingLineBreaks: true).utf8))
    }
    func report(_ line: String) { writeStandardError(TextRenderer.escaped(line, keepingLineBreaks: true) + "\n") }
    func progress(_ status: String) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        writeStandardError("\r\u{1B}[K" + status)
    }

    /// Writes to the output; the first failure is kept and nothing more is written.
    private func put(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        if let file {
            do throws(AtomicFile.Failure) {
                try file.write(bytes)
            } catch {
                failure = error.reason
            }
        } else if let failed = bytes.withUnsafeBufferPointer({ AtomicFile.write($0, to: STDOUT_FILENO) }) {
            failure = String(cString: strerror(failed))
        }
    }

    /// Runs a command on standard output (`path` `nil` or `-`) or a named file and standard
    /// error, and ends with its status, or with status 2 and one line when what it wrote could
    /// not be written (the named file is then left as it was).
    static func run(to path: String? = nil, _ command: (StandardOutput) throws -> ExitStatus) throws {
        var file: AtomicFile?
        if let path, path != "-" {
            do throws(AtomicFile.Failure) {
                file = try AtomicFile(replacing: path)
            } catch {
                throw InputError(message: error.description)
            }
        }
        let output = StandardOutput(file: file)
        let status = try command(output)
        if output.failure == nil, let file {
            do throws(AtomicFile.Failure) {
                try file.commit()
            } catch {
                output.failure = error.reason
            }
        }
        if let failure = output.failure {
            file?.discard()
            output.report("sdplint: \(file?.path ?? "standard output") could not be written: \(failure)")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// Where the output goes, for the commands that write one.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            """
            Write to this file instead of standard output. It is replaced only when the output is complete: \
            an interrupted or failed run leaves it as it was.
            """,
            valueName: "FILE"))
    var output: String?

    /// Whether to colour: never in a named file, whatever auto says about the terminal.
    func colors(_ choice: ColorChoice) -> Bool {
        choice == .always || (choice == .auto && (output == nil || output == "-") && choice.enabled)
    }

    /// Runs `command` writing to the named file or standard output (``StandardOutput/run(to:_:)``).
    func run(_ command: (StandardOutput) throws -> ExitStatus) throws {
        try StandardOutput.run(to: output, command)
    }
}

/// The options that say what the inputs are and how much of them to read.
struct InputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "What the input is, instead of detecting it: \(InputKind.readable.map(\.rawValue).joined(separator: ", ")).",
            valueName: "KIND"))
    var input: InputKind?

    @Option(
        help: ArgumentHelp(
            "The largest input read, in bytes (K, M and G multiply by 1024, 1024² and 1024³); a compressed input may inflate to as much.",
            valueName: "SIZE"))
    var maxBytes: ByteCount = ByteCount(64 << 20)

    func validate() throws {
        if maxBytes.value < 1 { throw ValidationError("--max-bytes must be positive") }
        if let input, !InputKind.readable.contains(input) {
            throw ValidationError("--input takes one of \(InputKind.readable.map(\.rawValue).joined(separator: ", "))")
        }
    }
}

/// A number of bytes given on the command line: `65536`, `64K`, `64M`, `2G` (powers of 1024).
struct ByteCount: ExpressibleByArgument, Hashable {
    var value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(argument)
        var unit = 1
        if let last = digits.last?.uppercased().first, let multiplier = units[last] {
            unit = multiplier
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number >= 0 else { return nil }
        let (value, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        self.value = value
    }

    var defaultValueDescription: String {
        for (suffix, unit) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where value >= unit && value % unit == 0
        {
            return "\(value / unit)\(suffix)"
        }
        return "\(value)"
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour output on standard output: NO_COLOR (https://no-color.org) wins over
    /// auto, and auto means "a terminal".
    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        // getenv(3), not ProcessInfo's environment, which copies every variable into a
        // dictionary: a sixth of a plain `check` launch's instructions (callgrind).
        case .auto: (getenv("NO_COLOR").map { $0.pointee == 0 } ?? true) && isatty(STDOUT_FILENO) == 1
        }
    }
}

struct ParsingOptions: ParsableArguments {
    @Flag(help: "Treat every deviation from the RFC 8866 grammar as an error.")
    var strict = false

    var parseOptions: SDPParseOptions { strict ? .strict : .lenient }
}

/// The options that choose which rules run and how much they matter.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("disable"),
        help: ArgumentHelp("Switch rules off (codes or names, comma-separated).", valueName: "CODE"))
    var disabled: [String] = []

    @Option(name: .customLong("enable"), help: ArgumentHelp("Switch rules on again.", valueName: "CODE"))
    var enabled: [String] = []

    @Option(
        name: .customLong("severity"),
        help: ArgumentHelp("Change a rule's severity: CODE=error|warning|info|off.", valueName: "CODE=LEVEL"))
    var severities: [String] = []

    @Option(
        help: ArgumentHelp(
            "Exit with status 1 when a finding of this severity or higher is made: error (the default) or warning.",
            valueName: "LEVEL"))
    var failOn: String?

    @Option(
        help: ArgumentHelp(
            """
            Read rules and severities from this file instead of the nearest .sdplint.json \
            (Schemas/sdplint-config.schema.json).
            """,
            valueName: "FILE"))
    var config: String?

    @Flag(help: "Ignore .sdplint.json files.")
    var noConfig = false

    @OptionGroup var parsing: ParsingOptions

    /// The configuration file's settings, then the command line's on top.
    func configuration() throws -> LintConfiguration {
        var configuration = noConfig ? LintConfiguration() : try Self.fileConfiguration(config)
        if parsing.strict { configuration.strict = true }
        if let failOn {
            guard let threshold = Severity(name: failOn), threshold != .info else {
                throw ValidationError("--fail-on takes error or warning, not '\(failOn)'")
            }
            configuration.failOn = threshold
        }
        do {
            for keys in disabled { try configuration.disable(keys) }
            for keys in enabled { try configuration.enable(keys) }
            for assignment in severities { try configuration.setSeverity(assignment) }
        } catch {
            throw ValidationError(error.description)
        }
        return configuration
    }
}

extension RuleOptions {
    /// The settings of the configuration file at `path`, or else of the nearest `.sdplint.json`
    /// from the working directory up, if there is one.
    static func fileConfiguration(_ path: String?) throws -> LintConfiguration {
        var configuration = LintConfiguration()
        guard let path = path ?? ConfigurationFile.find(from: FileManager.default.currentDirectoryPath) else {
            return configuration
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(message: "\(path): the configuration file cannot be read")
        }
        do {
            try ConfigurationFile.apply([UInt8](data), path: path, to: &configuration)
        } catch {
            throw InputError(message: "configuration file \(error.description)")
        }
        return configuration
    }
}

/// Which receivers to check against, for every command that checks descriptions.
struct ProfileOptions: ParsableArguments {
    @Option(
        name: .customLong("profile"),
        help: ArgumentHelp(
            "Also check what a receiver is known to reject: \(Profile.allCases.map(\.rawValue).joined(separator: ", ")), or a measured version of one (chrome@156; repeatable; `sdplint profiles` explains each).",
            valueName: "NAME"))
    var profiles: [String] = []

    /// Unknown names are usage errors, shown with the command's own usage.
    func validate() throws {
        var configuration = LintConfiguration()
        try apply(to: &configuration)
    }

    func apply(to configuration: inout LintConfiguration) throws {
        for name in profiles.flatMap({ $0.split(separator: ",").map(String.init) }) {
            do throws(ReceiverErrors.NamingError) {
                configuration.profiles.append(try Profile(named: name))
            } catch {
                throw ValidationError(error.description)
            }
        }
    }
}

/// The options of the commands that check inputs that may be a single description: what it is
/// and which receivers to check against.
struct DescriptionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "What the input is, when it cannot tell: offer, answer or pranswer (enables the role checks).",
            valueName: "TYPE"))
    var type: String?

    @OptionGroup var profiles: ProfileOptions

    func validate() throws {
        var configuration = LintConfiguration()
        try apply(to: &configuration)
    }

    func apply(to configuration: inout LintConfiguration) throws {
        try profiles.apply(to: &configuration)
        if let type {
            guard let kind = SDPType(rawValue: type.lowercased()), kind != .rollback else {
                throw ValidationError("--type takes offer, answer or pranswer, not '\(type)'")
            }
            configuration.type = kind
        }
    }
}

/// One input named on the command line: a file, or "-" for standard input. Problems end the
/// command with exit status 2, the path in the message.
enum Input {
    /// The input an argument names, without reading it: one file, not a directory.
    static func locate(_ argument: String) throws -> Inputs.Item {
        let expanded = Inputs.expand([argument])
        guard let first = expanded.first else { throw InputError(message: "\(argument): nothing to read") }
        switch first {
        case .failure(let problem): throw InputError(message: problem.description)
        case .success(let item):
            guard expanded.count == 1, item.file == nil || item.file == argument else {
                throw InputError(message: "\(argument): is a directory; name one file")
            }
            return item
        }
    }
}

extension Input {
    /// The inputs the arguments name, directories walked; what cannot be found ends the command
    /// with status 2 before anything is written.
    static func expand(_ arguments: [String]) throws -> [CommandInput] {
        try Inputs.expand(arguments).map { item throws(InputError) in
            switch item {
            case .success(let input): return input.commandInput
            case .failure(let problem): throw InputError(message: problem.description)
            }
        }
    }
}

extension Inputs.Item {
    /// The item as a command reads it.
    var commandInput: CommandInput { CommandInput(name: path, file: file) }
}

struct InputError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

func writeError(_ message: String) {
    writeStandardError("sdplint: " + message + "\n")
}

/// Writes `text` to standard error as it is. Standard error has nowhere to report its own
/// failures, so they are ignored.
func writeStandardError(_ text: String) {
    _ = Array(text.utf8).withUnsafeBufferPointer { AtomicFile.write($0, to: STDERR_FILENO) }
}
