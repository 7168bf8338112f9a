import Foundation
import SDPLintTestSupport
import Testing

/// One case of the standards suite: an `.expected` file under `Fixtures/standards/`.
///
/// The file starts with `#` lines that say which example it is, then the command a user would
/// run in the case's folder (`$ sdplint diff 7.1-1.offer.sdp 7.1-1.answer.sdp`), then every
/// finding that command must report, one per line: `file:line:column severity CODE`, with the
/// finding's place inside the file (a dump's path) after the code where it has one. A finding
/// at error level is the document breaking its own rules, so the header names its code and
/// says why: `# error CODE: reason`.
struct StandardsCase: CustomTestStringConvertible, Sendable {
    let fixture: Fixture
    let header: [String]
    let arguments: [String]
    let findings: [String]

    var testDescription: String { fixture.path }
    var folder: URL { fixture.url.deletingLastPathComponent() }

    init(_ fixture: Fixture) throws {
        self.fixture = fixture
        let lines = try fixture.text().split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        header = lines.prefix { $0.hasPrefix("#") }
        let command = lines.dropFirst(header.count).first ?? ""
        arguments = command.hasPrefix("$ sdplint ") ? command.dropFirst(10).split(separator: " ").map(String.init) : []
        findings = Array(lines.dropFirst(header.count + 1))
    }

    /// The codes the header excuses at error level, each with its reason.
    var excusedErrors: Set<String> {
        Set(
            header.compactMap { line in
                guard line.hasPrefix("# error "), let colon = line.firstIndex(of: ":") else { return nil }
                return String(line[line.index(line.startIndex, offsetBy: 8)..<colon])
            })
    }

    /// Every finding the command reports now, in the `.expected` notation.
    func run() throws -> [String] {
        let result = try Executable.run("sdplint", arguments + ["--format", "json"], directory: folder)
        let object = try JSONSerialization.jsonObject(with: result.standardOutputData)
        guard let report = object as? [String: Any] else { return ["unreadable output: \(result.standardError)"] }
        var diagnostics: [[String: Any]] = report["diagnostics"] as? [[String: Any]] ?? []
        for file in report["files"] as? [[String: Any]] ?? [] {
            for var diagnostic in file["diagnostics"] as? [[String: Any]] ?? [] {
                diagnostic["file"] = diagnostic["file"] ?? file["path"]
                if diagnostic["context"] == nil || diagnostic["context"] is NSNull {
                    diagnostic["context"] = file["context"]
                }
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics.map { diagnostic in
            let place = "\(diagnostic["file"] ?? "?"):\(diagnostic["line"] ?? "?"):\(diagnostic["column"] ?? "?")"
            var line = "\(place) \(diagnostic["severity"] ?? "?") \(diagnostic["code"] ?? "?")"
            if let context = diagnostic["context"] as? String { line += " " + context }
            return line
        }.sorted()
    }

    /// Writes the findings anew under the same header and command.
    func record(_ found: [String]) throws {
        let text = (header + ["$ sdplint " + arguments.joined(separator: " ")] + found).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: fixture.url)
    }

    /// The example files: everything in the suite but the cases, the provenance notes and the
    /// XEPs' SDP ↔ Jingle pairs in `mapping/` folders (which `XEPMappingTests` converts).
    static let examples: [Fixture] = Fixture.files(in: "standards", suffix: "").filter {
        !$0.url.hasDirectoryPath && !$0.path.hasSuffix(".expected") && !$0.path.hasSuffix(".md")
            && !$0.path.contains("/mapping/")
    }

    static let all: [StandardsCase] = Fixture.files(in: "standards", suffix: ".expected").compactMap {
        try? StandardsCase($0)
    }
}

/// Every example the standards publish, checked as a user would: none may be reported at error
/// level unless the document itself breaks its rules (RFC 4475's invalid messages, errata).
@Suite struct StandardsSuiteTests {
    @Test(arguments: StandardsCase.all)
    func reportsExactlyTheExpectedFindings(_ example: StandardsCase) throws {
        #expect(!example.arguments.isEmpty, "no '$ sdplint …' line")
        let found = try example.run()
        if ProcessInfo.processInfo.environment["SDPLINT_RECORD"] != nil {
            try example.record(found)
            return
        }
        #expect(found == example.findings.sorted())
    }

    @Test(arguments: StandardsCase.all)
    func everyErrorIsTheDocumentsOwnAndSaysWhy(_ example: StandardsCase) {
        let errors = example.findings.compactMap { line -> String? in
            let fields = line.split(separator: " ")
            return fields.count >= 3 && fields[1] == "error" ? String(fields[2]) : nil
        }
        for code in errors {
            #expect(example.excusedErrors.contains(code), "error \(code) without a '# error \(code): why' line")
        }
        #expect(example.header.first?.isEmpty == false, "no header naming the example")
    }

    /// No example is left out: every file in the suite is an input of some case.
    @Test func everyExampleIsChecked() throws {
        #expect(StandardsCase.all.count == Fixture.files(in: "standards", suffix: ".expected").count)
        let inputs = Set(
            StandardsCase.all.flatMap { example in
                example.arguments.dropFirst().filter { !$0.hasPrefix("-") }.map {
                    example.folder.appendingPathComponent($0).standardizedFileURL.path
                }
            })
        #expect(StandardsCase.examples.count >= 10)
        for file in StandardsCase.examples {
            #expect(inputs.contains(file.url.standardizedFileURL.path), "\(file) is in no case")
        }
    }

    /// The README states how many examples are checked and what they get, from these cases.
    @Test func theReadmeFigureIsTrue() throws {
        var counts: [String: Int] = [:]
        var falseErrors = 0
        for example in StandardsCase.all {
            for line in example.findings {
                let fields = line.split(separator: " ")
                guard fields.count >= 3 else { continue }
                counts[String(fields[1]), default: 0] += 1
                if fields[1] == "error", !example.excusedErrors.contains(String(fields[2])) { falseErrors += 1 }
            }
        }
        let documents = Set(StandardsCase.all.map { $0.fixture.path.split(separator: "/").dropFirst().first ?? "" })
        let figure =
            "\(StandardsCase.examples.count) examples from \(documents.count) standards, in "
            + "\(StandardsCase.all.count) runs: "
            + "\(counts["error", default: 0]) errors (each one the document's own, said beside it), "
            + "\(counts["warning", default: 0]) warnings, \(counts["info", default: 0]) notes; "
            + "\(falseErrors) false errors"
        let readme = String(
            decoding: try Data(contentsOf: Fixture.root.appendingPathComponent("../README.md")), as: UTF8.self)
        #expect(readme.contains(figure), "README should say: \(figure)")
    }
}
