import Foundation
import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintSignaling
import SDPLintTestSupport
import Testing

/// Our WHIP requests against an independent HTTP implementation: Python's http.server playing a
/// WHIP session on 127.0.0.1 (Scripts/whip-loopback.py), its responses read back by our parser.
@Suite struct WHIPLoopbackTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: python != nil, "needs python3"))
    func requestsWeWriteAreServedByAnotherImplementation() throws {
        let (offerMessages, _) = Signaling.read(try Fixture(path: "signaling/json/plain-offer.json").bytes())
        let messages =
            values(offerMessages) + [
                SignalingMessage(
                    .candidate(
                        .init(
                            candidate: "candidate:1 1 udp 2122260223 192.0.2.10 54400 typ host", sdpMid: "0",
                            usernameFragment: "EsAw"))),
                SignalingMessage(.endOfCandidates(.init(sdpMid: "0", usernameFragment: "EsAw"))),
                SignalingMessage(.hangUp(.init())),
            ]
        let (http, _) = WHIPSignaling.build(messages)
        let requests = WHIPSignaling.serialize(http.filter { $0.method != nil })

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python ?? "python3")
        process.arguments = [
            Fixture.root.deletingLastPathComponent().appendingPathComponent("Scripts/whip-loopback.py").path
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(requests.utf8))
        try input.fileHandleForWriting.close()
        let exchange = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let (read, diagnostics) = WHIPSignaling.read([UInt8](exchange))
        #expect(diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(diagnostics)")
        #expect(read.http.compactMap(\.message.statusCode) == [201, 204, 204, 200])
        let kinds = read.messages.map { message -> String in
            switch message.value.content {
            case .description(let description): description.type.rawValue
            case .candidate: "candidate"
            case .endOfCandidates: "end"
            case .hangUp: "hang-up"
            }
        }
        #expect(kinds == ["offer", "answer", "candidate", "end", "hang-up"])
        #expect(read.messages.allSatisfy { $0.value.session == "/whip/session/1" })
        #expect(read.iceServers.map { $0.value.urls.map(\.description) } == [["stun:stun.example.net"]])
        guard case .description(let answer)? = read.messages.dropFirst().first?.value.content else { return }
        #expect(answer.sdp.contains("a=setup:passive"))
    }
}
