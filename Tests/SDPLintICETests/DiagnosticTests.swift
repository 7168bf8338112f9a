import SDPLintDiagnostics
import SDPLintICE
import Testing

/// One malformed input and the finding it must produce: the rule code at line 1, this column.
struct Malformed: Sendable, CustomTestStringConvertible {
    enum Input: Sendable {
        case candidate(String)
        case ufrag(String)
        case pwd(String)
        case iceOptions(String)
        case serverURL(String)
    }

    let input: Input
    let code: Rule.Code
    let column: Int

    init(_ input: Input, _ code: Rule.Code, column: Int) {
        self.input = input
        self.code = code
        self.column = column
    }

    var diagnostics: [Diagnostic] {
        switch input {
        case .candidate(let text): Candidate.parse(text).diagnostics
        case .ufrag(let text): ICECredentials.validateUfrag(text)
        case .pwd(let text): ICECredentials.validatePwd(text)
        case .iceOptions(let text): ICEOption.parseList(text).diagnostics
        case .serverURL(let text): ICEServerURL.parse(text).diagnostics
        }
    }

    var testDescription: String {
        switch input {
        case .candidate(let text), .ufrag(let text), .pwd(let text), .iceOptions(let text), .serverURL(let text):
            "\(code) \(text.prefix(80))"
        }
    }
}

@Suite struct DiagnosticTests {
    // Columns count from the "a" of "a=candidate:"; the value starts at column 13.
    static let cases: [Malformed] = [
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1"), "ICE101", column: 41),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 host"), "ICE102", column: 48),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 54321"), "ICE102", column: 47),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ"), "ICE102", column: 48),
        .init(.candidate("a=candidate: 1 UDP 2122252543 192.0.2.1 54321 typ host"), "ICE103", column: 13),
        .init(.candidate("a=candidate:a-b 1 UDP 2122252543 192.0.2.1 54321 typ host"), "ICE103", column: 13),
        .init(
            .candidate(
                "a=candidate:" + String(repeating: "f", count: 33) + " 1 UDP 2122252543 192.0.2.1 54321 typ host"),
            "ICE103", column: 13),
        .init(.candidate("a=candidate:1 0 UDP 2122252543 192.0.2.1 54321 typ host"), "ICE104", column: 15),
        .init(.candidate("a=candidate:1 257 UDP 2122252543 192.0.2.1 54321 typ host"), "ICE104", column: 15),
        .init(.candidate("a=candidate:1 one UDP 2122252543 192.0.2.1 54321 typ host"), "ICE104", column: 15),
        .init(.candidate("a=candidate:1 1 U(DP 2122252543 192.0.2.1 54321 typ host"), "ICE105", column: 17),
        .init(.candidate("a=candidate:1 1 UDP 21x2252543 192.0.2.1 54321 typ host"), "ICE106", column: 21),
        .init(.candidate("a=candidate:1 1 UDP 2147483648 192.0.2.1 54321 typ host"), "ICE107", column: 21),
        .init(.candidate("a=candidate:1 1 UDP 99999999999999999999999 192.0.2.1 54321 typ host"), "ICE107", column: 21),
        .init(.candidate("a=candidate:1 1 UDP 0 192.0.2.1 54321 typ host"), "ICE107", column: 21),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 1.2.3.400 54321 typ host"), "ICE108", column: 32),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 ::g 54321 typ host"), "ICE108", column: 32),
        .init(
            .candidate("a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.300 rport 8998"),
            "ICE108", column: 64),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 70000 typ host"), "ICE109", column: 42),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 port typ host"), "ICE109", column: 42),
        .init(
            .candidate("a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 65536"), "ICE109",
            column: 79),
        .init(
            .candidate(
                """
                a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1
                """), "ICE110", column: 58),
        .init(.candidate("a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx rport 8998"), "ICE110", column: 58),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ local"), "ICE111", column: 52),
        .init(.candidate("a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation"), "ICE112", column: 57),
        .init(
            .candidate(
                """
                a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation zero
                """), "ICE113", column: 68),
        .init(.candidate("a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host x@y 1"), "ICE113", column: 57),
        .init(
            .candidate("a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host network-cost 70000"), "ICE113",
            column: 70),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host "), "ICE114", column: 56),
        .init(.candidate("a=candidate:1 1  UDP 2122252543 192.0.2.1 54321 typ host"), "ICE115", column: 16),
        .init(.candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1\t54321 typ host"), "ICE115", column: 41),
        .init(.candidate("a=candidate:1 01 UDP 2122252543 192.0.2.1 54321 typ host"), "ICE116", column: 15),
        .init(.candidate("a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype client"), "ICE117", column: 61),
        .init(
            .candidate("a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype active tcptype passive"), "ICE118",
            column: 68),
        .init(
            .candidate(
                "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx generation 0 raddr 10.0.1.1 rport 8998"),
            "ICE119", column: 71),
        .init(.candidate("a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host ufrag ab"), "ICE120", column: 63),
        .init(.ufrag(""), "ICE120", column: 1),
        .init(.ufrag("abc"), "ICE120", column: 1),
        .init(.ufrag("ab_c"), "ICE120", column: 1),
        .init(.pwd("tooshort"), "ICE121", column: 1),
        .init(.pwd("asd88fgpdd777uzjYhagZ-"), "ICE121", column: 1),
        .init(.iceOptions("trickle,ice2"), "ICE122", column: 1),
        .init(.iceOptions("trickle  ice2"), "ICE122", column: 9),
        .init(.iceOptions(""), "ICE122", column: 1),
        .init(.serverURL("http://stun.example.org"), "ICE130", column: 1),
        .init(.serverURL("stun.example.org:3478"), "ICE130", column: 1),
        .init(.serverURL("turn::3478"), "ICE131", column: 6),
        .init(.serverURL("stun:"), "ICE131", column: 6),
        .init(.serverURL("stun://stun.example.org"), "ICE132", column: 6),
        .init(.serverURL("stun:stun.example.org/"), "ICE132", column: 6),
        .init(.serverURL("turn:[2001:db8::g]:3478"), "ICE132", column: 7),
        .init(.serverURL("turn:2001:db8::1:3478"), "ICE133", column: 6),
        .init(.serverURL("turn:2001:db8::1"), "ICE133", column: 6),
        .init(.serverURL("turn:turn.example.org:70000"), "ICE134", column: 23),
        .init(.serverURL("turn:turn.example.org:"), "ICE134", column: 23),
        .init(.serverURL("turn:turn.example.org:0"), "ICE134", column: 23),
        .init(.serverURL("stun:stun.example.org:3478?transport=udp"), "ICE135", column: 27),
        .init(.serverURL("turn:turn.example.org?proto=udp"), "ICE136", column: 22),
        .init(.serverURL("turn:turn.example.org?transport="), "ICE136", column: 22),
        .init(
            .candidate("a=candidate:3 1 UDP 2130706431 198.51.100.7 3478 typ relay raddr 192.0.2.3 rport 45664"),
            "ICE201", column: 21),
        .init(.candidate("a=candidate:1 1 UDP 2147483647 192.0.2.1 54321 typ host"), "ICE201", column: 21),
        .init(.candidate("a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx"), "ICE202", column: 52),
        .init(
            .candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host tcptype active"), "ICE203", column: 57),
        .init(.candidate("a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host"), "ICE204", column: 17),
        .init(.candidate("a=candidate:1 1 SCTP 2122252543 192.0.2.1 54321 typ host"), "ICE205", column: 17),
        .init(.ufrag(String(repeating: "a", count: 33)), "ICE207", column: 1),
        .init(
            .candidate("a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host raddr 0.0.0.0 rport 0"), "ICE208",
            column: 57),
        .init(.serverURL("turns:turn.example.org:5349?transport=udp"), "ICE210", column: 39),
        .init(.serverURL("turn:turn.example.org?transport=tls"), "ICE212", column: 33),
    ]

    @Test(arguments: cases)
    func reportsTheRuleAtTheOffendingColumn(_ malformed: Malformed) throws {
        let diagnostics = malformed.diagnostics
        let diagnostic = try #require(diagnostics.first { $0.code == malformed.code }, "got \(diagnostics)")
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.location.column == malformed.column, "\(diagnostic)")
        #expect(!diagnostic.message.isEmpty)
        let rule = try #require(ICERules.all.first { $0.code == malformed.code })
        #expect(diagnostic.severity == rule.severity)
        #expect(diagnostic.reference == rule.reference)
    }

    @Test func everyRuleHasAMalformedCaseOrASetLevelTest() {
        // ICE206 (foundations), ICE211 (server credentials) and ICE199 (the finding limit) are
        // findings about a set of values; PriorityTests, ICEServerTests and scalingTests cover them.
        let covered = Set(Self.cases.map(\.code)).union(["ICE199", "ICE206", "ICE211"])
        #expect(Set(ICERules.all.map(\.code)) == covered)
    }

    @Test func rulesHaveUniqueCodesNamesAndCompleteDocumentation() {
        let rules = ICERules.all
        #expect(Set(rules.map(\.code)).count == rules.count)
        #expect(Set(rules.map(\.name)).count == rules.count)
        #expect(rules.map(\.code) == rules.map(\.code).sorted())
        for rule in rules {
            #expect(rule.code.rawValue.hasPrefix("ICE1") || rule.code.rawValue.hasPrefix("ICE2"), "\(rule)")
            #expect(rule.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(rule)")
            #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty, "\(rule)")
            #expect(rule.reference.document.hasPrefix("RFC "), "\(rule)")
        }
    }

    @Test func realisticMistakesHaveMessagesThatNameTheValue() {
        func message(_ text: String, _ code: Rule.Code) -> String {
            Candidate.parse(text).diagnostics.first { $0.code == code }?.message ?? ""
        }
        #expect(message("1 1 UDP 2122252543 1.2.3.400 54321 typ host", "ICE108").contains("octet 400"))
        #expect(message("1 1 UDP 2122252543 ::g 54321 typ host", "ICE108").contains("IPv6"))
        #expect(message("1 1 UDP 2122252543 192.0.2.1 70000 typ host", "ICE109").contains("70000"))
        #expect(message("1 1 UDP 4294967295 192.0.2.1 54321 typ host", "ICE107").contains("2147483647"))
        #expect(message("1 1 UDP 2122252543 192.0.2.1 54321 host", "ICE102").contains("'typ' is missing"))
        #expect(message("1 1 TCP 2105524479 192.0.2.1 9 typ host", "ICE204").contains("Firefox"))
    }

    @Test func lineEntryPointSortsFindingsByColumn() {
        // The trailing space is detected first and the missing tcptype last.
        let diagnostics = Candidate.parse("1 1 TCP 2105524479 192.0.2.1 9 typ host ").diagnostics
        #expect(diagnostics.map(\.code) == ["ICE204", "ICE114"])
        #expect(diagnostics.map(\.location.column) == [5, 40])
    }

    @Test func strictModeTurnsWarningsIntoErrors() {
        let text = "1 1  UDP 2122252543 192.0.2.1 54321 typ host"
        #expect(Candidate.parse(text).diagnostics.map(\.severity) == [.warning])
        #expect(Candidate.parse(text, options: .strict).diagnostics.map(\.severity) == [.error])
    }

    @Test func throwingInitializerCarriesEveryFinding() {
        #expect(throws: ParseError<Candidate?>.self) {
            try Candidate(parsing: "1 0  UDP 2122252543 192.0.2.1 54321 typ host")
        }
        do {
            _ = try Candidate(parsing: "a=candidate:1 0  UDP 2122252543 192.0.2.1 54321 typ host")
        } catch {
            #expect(error.firstError?.code == "ICE104")
            #expect(error.firstError?.location.column == 15)
            #expect(error.diagnostics.map(\.code) == ["ICE104", "ICE115"])
        }
    }

    @Test func warningsAloneDoNotThrow() throws {
        let candidate = try Candidate(parsing: "1 1 TCP 2105524479 192.0.2.1 9 typ host")
        #expect(candidate.tcpType == nil)
    }

    @Test func emptyTextIsAMissingField() {
        let parsedCandidate = Candidate.parse("a=candidate:")
        let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
        #expect(candidate == nil)
        #expect(diagnostics.map(\.code) == ["ICE101"])
        #expect(diagnostics.first?.location.column == 13)
    }
}
