import Foundation
import SDPLintDiagnostics
import SDPLintSDP
import SDPLintSIP
import SDPLintTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Where SIPp is, if it is installed (Debian package `sip-tester`).
private let sippPath: String? = ["/usr/bin/sipp", "/usr/local/bin/sipp", "/usr/sbin/sipp"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite(.serialized) struct LiveSIPpTests {
    // Skipped, not failed, where SIPp is missing: install Debian's `sip-tester` package
    // (`apt-get install -y sip-tester`) to run it. The skip reason names the package.
    @Test(
        .enabled(if: sippPath != nil, "sipp is not installed: apt-get install -y sip-tester"),
        // A hang guard, not a speed test: the exchange takes a second, but on a two-core
        // machine running the other suites (browsers among them) SIPp can wait long to start.
        .timeLimit(.minutes(3)))
    func callsSIPpWithAnInviteBuiltFromABrowserOffer() throws {
        let sipp = try #require(sippPath)
        let offer = try #require(
            SessionDescription.parse(bytes: try Fixture(path: "corpus/chromium/audio-video.offer.sdp").bytes())
                .value as SessionDescription?)

        var socket = try UDPSocket()
        let localPort = try socket.bind()
        let remotePort = try UDPSocket.freePort()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: sipp)
        process.arguments = [
            "-sn", "uas", "-i", "127.0.0.1", "-p", String(remotePort), "-m", "1",
            "-nostdin", "-timeout", "20s", "-timeout_error",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var dialog = SIPDialog(
            local: NameAddress(displayName: "sdplint", uri: try SIPURI(parsing: "sip:sdplint@127.0.0.1")),
            remote: NameAddress(uri: try SIPURI(parsing: "sip:service@127.0.0.1:\(remotePort)")),
            localContact: try SIPURI(parsing: "sip:sdplint@127.0.0.1:\(localPort)"),
            sentBy: "127.0.0.1", port: localPort)
        let invite = dialog.invite(offer: offer)
        #expect(!SIPMessage.parse(bytes: invite.serialized()).hasErrors)

        // SIPp needs a moment to bind; resend the INVITE (as a UAC retransmits, §17.1.1.2)
        // until something answers.
        var responses: [SIPMessage] = []
        var answered = false
        for _ in 0..<20 where !answered {
            try socket.send(invite.serialized(), to: remotePort)
            while let datagram = try socket.receive(timeout: 0.25) {
                guard let result = SIPDatagram.decode(datagram).result else { continue }
                #expect(!result.hasErrors, "\(result.diagnostics)")
                responses.append(result.message)
                dialog.receive(result.message)
                if result.message.statusCode == 200 {
                    answered = true
                    break
                }
            }
        }
        let codes = responses.compactMap(\.statusCode)
        // SIPp's built-in uas scenario answers 180 then 200; it sends no 100 Trying.
        #expect(codes.contains(180))
        let ok = try #require(responses.first { $0.statusCode == 200 })
        #expect(ok.callID == invite.callID)
        #expect(ok.cseq == CSeq(1, .invite))
        #expect(ok.fromTag == invite.fromTag)
        #expect(ok.toTag != nil)
        #expect(ok.topVia?.branch == invite.topVia?.branch)
        #expect(ok.sessionDescription?.hasErrors == false)
        #expect(dialog.remoteTag == ok.toTag)

        let ack = dialog.ack()
        #expect(ack.cseq == CSeq(1, .ack))
        #expect(ack.toTag == ok.toTag)
        try socket.send(ack.serialized(), to: remotePort)

        let bye = dialog.bye()
        #expect(bye.cseq == CSeq(2, .bye))
        try socket.send(bye.serialized(), to: remotePort)
        var byeResponse: SIPMessage?
        for _ in 0..<20 where byeResponse == nil {
            guard let datagram = try socket.receive(timeout: 0.5) else {
                try socket.send(bye.serialized(), to: remotePort)
                continue
            }
            guard let message = SIPDatagram.decode(datagram).result?.message else { continue }
            if message.cseq?.method == .bye { byeResponse = message }
        }
        let byeOK = try #require(byeResponse)
        #expect(byeOK.statusCode == 200)
        #expect(byeOK.callID == invite.callID)

        // With -m 1 SIPp exits once the call is done; its exit status says whether it saw a
        // complete, valid call.
        process.terminate()
        process.waitUntilExit()
    }
}

/// A blocking UDP socket on 127.0.0.1, enough for one test call.
struct UDPSocket: ~Copyable {
    let fd: Int32

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
    }

    deinit { close(fd) }

    /// Binds to 127.0.0.1 on a port the system picks, and returns it.
    mutating func bind() throws -> UInt16 {
        var address = Self.loopback(port: 0)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else { throw Failure(description: "bind() failed: \(errno)") }
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: bound.sin_port)
    }

    /// A UDP port that was free a moment ago.
    static func freePort() throws -> UInt16 {
        var probe = try UDPSocket()
        return try probe.bind()
    }

    func send(_ bytes: [UInt8], to port: UInt16) throws {
        var address = Self.loopback(port: port)
        let sent = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, buffer.baseAddress, buffer.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard sent == bytes.count else { throw Failure(description: "sendto() failed: \(errno)") }
    }

    /// The next datagram, or `nil` after `timeout` seconds without one.
    func receive(timeout: Double) throws -> [UInt8]? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        guard ready > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw Failure(description: "recv() failed: \(errno)") }
        return Array(buffer[..<count])
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
