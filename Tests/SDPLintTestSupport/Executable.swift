public import Foundation

/// Runs a product built next to the tests (such as `sdplint`) and captures what it prints.
public struct ExecutableRun {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
    /// Standard output as bytes, for commands that write binary data.
    public let standardOutputData: Data
}

public enum Executable {
    /// The build products directory: where `swift build` put the test bundle and the binaries.
    public static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The test process ignores SIGPIPE, once: a program that exits before it has read all its
    /// input (one that stops at the first fault) must not end the whole test run; the write
    /// then fails with EPIPE, which ``run(_:_:input:environment:directory:)`` ignores. sdplint
    /// itself restores the default action at start, so its own behaviour is unchanged.
    private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    public static func run(
        _ product: String, _ arguments: [String], input: Data? = nil,
        environment: [String: String] = [:], directory: URL? = nil
    ) throws -> ExecutableRun {
        _ = brokenPipesIgnored
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(product)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixture.root.deletingLastPathComponent()
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        // Standard input is written, and standard error read, beside the reading of standard
        // output: a program that writes as it reads (a record stream) would otherwise fill
        // one pipe while the other waits.
        let writing = DispatchGroup()
        let writer = inPipe.fileHandleForWriting
        DispatchQueue.global().async(group: writing) {
            if let input { try? writer.write(contentsOf: input) }
            try? writer.close()
        }
        let errors = ReadToEnd(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        writing.wait()
        let errData = errors.wait()
        process.waitUntilExit()
        return ExecutableRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self), standardOutputData: outData)
    }

    /// Runs another program (a validator, a browser) with its output in files, so that a
    /// program that writes much to both streams cannot block on a full pipe; it is stopped
    /// after `timeout` seconds.
    public static func runTool(_ path: String, _ arguments: [String], timeout: Double = 120) throws -> ExecutableRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let directory = FileManager.default.temporaryDirectory
        let outURL = directory.appendingPathComponent("sdplint-tool-\(UUID()).out")
        let errURL = directory.appendingPathComponent("sdplint-tool-\(UUID()).err")
        // FileHandle(forWritingTo:) below opens them, and throws if one could not be made.
        for url in [outURL, errURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL)
        return ExecutableRun(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), standardOutputData: outData)
    }
}

/// A pipe read to its end on another thread.
final class ReadToEnd: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    /// What the pipe held, once it has ended.
    func wait() -> Data {
        done.wait()
        return data
    }
}
