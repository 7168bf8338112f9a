import ArgumentParser
import Foundation
import SDP

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour output on standard output: NO_COLOR (https://no-color.org) wins over
    /// auto, and auto means "a terminal".
    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto:
            ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true && isatty(STDOUT_FILENO) == 1
        }
    }
}

struct ParsingOptions: ParsableArguments {
    @Flag(help: "Treat every deviation from the RFC 8866 grammar as an error.")
    var strict = false

    var parseOptions: ParseOptions { strict ? .strict : .lenient }
}

/// An input named on the command line: a file, or "-" for standard input.
struct Input {
    let path: String
    let bytes: [UInt8]

    static func read(_ path: String) throws -> Input {
        if path == "-" {
            return Input(path: "<stdin>", bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(message: "\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(message: "\(path): is a directory; name the files to check") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(message: "\(path): cannot be read (check its permissions)")
        }
        return Input(path: path, bytes: [UInt8](data))
    }
}

struct InputError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

func writeError(_ message: String) {
    FileHandle.standardError.write(Data(("sdplint: " + message + "\n").utf8))
}
