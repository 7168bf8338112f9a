import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// `.sdplint.json`: found upward, applied before the command line, refused with the place of
/// the mistake, and in step with its schema.
@Suite struct ConfigurationFileTests {
    static let pair = [
        "chromium2firefox.audio-video-datachannel.offer.sdp", "chromium2firefox.audio-video-datachannel.answer.sdp",
    ]
    .map { Fixture(path: "corpus/cross/" + $0).url.path }

    /// A fresh directory holding `.sdplint.json` with `text`, and a subdirectory to run in.
    static func project(_ text: String) throws -> (root: URL, nested: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-config-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: root.appendingPathComponent(".sdplint.json"))
        return (root, nested)
    }

    @Test func theNearestFileAboveIsApplied() throws {
        let (root, nested) = try Self.project(#"{"disable": ["OA210"]}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ConfigurationFile.find(from: nested.path) == root.appendingPathComponent(".sdplint.json").path)
        // `.` and `..` are read as written; a directory without a file above finds none.
        #expect(
            ConfigurationFile.find(from: nested.path + "/../.././a/b/")
                == root.appendingPathComponent(".sdplint.json").path)
        #expect(ConfigurationFile.find(from: root.path + "/..") == nil)
        let run = try Executable.run("sdplint", ["diff"] + Self.pair, directory: nested)
        #expect(run.status == 0)
        #expect(!run.standardOutput.contains("OA210"))
        let ignored = try Executable.run("sdplint", ["diff", "--no-config"] + Self.pair, directory: nested)
        #expect(ignored.standardOutput.contains("warning[OA210]"))
    }

    @Test func theCommandLineWins() throws {
        let (root, nested) = try Self.project(#"{"severity": {"OA210": "error"}, "failOn": "warning"}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let raised = try Executable.run("sdplint", ["diff"] + Self.pair, directory: nested)
        #expect(raised.standardOutput.contains("error[OA210]"))
        #expect(raised.status == 1)
        let lowered = try Executable.run(
            "sdplint", ["diff", "--severity", "OA210=info", "--fail-on", "error"] + Self.pair, directory: nested)
        #expect(lowered.standardOutput.contains("note[OA210]"))
        #expect(lowered.status == 0)
    }

    @Test func profilesAndTypeApplyToCheck() throws {
        let (root, nested) = try Self.project(#"{"profiles": ["safari"], "type": "answer"}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let offer = Fixture(path: "corpus/chromium/audio-video.offer.sdp").url.path
        let run = try Executable.run("sdplint", ["check", "--format", "json", offer], directory: nested)
        let plain = try Executable.run(
            "sdplint", ["check", "--no-config", "--format", "json", offer], directory: nested)
        #expect(run.standardOutput != plain.standardOutput, "the profile and the type change the findings")
        // An offer checked as an answer: its actpass setup is wrong for an answer.
        #expect(run.standardOutput.contains("\"WEB105\""))
    }

    @Test(arguments: [
        (#"{"disable": ["OA210"], "colour": true}"#, 1, 24, "unknown key 'colour'"),
        (#"{"disable": ["NOPE999"]}"#, 1, 14, "unknown rule 'NOPE999'"),
        ("{\n  \"severity\": {\"OA210\": \"loud\"}\n}", 2, 25, "'loud' is not a severity"),
        (#"{"failOn": "info"}"#, 1, 12, "failOn must be"),
        (#"{"disable": "OA210"}"#, 1, 13, "must be a list"),
        (#"{"strict": "yes"}"#, 1, 12, "strict must be true or false"),
        (#"{"profiles": ["netscape"]}"#, 1, 15, "unknown profile 'netscape'"),
        (#"{"disable": ["OA210"]"#, 1, 22, "the text ends inside the object"),
    ])
    func aBadFileIsRefusedWithItsPlace(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        var configuration = LintConfiguration()
        do {
            try ConfigurationFile.apply(Array(text.utf8), path: ".sdplint.json", to: &configuration)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.diagnostic.location.line == line)
            #expect(error.diagnostic.location.column == column)
            #expect(error.description.contains(message), "\(error)")
        }
        let (root, nested) = try Self.project(text)
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Executable.run("sdplint", ["diff"] + Self.pair, directory: nested)
        #expect(run.status == 2)
        #expect(run.standardError.contains(".sdplint.json:\(line):\(column):"))
        // What the reader refuses, the schema refuses too — except rule codes, which it does not list.
        if !message.hasPrefix("unknown rule"),
            let errors = try? JSONSchema(named: "sdplint-config.schema.json").validate(Data(text.utf8))
        {
            #expect(!errors.isEmpty, "the schema accepts \(text)")
        }
    }

    @Test func everyKeyTheSchemaDescribesIsRead() throws {
        let text =
            #"{"$schema": "https://example.com/s.json", "disable": ["WEB111"], "enable": ["WEB111"], "severity": {"SDP300": "off", "OA210": "warning"}, "failOn": "warning", "strict": true, "profiles": ["chrome", "pjsip"], "type": "offer"}"#
        #expect(try JSONSchema(named: "sdplint-config.schema.json").validate(Data(text.utf8)).isEmpty)
        var configuration = LintConfiguration()
        try ConfigurationFile.apply(Array(text.utf8), path: "x", to: &configuration)
        #expect(configuration.enabled == ["WEB111"] && configuration.disabled.isEmpty)
        #expect(configuration.severities["SDP300"] == .some(nil))
        #expect(configuration.severities["OA210"] == .some(.warning))
        #expect(configuration.failOn == .warning)
        #expect(configuration.strict)
        #expect(configuration.profiles == [.chrome, .pjsip])
        #expect(configuration.type == .offer)
    }
}
