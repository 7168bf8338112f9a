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

    public static func run(
        _ product: String, _ arguments: [String], input: Data? = nil,
        environment: [String: String] = [:], directory: URL? = nil
    ) throws -> ExecutableRun {
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
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ExecutableRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self), standardOutputData: outData)
    }
}
