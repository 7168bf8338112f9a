import SDPLintDiagnostics
import SDPLintICE
import SDPLintSignaling
import SDPLintTestSupport
import Testing

@Suite struct ICEServerTests {
    @Test func readsRTCConfigurationWithStringAndListURLs() throws {
        let (servers, diagnostics) = ICEServerConfiguration.read(
            json: try Fixture(path: "signaling/json/ice-servers.json").bytes())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(servers.map { $0.value.urls.count } == [1, 2])
        #expect(servers[1].value.username == "user")
        #expect(servers.map(\.location.line) == [3, 6])
    }

    @Test func writesWhatItReads() throws {
        let (servers, _) = ICEServerConfiguration.read(
            json: try Fixture(path: "signaling/json/ice-servers.json").bytes())
        let text = ICEServerConfiguration.json(servers.map(\.value))
        let (again, diagnostics) = ICEServerConfiguration.read(json: Array(text.utf8))
        #expect(diagnostics.isEmpty)
        #expect(again.map(\.value) == servers.map(\.value))
    }

    @Test func readsABareServerAndAList() {
        #expect(ICEServerConfiguration.read(json: Array(#"{"urls":"stun:s.example.net"}"#.utf8)).servers.count == 1)
        #expect(
            ICEServerConfiguration.read(
                json: Array(#"[{"urls":"stun:a.example.net"},{"urls":"stun:b.example.net"}]"#.utf8)
            ).servers.count == 2)
    }

    @Test(arguments: [
        (#"{"iceServers":[{"urls":"turn:t.example.net","username":"u"}]}"#, "ICE211", "1:24"),
        (#"{"iceServers":[{"urls":["stun:s.example.net",5]}]}"#, "JSON210", "1:46"),
        (#"{"iceServers":[{"urls":"stun:s.example.net","credential":"x"}]}"#, "SIG405", "1:24"),
        (#"{"iceServers":[{"username":"u"}]}"#, "JSON211", "1:16"),
        (
            #"{"iceServers":[{"urls":"turn:t.example.net","username":"u","credential":"p","credentialType":"oauth"}]}"#,
            "SIG404", "1:94"
        ),
        (#"{"iceServers":[{"urls":"stun://s.example.net"}]}"#, "ICE132", "1:30"),
        (#"{"iceServers":[{"urls":"http://s.example.net"}]}"#, "ICE130", "1:25"),
    ])
    func reportsTheMistakesPeopleMake(_ text: String, _ code: String, _ position: String) {
        let (_, diagnostics) = ICEServerConfiguration.read(json: Array(text.utf8))
        #expect(diagnostics.contains { $0.code.rawValue == code && "\($0.location)" == position }, "\(diagnostics)")
    }

    @Test func readsLinkHeaderValuesWithQuotedStrings() {
        let value =
            #"<turn:turn.example.net?transport=udp>; rel="ice-server"; username="us\"er"; credential="p;a,ss"; credential-type="password", <stun:stun.example.net>;rel=ice-server"#
        let (servers, diagnostics) = ICEServerConfiguration.read(linkValues: [(value, 0)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(servers.count == 2)
        #expect(servers.first?.value.username == "us\"er")
        #expect(servers.first?.value.credential == "p;a,ss")
        #expect(servers.last?.location.column == 126)
    }

    @Test func buildsLinkValuesThatReadBack() throws {
        let server = ICEServer(
            urls: [
                try ICEServerURL(parsing: "turns:t.example.net:443?transport=tcp"),
                try ICEServerURL(parsing: "turn:t.example.net"),
            ],
            username: "a\\b", credential: "c\"d")
        let values = ICEServerConfiguration.linkValues(for: server)
        #expect(
            values.first
                == #"<turns:t.example.net:443?transport=tcp>; rel="ice-server"; username="a\\b"; credential="c\"d"; credential-type="password""#
        )
        let (servers, diagnostics) = ICEServerConfiguration.read(linkValues: values.map { ($0, 0) })
        #expect(diagnostics.isEmpty)
        #expect(servers.map { $0.value.urls } == server.urls.map { [$0] })
        #expect(servers.allSatisfy { $0.value.username == "a\\b" && $0.value.credential == "c\"d" })
    }

    @Test(arguments: [
        #"turn:t.example.net; rel="ice-server""#, #"<turn:t.example.net"#, #"<turn:t.example.net> rel="ice-server""#,
        #"<turn:t.example.net>; rel="ice-server"; username="open"#, #"<turn:t.example.net>; ="x""#,
    ])
    func reportsLinkSyntaxErrors(_ value: String) {
        let (_, diagnostics) = ICEServerConfiguration.read(linkValues: [(value, 0)])
        #expect(diagnostics.contains { $0.code.rawValue == "SIG402" }, "\(diagnostics)")
    }
}
