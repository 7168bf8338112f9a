import SDPLintICE
import Testing

/// Address scopes (RFC 1918, 3927, 4193, 4291, 6598, 6762) and the candidate inventory.
@Suite struct ScopeTests {
    @Test(arguments: [
        ("127.0.0.1", Candidate.Address.Scope.loopback), ("127.255.1.2", .loopback), ("::1", .loopback),
        ("169.254.10.1", .linkLocal), ("fe80::1", .linkLocal), ("FE80::abcd", .linkLocal), ("febf::1", .linkLocal),
        ("10.1.2.3", .private), ("172.16.0.1", .private), ("172.31.255.255", .private), ("192.168.1.1", .private),
        ("100.64.0.1", .private), ("fd12:3456::1", .private), ("fc00::1", .private),
        ("172.32.0.1", .global), ("100.128.0.1", .global), ("192.0.2.1", .global), ("2001:db8::1", .global),
        ("fec0::1", .global),
        ("::ffff:192.168.0.1", .private), ("::ffff:8.8.8.8", .global),
        ("0.0.0.0", .unspecified), ("::", .unspecified),
        ("4f0c3a7e-0d4a-4c57-9a51-1a2b3c4d5e6f.local", .mdns), ("turn.example.org", .name),
    ])
    func scopeOf(_ text: String, _ scope: Candidate.Address.Scope) {
        #expect(Candidate.Address(text).scope == scope)
    }

    @Test func inventoryCountsTypesTransportsFamiliesAndScopes() throws {
        let lines = [
            "candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host",
            "candidate:1 2 udp 2122260222 192.168.1.2 50001 typ host",
            "candidate:2 1 udp 2122194687 fd00::2 50002 typ host",
            "candidate:3 1 tcp 1518280447 192.168.1.2 9 typ host tcptype active",
            "candidate:4 1 udp 1686052607 198.51.100.1 50000 typ srflx raddr 192.168.1.2 rport 50000",
        ]
        let inventory = CandidateInventory(try lines.map { try Candidate(parsing: $0) })
        #expect(inventory.total == 5)
        #expect(inventory.rtcpComponents == 1)
        #expect(inventory.count(kind: .host) == 4 && inventory.count(kind: .serverReflexive) == 1)
        #expect(inventory.count(transport: .tcp) == 1)
        #expect(inventory.count(scope: .private) == 4 && inventory.count(scope: .global) == 1)
        #expect(
            inventory.entries.map { "\($0.kind) \($0.transport) \($0.family) \($0.count)" }
                == ["host udp ipv4 2", "host udp ipv6 1", "host tcp ipv4 1", "srflx udp ipv4 1"])
        #expect(
            !inventory.onlyHost && inventory.noRelay && !inventory.onlyTCP && !inventory.onlyThisHost
                && !inventory.onlyMDNS)
        let loopback = CandidateInventory([
            try Candidate(parsing: "candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host")
        ])
        #expect(loopback.onlyHost && loopback.onlyThisHost)
        #expect(!CandidateInventory([]).onlyHost)
    }
}
