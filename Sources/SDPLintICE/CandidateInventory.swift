/// What a set of candidates offers for connectivity: how many of each type, transport,
/// address family and address scope — the table `sdplint check` prints to say why two peers
/// may not connect (RFC 8445 §5.1.1 lists what an agent gathers and why).
///
/// ```swift
/// let inventory = CandidateInventory(session.media[0].candidates)
/// inventory.count(kind: .relay)      // 0: restrictive firewalls will fail
/// inventory.onlyHost                 // true: a peer behind NAT needs STUN or TURN
/// ```
public struct CandidateInventory: Sendable, Hashable {
    /// One combination of type, transport and address family, with its count.
    public struct Entry: Sendable, Hashable {
        public var kind: Candidate.Kind
        public var transport: Candidate.Transport
        /// `ipv4`, `ipv6`, `mdns` or `fqdn`.
        public var family: String
        public var count: Int
    }

    /// The combinations, in the order first seen.
    public private(set) var entries: [Entry] = []
    /// How many candidates have an address of each scope.
    public private(set) var scopes: [Candidate.Address.Scope: Int] = [:]
    /// All candidates counted.
    public private(set) var total = 0
    /// Candidates of component 2 (RTCP).
    public private(set) var rtcpComponents = 0

    public init<S: Sequence>(_ candidates: S) where S.Element == Candidate {
        for candidate in candidates { add(candidate) }
    }

    public mutating func add(_ candidate: Candidate) {
        total += 1
        if candidate.componentID == 2 { rtcpComponents += 1 }
        scopes[candidate.address.scope, default: 0] += 1
        let family = candidate.address.family
        if let index = entries.firstIndex(where: {
            $0.kind == candidate.kind && $0.transport == candidate.transport && $0.family == family
        }) {
            entries[index].count += 1
        } else {
            entries.append(Entry(kind: candidate.kind, transport: candidate.transport, family: family, count: 1))
        }
    }

    public func count(kind: Candidate.Kind) -> Int { entries.filter { $0.kind == kind }.reduce(0) { $0 + $1.count } }
    public func count(transport: Candidate.Transport) -> Int {
        entries.filter { $0.transport == transport }.reduce(0) { $0 + $1.count }
    }
    public func count(scope: Candidate.Address.Scope) -> Int { scopes[scope] ?? 0 }

    /// Only host candidates: a peer behind a NAT cannot reach them without STUN or TURN.
    public var onlyHost: Bool { total > 0 && count(kind: .host) == total }
    /// No relay candidate: peers behind firewalls that block UDP cannot connect.
    public var noRelay: Bool { total > 0 && count(kind: .relay) == 0 }
    /// Only TCP candidates.
    public var onlyTCP: Bool { total > 0 && count(transport: .tcp) == total }
    /// Every address is loopback or link-local: another host cannot reach any of them.
    public var onlyThisHost: Bool { total > 0 && count(scope: .loopback) + count(scope: .linkLocal) == total }
    /// Every address is an mDNS name: only peers that resolve `.local` names can use them.
    public var onlyMDNS: Bool { total > 0 && count(scope: .mdns) == total }
}
