import Foundation
import SDPLintDiagnostics
import SDPLintJingle
import SDPLintSDP
import SDPLintTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif
/// What a live test needs: Debian's prosody and a Python with slixmpp.
enum LiveXMPP {
    static func executable(_ name: String) -> String? {
        let paths =
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + [
                "/usr/bin", "/usr/sbin",
            ]
        return paths.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to its end; returns its exit status and standard output.
    @discardableResult
    static func run(
        _ path: String, _ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 60
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The parent's copy of the write end must go, or reading never sees the end of file.
        try? output.fileHandleForWriting.close()
        let running = process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if running.isRunning { running.terminate() }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A Python that can import slixmpp: `SDPLINT_SLIXMPP_PYTHON`, else python3 on the PATH, else
    /// Debian's /usr/bin/python3.
    static let python: String? = {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["SDPLINT_SLIXMPP_PYTHON"] {
            candidates.append(configured)
        }
        if let found = executable("python3") { candidates.append(found) }
        candidates.append("/usr/bin/python3")
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path)
                && ((try? run(path, ["-c", "import slixmpp"], timeout: 30).status) == 0)
        }
    }()

    static let prosody = executable("prosody")
    static let prosodyctl = executable("prosodyctl")

    static var isAvailable: Bool { prosody != nil && prosodyctl != nil && python != nil }

    /// A TCP port nobody listens on, from the kernel.
    static func freePort(python: String) throws -> Int {
        let script = "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\nprint(s.getsockname()[1])"
        guard let port = Int(try run(python, ["-c", script]).output.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw CocoaError(.featureUnsupported)
        }
        return port
    }
}

/// Sends stanzas this module wrote from one slixmpp client to another through a real prosody
/// on 127.0.0.1, and reads back what arrived.
@Suite(.serialized) struct LiveXMPPTests {
    @Test(
        .enabled(
            if: LiveXMPP.isAvailable,
            """
            needs Debian's prosody (apt-get install prosody) and slixmpp (pip install slixmpp, or set \
            SDPLINT_SLIXMPP_PYTHON)
            """
        ),
        .timeLimit(.minutes(2)))
    func stanzasSurviveARealXMPPServer() throws {
        guard let python = LiveXMPP.python, let prosody = LiveXMPP.prosody, let prosodyctl = LiveXMPP.prosodyctl else {
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sdplint-prosody-" + UUID().uuidString)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("certs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = try LiveXMPP.freePort(python: python)
        let path = directory.path
        let config = """
            run_as_root = true
            daemonize = false
            pidfile = "\(path)/prosody.pid"
            data_path = "\(path)/data"
            certificates = "\(path)/certs"
            interfaces = { "127.0.0.1" }
            c2s_ports = { \(port) }
            c2s_interfaces = { "127.0.0.1" }
            c2s_direct_tls_ports = { }
            legacy_ssl_ports = { }
            s2s_ports = { }
            http_ports = { }
            https_ports = { }
            c2s_require_encryption = false
            allow_unencrypted_plain_auth = true
            authentication = "internal_plain"
            modules_enabled = { "roster", "saslauth", "disco", "ping", "posix" }
            modules_disabled = { "s2s", "tls" }
            log = { { levels = { min = "info" }, to = "file", filename = "\(path)/prosody.log" } }
            VirtualHost "localhost"
            """
        let configPath = directory.appendingPathComponent("prosody.cfg.lua").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        for (user, password) in [("alice", "alice-pw"), ("bob", "bob-pw")] {
            let registered = try LiveXMPP.run(
                prosodyctl, ["--config", configPath, "register", user, "localhost", password], in: directory)
            try #require(registered.status == 0, "prosodyctl register \(user) failed")
        }

        let server = Process()
        server.executableURL = URL(fileURLWithPath: prosody)
        server.arguments = ["--config", configPath, "-F"]
        server.currentDirectoryURL = directory
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // Only the prosody this test started, by its pid. SIGKILL: the test runner may pass on
            // an ignored SIGTERM, and this throwaway server has nothing to save.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let log = directory.appendingPathComponent("prosody.log")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8),
                text.contains("Activated service 'c2s' on [127.0.0.1]:\(port)")
            {
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }

        // What we send: a session-initiate from a real Chromium offer, and a JMI propose.
        let offer = try SessionDescription(
            parsing: try Fixture(path: "corpus/chromium/audio-video-datachannel.offer.sdp").text())
        let jingle = Jingle.converting(offer, options: JingleConversionOptions(initiator: "alice@localhost/alice"))
            .jingle
        let iq = Stanza.iq(IQ(id: "live1", to: "bob@localhost/bob", jingle: jingle))
        let propose = Stanza.message(
            Message(
                id: "live2", to: "bob@localhost/bob",
                initiation: MessageInitiation(
                    action: .propose, id: jingle.sid,
                    descriptions: [.rtp(RTPDescription(media: "audio")), .rtp(RTPDescription(media: "video"))])))
        var files: [String] = []
        for (index, stanza) in [iq, propose].enumerated() {
            let file = directory.appendingPathComponent("stanza\(index).xml").path
            try stanza.serialized().write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let script = Fixture(path: "jingle/live/relay.py").url.path
        let relay = try LiveXMPP.run(python, [script, String(port)] + files, timeout: 60)
        try #require(relay.status == 0, "the relay script failed:\n\(relay.output)")

        let received = relay.output.components(separatedBy: "===RECEIVED===\n").dropFirst().compactMap {
            $0.components(separatedBy: "\n===END===").first
        }
        try #require(received.count == 2, "bob received \(received.count) stanzas:\n\(relay.output)")
        let gotIQ = Stanza.parse(received[0])
        #expect(!gotIQ.hasErrors, "\(gotIQ.diagnostics)")
        guard case .iq(let arrived) = try #require(gotIQ.value) else {
            Issue.record("bob did not receive an iq")
            return
        }
        #expect(arrived.from == "alice@localhost/alice", "the server stamps the sender")
        #expect(arrived.jingle == jingle, "the Jingle element arrived unchanged")
        let gotMessage = Stanza.parse(received[1])
        guard case .message(let message) = try #require(gotMessage.value), case .message(let sent) = propose else {
            Issue.record("bob did not receive a message")
            return
        }
        #expect(message.initiation == sent.initiation)
    }
}
