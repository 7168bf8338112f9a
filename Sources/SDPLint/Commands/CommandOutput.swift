/// Where a command writes: the executable passes standard output and standard error; a test or
/// an application can collect what is written instead.
public protocol CommandOutput: AnyObject {
    /// Writes text to the command's output.
    func write(_ text: String)
    /// Writes bytes as they are to the command's output (a capture or a gzip file is not text).
    func write(bytes: [UInt8])
    /// Writes a line about the run itself: a problem or a warning.
    func report(_ line: String)
    /// Shows how far the run is, on the line the cursor is on (a terminal's status line);
    /// an empty string clears it.
    func progress(_ status: String)
}

extension CommandOutput {
    public func progress(_ status: String) {}
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
