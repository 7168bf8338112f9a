import SDPLintDiagnostics
import SDPLintICE
import Testing

@Suite struct CandidateRoundTripTests {
    @Test func fixtureFileHoldsEveryCorpusCandidate() {
        // Fixtures/ice/PROVENANCE.md lists 279 lines; an empty list would make the tests below vacuous.
        #expect(Fixtures.candidates.count == 279)
        #expect(Fixtures.candidates.allSatisfy { $0.source != "?" })
    }

    @Test(arguments: Fixtures.candidates)
    func realCandidatePrintsBackByteForByte(_ line: Fixtures.Line) throws {
        let candidate = try Candidate(parsing: line.text)
        let prefix = line.text.hasPrefix("a=") ? "a=" : ""
        #expect(prefix + candidate.attribute == line.text)
        #expect(Array((prefix + "candidate:" + candidate.description).utf8) == Array(line.text.utf8))
    }

    @Test(arguments: Fixtures.candidates)
    func realCandidateIsCanonicalAndClean(_ line: Fixtures.Line) throws {
        let parsedCandidate = Candidate.parse(line.text, options: .strict)
        let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // Real browser output is what the canonical writer reproduces from the fields alone.
        #expect(candidate?.isCanonical == true)
    }

    @Test(arguments: Fixtures.candidates)
    func realCandidateSurvivesAMutationRoundTrip(_ line: Fixtures.Line) throws {
        var candidate = try Candidate(parsing: line.text)
        let original = candidate.description
        let port = candidate.port
        candidate.port = port &+ 1
        candidate.port = port
        #expect(candidate.description == original)
    }

    /// Inputs the grammar or common practice tolerates, in forms no browser writes.
    static let oddButAccepted: [String] = [
        "1 1  UDP 2122252543 192.0.2.1 54321 typ host",
        "1 1 UDP 2122252543 192.0.2.1 54321 typ host ",
        "1 1 UDP 2122252543 192.0.2.1 54321\ttyp host",
        "1 1 UDP 2122252543 192.0.2.1 54321 TYP HOST",
        "1 001 udp 02122252543 192.0.2.1 0054321 typ host",
        "2 1 UDP 1694498815 192.0.2.3 45664 typ srflx generation 0 raddr 10.0.1.1 rport 8998",
        "2 1 UDP 1694498815 192.0.2.3 45664 typ srflx RPORT 08998 RADDR 10.0.1.1",
        "1 1 TCP 2105524479 192.0.2.1 9 typ host generation 0 tcptype ACTIVE",
        "1 1 UDP 2122252543 192.0.2.1 54321 typ host generation",
    ]

    @Test(arguments: oddButAccepted)
    func oddInputPrintsBackVerbatim(_ text: String) {
        let candidate = Candidate.parse(text).value
        #expect(candidate?.description == text)
        #expect(candidate?.isCanonical == false)
    }

    @Test(arguments: [
        "1 1 UDP 2122252543 192.0.2.1 54321 typ host x-vendor é",
        "1 1 UDP 4294967296 1.2.3.400 70000 typ host",
        "1 1 UDP 21x2252543 192.0.2.1 54321 typ host",
    ])
    func malformedValuesArePrintedBackAsWritten(_ text: String) {
        let parsedCandidate = Candidate.parse(text)
        let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
        #expect(diagnostics.containsErrors)
        #expect(candidate?.description == text)
    }

    @Test func oddInputPrintsCanonicallyOnceAFieldChanges() throws {
        var candidate = try #require(Candidate.parse("1 001  udp 02122252543 192.0.2.1 0054321 TYP host ").value)
        candidate.port = 7000
        #expect(candidate.isCanonical)
        #expect(candidate.description == "1 1 udp 2122252543 192.0.2.1 7000 typ host")
    }

    @Test func fieldOrderIsRestoredByTheCanonicalForm() throws {
        var candidate = try #require(
            Candidate.parse(
                "2 1 UDP 1694498815 192.0.2.3 45664 typ srflx generation 0 rport 8998 raddr 10.0.1.1"
            ).value)
        candidate.foundation = "3"
        #expect(
            candidate.description
                == "3 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998 generation 0")
    }

    @Test func candidatesAreEqualExactlyWhenTheyPrintTheSameText() throws {
        let parsed = try Candidate(parsing: "1 1 UDP 2122252543 192.0.2.1 54321 typ host")
        let built = Candidate(
            foundation: "1", componentID: 1, transport: "UDP", priority: 2122252543,
            address: "192.0.2.1", port: 54321, kind: .host)
        let spaced = try #require(Candidate.parse("1 1  UDP 2122252543 192.0.2.1 54321 typ host").value)
        let lowercase = try Candidate(parsing: "1 1 udp 2122252543 192.0.2.1 54321 typ host")
        #expect(parsed == built)
        #expect(Set([parsed, built]).count == 1)
        #expect(parsed != spaced)
        #expect(parsed != lowercase)
        // The transport itself still compares case-insensitively.
        #expect(parsed.transport == lowercase.transport)
    }

    @Test(arguments: [
        "1 1 UDP 2122252543 192.0.2.1 54321 typ host",
        "candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host",
        "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host",
        "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host\r\n",
        "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host\n",
    ])
    func acceptsTheValueWithOrWithoutPrefixesAndLineEnding(_ text: String) throws {
        let candidate = try Candidate(parsing: text)
        #expect(candidate.description == "1 1 UDP 2122252543 192.0.2.1 54321 typ host")
        #expect(candidate.attribute == "candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")
    }

    @Test func writeAppendsTheSameTextAsDescription() throws {
        let candidate = try Candidate(parsing: "1 1  UDP 2122252543 192.0.2.1 54321 typ host")
        var output = "a=candidate:"
        candidate.write(to: &output)
        #expect(output == "a=candidate:" + candidate.description)
    }
}
