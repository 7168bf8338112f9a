import SDPLintDiagnostics
import SDPLintICE
import Testing

@Suite struct PriorityTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let typePreference: UInt8
        let localPreference: UInt16
        let componentID: UInt16
        let priority: UInt32
        var testDescription: String { "\(typePreference)/\(localPreference)/\(componentID) = \(priority)" }
    }

    static let vectors: [Vector] = [
        // Host UDP, RTP, single interface: the value aiortc and ice4j send.
        Vector(typePreference: 126, localPreference: 65535, componentID: 1, priority: 2130706431),
        Vector(typePreference: 126, localPreference: 65535, componentID: 2, priority: 2130706430),
        // The srflx example of RFC 8839 §5.1.
        Vector(typePreference: 100, localPreference: 65535, componentID: 1, priority: 1694498815),
        Vector(typePreference: 110, localPreference: 65535, componentID: 1, priority: 1862270975),
        Vector(typePreference: 0, localPreference: 65535, componentID: 1, priority: 16777215),
        // Chromium 156 host UDP and TCP, Firefox ESR 153 host UDP IPv4 and IPv6 (Fixtures/ice).
        Vector(typePreference: 126, localPreference: 32542, componentID: 1, priority: 2122260223),
        Vector(typePreference: 90, localPreference: 32542, componentID: 1, priority: 1518280447),
        Vector(typePreference: 126, localPreference: 32256, componentID: 1, priority: 2122187007),
        Vector(typePreference: 126, localPreference: 32512, componentID: 1, priority: 2122252543),
        Vector(typePreference: 0, localPreference: 0, componentID: 256, priority: 0),
    ]

    @Test(arguments: vectors)
    func computesThePriorityOfRFC8445(_ vector: Vector) {
        #expect(
            Candidate.computePriority(
                typePreference: vector.typePreference, localPreference: vector.localPreference,
                componentID: vector.componentID) == vector.priority)
    }

    @Test(arguments: vectors)
    func decomposesThePriorityBackIntoItsParts(_ vector: Vector) {
        let candidate = Candidate(
            foundation: "1", componentID: vector.componentID, transport: .udp, priority: vector.priority,
            address: "192.0.2.1", port: 9, kind: .host)
        #expect(candidate.typePreference == vector.typePreference)
        #expect(candidate.localPreference == vector.localPreference)
        #expect(candidate.componentFromPriority == vector.componentID)
    }

    @Test func refusesInputsOutsideTheFormulasRanges() {
        #expect(Candidate.computePriority(typePreference: 127, localPreference: 0, componentID: 1) == nil)
        #expect(Candidate.computePriority(typePreference: 255, localPreference: 65535, componentID: 1) == nil)
        #expect(Candidate.computePriority(typePreference: 126, localPreference: 0, componentID: 0) == nil)
        #expect(Candidate.computePriority(typePreference: 126, localPreference: 0, componentID: 257) == nil)
    }

    @Test func recommendsTheTypePreferencesOfRFC8445() {
        #expect(Candidate.Kind.host.recommendedTypePreference == 126)
        #expect(Candidate.Kind.peerReflexive.recommendedTypePreference == 110)
        #expect(Candidate.Kind.serverReflexive.recommendedTypePreference == 100)
        #expect(Candidate.Kind.relay.recommendedTypePreference == 0)
        #expect(Candidate.Kind("local").recommendedTypePreference == nil)
    }

    @Test(arguments: [
        (UInt32(2130706431), UInt32(1694498815), UInt64(7277816997797167103)),
        (1694498815, 2130706431, 7277816997797167102),
        (5, 5, 21474836490),
        (1, 2, 4294967300),
        (2, 1, 4294967301),
        (0, 0, 0),
    ])
    func computesPairPriorityOfRFC8445(_ controlling: UInt32, _ controlled: UInt32, _ expected: UInt64) {
        #expect(SDPLintICE.pairPriority(controlling: controlling, controlled: controlled) == expected)
    }

    @Test func pairPrioritySaturatesInsteadOfOverflowing() {
        #expect(SDPLintICE.pairPriority(controlling: .max, controlled: .max) == .max)
        #expect(
            SDPLintICE.pairPriority(controlling: .max, controlled: .max - 1) == UInt64(UInt32.max - 1) << 32 + 2
                * UInt64(UInt32.max) + 1)
    }

    @Test func pairPriorityAddsOneWhenTheControllingCandidateIsHigher() {
        let a = SDPLintICE.pairPriority(controlling: 100, controlled: 99)
        let b = SDPLintICE.pairPriority(controlling: 99, controlled: 100)
        #expect(a == b + 1)
    }

    static func candidate(_ text: String) -> Candidate {
        Candidate.parse(text).value
            ?? Candidate(
                foundation: "?", componentID: 1, transport: .udp, priority: 1, address: "0.0.0.0", port: 0, kind: "?")
    }

    @Test func reportsARelayThatOutranksAHostCandidate() {
        let candidates = [
            Self.candidate("1 1 udp 2122260223 192.0.2.1 50000 typ host"),
            Self.candidate("2 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active"),
            Self.candidate("3 1 udp 41885439 198.51.100.7 50001 typ relay raddr 203.0.113.5 rport 50002"),
            // Type preference 95: above the TCP host's 90, below srflx's 100.
            Self.candidate("4 1 udp 1610612735 198.51.100.7 50003 typ relay raddr 203.0.113.5 rport 50004"),
            Self.candidate("5 1 udp 2130706431 198.51.100.7 50005 typ relay raddr 203.0.113.5 rport 50006"),
        ]
        let findings = Candidate.checkPriorities(candidates)
        #expect(findings.map(\.index) == [3, 4])
        #expect(findings.map(\.relatedIndex) == [1, nil])
        #expect(findings.allSatisfy { $0.rule.code.rawValue == "ICE201" })
        #expect(findings.first?.message.contains("host candidate #1") == true)
    }

    @Test func acceptsBrowserPriorities() {
        let candidates = Fixtures.candidates.compactMap { Candidate.parse($0.text).value }
        #expect(!candidates.isEmpty)
        #expect(Candidate.checkPriorities(candidates).isEmpty)
    }
}

@Suite struct FoundationTests {
    @Test func reportsAFoundationReusedForAnotherTypeTransportOrBase() {
        let candidates = [
            "1 1 UDP 2122252543 192.0.2.1 54321 typ host",
            "1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype active",
            "1 1 UDP 1694498815 198.51.100.1 54321 typ srflx raddr 192.0.2.1 rport 54321",
            "1 1 UDP 2122252543 192.0.2.2 54322 typ host",
            "1 1 UDP 2122252543 192.0.2.1 54323 typ host",
            "1 2 UDP 2122252542 192.0.2.1 54324 typ host",
            "2 1 UDP 2122252543 192.0.2.9 54325 typ host",
        ].map { PriorityTests.candidate($0) }
        let findings = Candidate.checkFoundations(candidates)
        #expect(findings.map(\.index) == [1, 2, 3])
        #expect(findings.map(\.relatedIndex) == [0, 0, 0])
        #expect(findings.allSatisfy { $0.rule == ICERules.foundationConflict })
        #expect(findings[0].message.contains("transport"))
        #expect(findings[1].message.contains("type"))
        #expect(findings[2].message.contains("base address"))
    }

    @Test func findingBecomesADiagnosticAtTheCallersLocation() throws {
        let candidates = [
            PriorityTests.candidate("7 1 UDP 2122252543 192.0.2.1 54321 typ host"),
            PriorityTests.candidate("7 1 UDP 41885439 198.51.100.7 54321 typ relay raddr 0.0.0.0 rport 0"),
        ]
        let finding = try #require(Candidate.checkFoundations(candidates).first)
        let location = SourceLocation(line: 12, column: 13, bytes: 400..<401)
        let diagnostic = finding.diagnostic(at: location)
        #expect(diagnostic.code.rawValue == "ICE206")
        #expect(diagnostic.location == location)
        #expect(diagnostic.severity == .warning)
        #expect(finding.diagnostic(at: location, strict: true).severity == .error)
    }

    @Test func acceptsTheFoundationsOfEachRealCapture() {
        // Lines from one corpus file are one agent's candidates; the corpus as a whole mixes sessions.
        let bySource = Dictionary(grouping: Fixtures.candidates, by: \.source)
        #expect(bySource.count > 50)
        for (source, lines) in bySource {
            let candidates = lines.compactMap { Candidate.parse($0.text).value }
            #expect(candidates.count == lines.count)
            #expect(Candidate.checkFoundations(candidates).isEmpty, "\(source)")
        }
    }
}
