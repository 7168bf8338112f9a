public import Foundation
public import Testing

/// A file under `Fixtures/`, named by its path there so each test case reads as the file.
public struct Fixture: CustomTestStringConvertible, Sendable, CustomStringConvertible {
    /// The path relative to `Fixtures/`.
    public let path: String

    public init(path: String) { self.path = path }

    public var testDescription: String { path }
    public var description: String { path }

    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    public var url: URL { Self.root.appendingPathComponent(path) }

    public func bytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
    public func text() throws -> String { String(decoding: try bytes(), as: UTF8.self) }

    /// Every file below `folder` whose name ends with `suffix`, sorted.
    public static func files(in folder: String = "", suffix: String) -> [Fixture] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return []
        }
        var result: [Fixture] = []
        let rootPath = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where url.lastPathComponent.hasSuffix(suffix) {
            result.append(Fixture(path: String(url.standardizedFileURL.path.dropFirst(rootPath.count))))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Every SDP captured from a real client.
    public static let capturedSDP: [Fixture] = files(in: "corpus", suffix: ".sdp")
}
