import SDPLintDiagnostics
import SDPLintICE
import Testing

@Suite struct CandidateFieldTests {
    @Test func readsChromiumUDPHostWithLibwebrtcExtensions() throws {
        let candidate = try Candidate(
            parsing:
                """
                candidate:3517229301 1 udp 2122260223 127.0.0.1 56478 typ host generation 0 ufrag dly3 network-id \
                1 network-cost 50
                """
        )
        #expect(candidate.foundation == "3517229301")
        #expect(candidate.componentID == 1)
        #expect(candidate.transport == .udp)
        #expect(candidate.transport.spelling == "udp")
        #expect(candidate.priority == 2122260223)
        #expect(candidate.address.text == "127.0.0.1")
        #expect(candidate.address.kind == .ipv4)
        #expect(candidate.port == 56478)
        #expect(candidate.kind == .host)
        #expect(candidate.relatedAddress == nil)
        #expect(candidate.relatedPort == nil)
        #expect(candidate.tcpType == nil)
        #expect(candidate.extensionAttributes.map(\.name) == ["generation", "ufrag", "network-id", "network-cost"])
        #expect(candidate.extensionAttributes.map(\.value) == ["0", "dly3", "1", "50"])
        #expect(candidate.generation == 0)
        #expect(candidate.ufrag == "dly3")
        #expect(candidate.networkID == 1)
        #expect(candidate.networkCost == 50)
    }

    @Test func readsChromiumTCPActiveCandidate() throws {
        let candidate = try Candidate(
            parsing:
                """
                a=candidate:3225762651 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 \
                network-id 1 network-cost 50
                """
        )
        #expect(candidate.transport == .tcp)
        #expect(candidate.port == 9)
        #expect(candidate.tcpType == .active)
        // tcptype is a typed field, not an extension attribute.
        #expect(candidate.extensionAttributes.map(\.name) == ["generation", "network-id", "network-cost"])
        #expect(candidate.typePreference == 90)
    }

    @Test func readsFirefoxMDNSHostCandidate() throws {
        let candidate = try Candidate(
            parsing:
                "a=candidate:0 1 UDP 2122187007 72938c06-7f01-4447-b5d2-792341044139.local 40870 typ host")
        #expect(candidate.transport == .udp)
        #expect(candidate.transport.spelling == "UDP")
        #expect(candidate.address.kind == .mdns)
        #expect(candidate.address.text == "72938c06-7f01-4447-b5d2-792341044139.local")
        #expect(!candidate.address.isIP)
        #expect(candidate.extensionAttributes.isEmpty)
    }

    @Test func readsFirefoxIPv6TCPCandidate() throws {
        let candidate = try Candidate(parsing: "candidate:3 1 TCP 2105524479 ::1 9 typ host tcptype active")
        #expect(candidate.address.kind == .ipv6)
        #expect(candidate.address.isIP)
        #expect(candidate.transport == .tcp)
        #expect(candidate.tcpType == .active)
        #expect(candidate.typePreference == 125)
    }

    @Test func readsAiortcCandidateWithLongFoundation() throws {
        let candidate = try Candidate(
            parsing:
                "a=candidate:4001cb5a8cfccf96c7f813f5813aab59 1 udp 2130706431 127.0.0.2 35220 typ host")
        #expect(candidate.foundation.count == 32)
        #expect(candidate.priority == 2130706431)
        #expect(candidate.localPreference == 65535)
    }

    @Test func readsLinphoneRTCPCandidate() throws {
        let candidate = try Candidate(parsing: "a=candidate:1 2 UDP 2130706302 127.0.0.1 7079 typ host")
        #expect(candidate.componentID == 2)
        // liblinphone encodes 128 - component in the low byte, not the 256 - component of RFC 8445.
        #expect(candidate.componentFromPriority == 130)
    }

    @Test func readsServerReflexiveCandidateOfRFC8839() throws {
        let candidate = try Candidate(
            parsing:
                "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 203.0.113.141 rport 8998")
        #expect(candidate.kind == .serverReflexive)
        #expect(candidate.relatedAddress == Candidate.Address("203.0.113.141"))
        #expect(candidate.relatedPort == 8998)
        #expect(candidate.typePreference == 100)
        #expect(candidate.isCanonical)
    }

    @Test func readsRelayCandidateWithHiddenRelatedAddress() throws {
        let candidate = try Candidate(
            parsing:
                "candidate:1 1 udp 41885439 198.51.100.7 50000 typ relay raddr 0.0.0.0 rport 0 generation 0")
        #expect(candidate.kind == .relay)
        #expect(candidate.relatedAddress?.kind == .ipv4)
        #expect(candidate.relatedPort == 0)
        #expect(candidate.typePreference == 2)
    }

    @Test func keepsUnknownTypeAndExtensionsAsWritten() {
        let parsedCandidate = Candidate.parse(
            "1 1 UDP 2122252543 192.0.2.1 54321 typ Local x-foo bar x-foo baz")
        let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
        #expect(candidate?.kind.spelling == "Local")
        #expect(candidate?.kind.isKnown == false)
        #expect(
            candidate?.extensionAttributes == [.init(name: "x-foo", value: "bar"), .init(name: "x-foo", value: "baz")])
        #expect(candidate?.extensionValue(named: "x-foo") == "bar")
        #expect(diagnostics.map(\.code.rawValue) == ["ICE111"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func namesCompareCaseInsensitivelyAndKeepTheirSpelling() throws {
        let candidate = try Candidate(parsing: "1 1 Tcp 2105524479 Host.Example.org 9 TyP Host TcpType Passive")
        #expect(candidate.transport == .tcp)
        #expect(candidate.kind == .host)
        #expect(candidate.tcpType == .passive)
        #expect(candidate.address.kind == .fqdn)
        #expect(candidate.address == Candidate.Address("host.example.ORG"))
        #expect(candidate.description == "1 1 Tcp 2105524479 Host.Example.org 9 TyP Host TcpType Passive")
    }

    @Test func builtCandidatePrintsCanonically() {
        let candidate = Candidate(
            foundation: "842163049", componentID: 1, transport: .udp, priority: 1677729535,
            address: "198.51.100.20", port: 61665, kind: .serverReflexive,
            relatedAddress: "10.0.0.5", relatedPort: 61665, tcpType: nil,
            extensionAttributes: [.init(name: "generation", value: "0")])
        #expect(
            candidate.description
                == "842163049 1 udp 1677729535 198.51.100.20 61665 typ srflx raddr 10.0.0.5 rport 61665 generation 0")
        #expect(candidate.validate().isEmpty)
        #expect(
            Candidate(
                foundation: "1", componentID: 1, transport: .tcp, priority: 1518280447,
                address: "192.0.2.1", port: 9, kind: .host, tcpType: .simultaneousOpen
            ).description == "1 1 tcp 1518280447 192.0.2.1 9 typ host tcptype so")
    }

    @Test func validateReportsProblemsOfABuiltCandidate() {
        let candidate = Candidate(
            foundation: "1", componentID: 0, transport: .udp, priority: 2122252543,
            address: "192.0.2.1", port: 9, kind: .host)
        #expect(candidate.validate().map(\.code.rawValue) == ["ICE104"])
    }

    @Test(arguments: [
        ("0.0.0.0", Candidate.Address.Kind.ipv4),
        ("2001:db8::1", .ipv6),
        ("::", .ipv6),
        ("::ffff:192.0.2.1", .ipv6),
        ("turn.example.org", .fqdn),
        ("3f1c8a2e-4b5d-4e6f-8a9b-0c1d2e3f4a5b.local", .mdns),
        ("printer.LOCAL", .mdns),
        ("1.2.3.400", .invalid),
        ("::g", .invalid),
        ("a_b.example", .invalid),
    ])
    func classifiesAddressForms(_ text: String, _ kind: Candidate.Address.Kind) {
        #expect(Candidate.Address(text).kind == kind)
    }
}

@Suite struct CandidateHookTests {
    @Test func reportsAbsoluteLocationsInsideAWholeDescription() throws {
        let head = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
        let sdp = Array((head + "a=candidate:1 1 UDP 2122252543 1.2.3.400 54321 typ host\r\n").utf8)
        let lineStart = head.utf8.count
        let valueStart = lineStart + "a=candidate:".utf8.count
        let valueEnd = sdp.count - 2
        var collector = DiagnosticCollector()
        collector.line = 3
        collector.lineStart = lineStart
        let candidate = Candidate.parse(sdp.span, valueStart..<valueEnd, into: &collector)
        #expect(candidate?.description == "1 1 UDP 2122252543 1.2.3.400 54321 typ host")
        let diagnostic = try #require(collector.diagnostics.first)
        #expect(diagnostic.code.rawValue == "ICE108")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 32)
        #expect(diagnostic.location.bytes == (lineStart + 31)..<(lineStart + 40))
    }

    @Test func returnsNilWhenRequiredFieldsAreMissing() {
        let bytes = Array("1 1 UDP".utf8)
        var collector = DiagnosticCollector()
        let candidate = Candidate.parse(bytes.span, 0..<bytes.count, into: &collector)
        #expect(candidate == nil)
        #expect(collector.diagnostics.map(\.code.rawValue) == ["ICE101"])
    }

    @Test func rejectsEveryFoundationByteThatIsNotAnICEChar() {
        // Byte sweep: "f<byte>f" as the foundation, through the byte-level entry point, so that
        // bytes that are not UTF-8 on their own are tried too. SP and HTAB separate fields.
        for byte in UInt8.min...UInt8.max where byte != 0x20 && byte != 0x09 {
            var bytes: [UInt8] = [0x66, byte, 0x66]
            bytes += Array(" 1 UDP 2122252543 192.0.2.1 54321 typ host".utf8)
            var collector = DiagnosticCollector()
            _ = Candidate.parse(bytes.span, 0..<bytes.count, into: &collector)
            let isICEChar =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte) || byte == 0x2B || byte == 0x2F
            let rejected = collector.diagnostics.contains { $0.code.rawValue == "ICE103" }
            #expect(rejected == !isICEChar, "byte \(byte)")
        }
    }
}
