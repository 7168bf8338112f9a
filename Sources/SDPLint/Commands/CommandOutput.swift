import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting

/// Where a command writes: the executable passes standard output and standard error; a test or
/// an application can collect what is written instead.
public protocol CommandOutput: AnyObject {
    /// Writes text the command rendered for people (findings, explanations, timelines): input
    /// in it is already escaped, and it may carry colour.
    func write(_ text: String)
    /// Writes what the input became (converted, formatted or anonymized data) as it is: a
    /// capture or a gzip file is not text. An output backed by a terminal shows control bytes
    /// escaped instead, since they come from the input.
    func write(bytes: [UInt8])
    /// Writes a line about the run itself: a problem or a warning.
    func report(_ line: String)
    /// Shows how far the run is, on the line the cursor is on (a terminal's status line);
    /// an empty string clears it.
    func progress(_ status: String)
    /// Whether ``write(bytes:)`` reaches a terminal, where binary data is refused.
    var isTerminal: Bool { get }
}

extension CommandOutput {
    public func progress(_ status: String) {}
    public var isTerminal: Bool { false }
}

/// A command's exit status, as every command documents it.
public enum ExitStatus: Int32, Sendable, Hashable {
    /// Nothing at or above the failure threshold was found; or the work was done.
    case success = 0
    /// Something at or above the threshold was found; or the input has errors.
    case findings = 1
    /// Usage or I/O errors: an input could not be read, or a kind makes no sense for the command.
    case failure = 2

    /// The worse of two statuses.
    public func combined(with other: ExitStatus) -> ExitStatus { rawValue >= other.rawValue ? self : other }
}

/// What a command reads: one input named on the command line, a file or standard input (`-`).
public struct CommandInput: Sendable, Hashable {
    /// How reports name it.
    public var name: String
    /// The file, or `nil` for standard input.
    public var file: String?

    public init(name: String, file: String?) {
        self.name = name
        self.file = file
    }

    /// An argument as given: `-` is standard input.
    public init(argument: String) {
        self.init(name: argument == "-" ? "<stdin>" : argument, file: argument == "-" ? nil : argument)
    }
}

extension CommandOutput {
    /// Reports the findings of `files` as `check` writes them, without colour: what a command
    /// that stops on errors says.
    func report(findingsOf files: [LintedFile]) {
        var text = ""
        let renderer = TextRenderer(color: false)
        for file in files { renderer.render(file, into: &text) }
        if !text.isEmpty { report(String(text.dropLast())) }
    }
}

extension CommandInput {
    /// The input read whole into one document, for a command that works on what it holds;
    /// `nil`, after one line on `output`, when it cannot be opened or no reader takes it.
    func document(
        kind: InputKind?, configuration: LintConfiguration, maxBytes: Int, output: some CommandOutput
    ) -> InputDocument? {
        let document: InputDocument
        do throws(InputError) {
            document = try InputReader.document(
                file: file, name: name, kind: kind, options: configuration.readOptions, maxBytes: maxBytes)
        } catch {
            output.report("sdplint: \(error)")
            return nil
        }
        if case .unreadable = document.content {
            output.report("sdplint: \(document.unrecognized(name: name))")
            return nil
        }
        return document
    }
}

extension InputDocument {
    /// Why the document gives a command nothing to work on (`missing`): what it reads as and,
    /// when reading found one, the reason — "call.json: chrome://webrtc-internals dump: no
    /// session description to explain: the dump holds no peer connection: …". The command
    /// reports it and ends with ``ExitStatus/failure``.
    func refusal(_ missing: String, name: String) -> InputError {
        var message = "\(format): \(missing)"
        if let reason = allDiagnostics.first(where: { $0.severity >= .warning }) { message += ": " + reason.message }
        return InputError(path: name, message: message)
    }

    /// Why no reader takes the document (it is ``InputDocument/Content/unreadable``), from
    /// the finding that says what it looks like: "x.bin: not a recognised input: binary data".
    func unrecognized(name: String) -> InputError {
        InputError(path: name, message: allDiagnostics.first?.message ?? "not a recognised input")
    }

    /// The findings of reading, in the document's own text and in the texts inside it.
    var allDiagnostics: [Diagnostic] { diagnostics + embedded.flatMap(\.diagnostics) }

    /// The findings of reading as files to render: the document's own text, then each text
    /// inside it (a SIP message of a capture, the decompressed text of a gzip file).
    func findingFiles(name: String) -> [LintedFile] {
        var files: [LintedFile] = []
        if !diagnostics.isEmpty {
            files.append(LintedFile(path: name, text: source, firstLine: firstLine, diagnostics: diagnostics))
        }
        for var file in embedded where !file.diagnostics.isEmpty {
            file.path = name
            files.append(file)
        }
        return files
    }
}
