import SDPLintDiagnostics
import SDPLintICE
import Testing

@Suite struct ICEServerURLTests {
    @Test func readsAStunURLWithPort() throws {
        let url = try ICEServerURL(parsing: "stun:stun.l.example.org:19302")
        #expect(url.scheme == .stun)
        #expect(url.host == "stun.l.example.org")
        #expect(url.hostKind == .name)
        #expect(url.port == 19302)
        #expect(url.effectivePort == 19302)
        #expect(url.transport == nil)
        #expect(url.description == "stun:stun.l.example.org:19302")
    }

    @Test func readsATurnURLWithTransportAndDefaultPort() throws {
        let url = try ICEServerURL(parsing: "turn:turn.example.org?transport=tcp")
        #expect(url.scheme.isTURN)
        #expect(!url.scheme.isSecure)
        #expect(url.port == nil)
        #expect(url.effectivePort == 3478)
        #expect(url.transport == .tcp)
    }

    @Test func secureSchemesDefaultToPort5349() throws {
        #expect(try ICEServerURL(parsing: "turns:turn.example.org?transport=tcp").effectivePort == 5349)
        #expect(try ICEServerURL(parsing: "stuns:stun.example.org").effectivePort == 5349)
    }

    @Test(arguments: [
        ("stun:192.0.2.1", ICEServerURL.HostKind.ipv4, "192.0.2.1"),
        ("turn:[2001:db8::1]:3478?transport=udp", .ipv6, "2001:db8::1"),
        ("stun:[::1]", .ipv6, "::1"),
        ("turns:turn-1.example.org:443?transport=tcp", .name, "turn-1.example.org"),
    ])
    func classifiesHosts(_ text: String, _ kind: ICEServerURL.HostKind, _ host: String) throws {
        let url = try ICEServerURL(parsing: text)
        #expect(url.hostKind == kind)
        #expect(url.host == host)
        #expect(url.description == text)
        #expect(ICEServerURL.parse(text).diagnostics.isEmpty)
    }

    @Test func printsOddSpellingBackUntilAFieldChanges() throws {
        var url = try ICEServerURL(parsing: "TURN:Turn.Example.org:03478?Transport=UDP")
        #expect(url.description == "TURN:Turn.Example.org:03478?Transport=UDP")
        #expect(url.scheme == .turn)
        #expect(url.transport == .udp)
        #expect(url.port == 3478)
        url.port = 5349
        #expect(url.description == "TURN:Turn.Example.org:5349?transport=UDP")
    }

    @Test func canonicalFormBracketsAnIPv6Host() {
        let url = ICEServerURL(scheme: .turn, host: "2001:db8::1", port: 3478, transport: .udp)
        #expect(url.description == "turn:[2001:db8::1]:3478?transport=udp")
        #expect(ICEServerURL.parse(url.description).diagnostics.isEmpty)
    }

    @Test func unbracketedIPv6IsReadAsHostAndPort() throws {
        let parsedUrl = ICEServerURL.parse("turn:2001:db8::1:3478")
        let (url, diagnostics) = (parsedUrl.value, parsedUrl.diagnostics)
        // "2001:db8::1:3478" is itself a valid IPv6 address, so it stays whole.
        #expect(url?.host == "2001:db8::1:3478")
        #expect(diagnostics.map(\.code.rawValue) == ["ICE133"])
        #expect(diagnostics.first?.message.contains("[2001:db8::1:3478]") == true)
        let other = ICEServerURL.parse("turn:2001:db8:0:0:0:0:0:1:3478").value
        #expect(other?.host == "2001:db8:0:0:0:0:0:1")
        #expect(other?.port == 3478)
    }

    @Test func returnsNilWithoutSchemeOrHost() {
        #expect(ICEServerURL.parse("stun.example.org").value == nil)
        #expect(ICEServerURL.parse("turn:").value == nil)
        #expect(ICEServerURL.parse("turn:[]:3478").value == nil)
        #expect(throws: ParseError<ICEServerURL?>.self) { try ICEServerURL(parsing: "turn:") }
    }

    @Test func turnsOverUDPIsAWarningNotAnError() throws {
        let url = try ICEServerURL(parsing: "turns:turn.example.org:5349?transport=udp")
        #expect(url.transport == .udp)
        #expect(ICEServerURL.parse(url.description).diagnostics.map(\.severity) == [.warning])
    }

    @Test func stunWithTransportKeepsTheQueryForOutput() {
        let parsedUrl = ICEServerURL.parse("stun:stun.example.org?transport=udp")
        let (url, diagnostics) = (parsedUrl.value, parsedUrl.diagnostics)
        #expect(url?.description == "stun:stun.example.org?transport=udp")
        #expect(diagnostics.map(\.code.rawValue) == ["ICE135"])
    }

    @Test func reportsTheSlashesOfAnAuthorityAndStillReadsTheHost() {
        let parsedUrl = ICEServerURL.parse("stun://stun.example.org:3478")
        let (url, diagnostics) = (parsedUrl.value, parsedUrl.diagnostics)
        #expect(url?.host == "stun.example.org")
        #expect(url?.port == 3478)
        #expect(url?.description == "stun://stun.example.org:3478")
        #expect(diagnostics.map(\.code.rawValue) == ["ICE132"])
    }
}

@Suite struct ICEServerTests {
    static func url(_ text: String) -> ICEServerURL {
        ICEServerURL.parse(text).value ?? ICEServerURL(scheme: "invalid", host: "")
    }

    @Test func reportsEachTurnURLWithoutCredentials() {
        let server = ICEServer(urls: [
            Self.url("stun:stun.example.org"),
            Self.url("turn:turn.example.org?transport=udp"),
            Self.url("turns:turn.example.org?transport=tcp"),
        ])
        let findings = server.validate()
        #expect(findings.map(\.index) == [1, 2])
        #expect(findings.allSatisfy { $0.rule == ICERules.turnWithoutCredentials })
        #expect(findings.first?.message.contains("no username and no credential") == true)
    }

    @Test func reportsAnEmptyCredential() {
        let server = ICEServer(urls: [Self.url("turn:turn.example.org")], username: "user", credential: "")
        #expect(
            server.validate().map(\.message) == [
                "the TURN server 'turn:turn.example.org' has an empty credential; TURN needs both"
            ])
    }

    @Test func acceptsTurnWithCredentialsAndStunWithout() {
        #expect(ICEServer(urls: [Self.url("turn:turn.example.org")], username: "u", credential: "p").validate().isEmpty)
        #expect(ICEServer(urls: [Self.url("stun:stun.example.org")]).validate().isEmpty)
    }
}
