import Foundation
import SDPLintDiagnostics
import SDPLintJSON
import SDPLintTestSupport
import Testing

/// One hand-made malformed input under `Fixtures/json/invalid/` and what it must produce: its
/// sibling `.expected` lists `LINE:COLUMN CODE [PATH]` per finding, in order, after optional
/// `# name=value` lines that set parse options.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    let fixture: Fixture
    var testDescription: String { fixture.path }

    struct Expectation: Sendable, Equatable {
        let line: Int
        let column: Int
        let code: String
        let path: String?
    }

    static let all: [InvalidCase] = Fixture.files(in: "json/invalid", suffix: ".json").map(InvalidCase.init)

    var expectedURL: URL { fixture.url.deletingPathExtension().appendingPathExtension("expected") }

    func load() throws -> (options: JSONParseOptions, expectations: [Expectation]) {
        let text = try String(contentsOf: expectedURL, encoding: .utf8)
        var options = JSONParseOptions()
        var expectations: [Expectation] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("#") {
                for setting in line.dropFirst().split(separator: " ") {
                    let parts = setting.split(separator: "=")
                    guard parts.count == 2, let value = Int(parts[1]) else { continue }
                    switch parts[0] {
                    case "maxBytes": options.limits.maxBytes = value
                    case "maxDepth": options.limits.maxDepth = value
                    case "maxStringLength": options.limits.maxStringLength = value
                    case "maxNumberLength": options.limits.maxNumberLength = value
                    case "maxItems": options.limits.maxItems = value
                    case "maxDiagnostics": options.maxDiagnostics = value
                    default: Issue.record("unknown option \(parts[0]) in \(expectedURL.lastPathComponent)")
                    }
                }
                continue
            }
            let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
            let position = fields[0].split(separator: ":").compactMap { Int($0) }
            guard fields.count >= 2, position.count == 2 else {
                Issue.record("malformed line '\(line)' in \(expectedURL.lastPathComponent)")
                continue
            }
            expectations.append(
                Expectation(
                    line: position[0], column: position[1], code: fields[1], path: fields.count > 2 ? fields[2] : nil))
        }
        return (options, expectations)
    }
}

@Suite struct InvalidFixtureTests {
    @Test(arguments: InvalidCase.all)
    func reportsTheExpectedFindings(_ invalid: InvalidCase) throws {
        let (options, expectations) = try invalid.load()
        let bytes = try invalid.fixture.bytes()
        let diagnostics = JSONValue.parse(bytes: bytes, options: options).diagnostics
        #expect(
            diagnostics.map { "\($0.location) \($0.code.rawValue)" }
                == expectations.map { "\($0.line):\($0.column) \($0.code)" }
        )
        for (diagnostic, expected) in zip(diagnostics, expectations) {
            if let path = expected.path {
                #expect(diagnostic.message.contains(" \(path)"), "\(diagnostic) should name \(path)")
                // The path is the exact one, not a prefix of a longer path.
                #expect(!diagnostic.message.contains(" \(path)."), "\(diagnostic) names a deeper path than \(path)")
                #expect(!diagnostic.message.contains(" \(path)["), "\(diagnostic) names a deeper path than \(path)")
            }
            #expect(!diagnostic.message.isEmpty)
        }
        // The document parse reports the same findings.
        #expect(JSONDocument.parse(bytes: bytes, options: options).diagnostics == diagnostics)
    }

    /// The file name starts with the code of the rule it shows.
    @Test(arguments: InvalidCase.all)
    func namesTheRuleItShows(_ invalid: InvalidCase) throws {
        let (_, expectations) = try invalid.load()
        let name = invalid.fixture.url.lastPathComponent
        #expect(expectations.contains { name.hasPrefix($0.code + "-") })
    }

    /// Every rule the parser can report has a fixture; the typed-access rules are covered by
    /// `TypedAccessTests`.
    @Test func everyParserRuleHasAFixture() throws {
        #expect(InvalidCase.all.count >= 22)
        let shown = Set(InvalidCase.all.map { String($0.fixture.url.lastPathComponent.prefix(7)) })
        let typed: Set<String> = ["JSON210", "JSON211", "JSON212"]
        for rule in JSONRules.all where !typed.contains(rule.code.rawValue) {
            #expect(shown.contains(rule.code.rawValue), "no fixture for \(rule)")
        }
    }

    @Test func rulesHaveUniqueCodesInTheirRanges() {
        let codes = JSONRules.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        for rule in JSONRules.all {
            #expect(rule.code.rawValue.hasPrefix("JSON1") || rule.code.rawValue.hasPrefix("JSON2"))
            #expect(rule.reference.document == "RFC 8259")
            #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty)
            #expect(JSONRules.rule(code: rule.code) === rule)
        }
    }
}
