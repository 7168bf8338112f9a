public import SDPLintICE
public import SDPLintJSON
public import SDPLintSDP

/// The candidates of a description, section by section, with what they offer for
/// connectivity: the part of `sdplint check --format json` that says why two peers may not
/// connect (RFC 8445 §5.1.1).
public struct ConnectivityReport: Sendable {
    /// One m-section's candidates; `index` is `nil` for a file of candidate lines.
    public struct Section: Sendable {
        public var index: Int?
        public var mid: String?
        public var candidates: [Candidate]
        public var inventory: CandidateInventory
    }

    public var sections: [Section]
    /// Every candidate of every section.
    public var overall: CandidateInventory

    /// The candidates of a description; `nil` when it has none.
    public init?(_ session: SessionDescription) {
        sections = session.media.enumerated().compactMap { index, media in
            let candidates = media.candidates
            return candidates.isEmpty
                ? nil
                : Section(
                    index: index, mid: media.mid, candidates: candidates, inventory: CandidateInventory(candidates))
        }
        guard !sections.isEmpty else { return nil }
        overall = CandidateInventory(sections.flatMap(\.candidates))
    }

    /// Candidates read on their own (trickled, or a file of candidate lines); `nil` when none.
    public init?(candidates: [Candidate], mid: String? = nil) {
        guard !candidates.isEmpty else { return nil }
        sections = [Section(index: nil, mid: mid, candidates: candidates, inventory: CandidateInventory(candidates))]
        overall = sections[0].inventory
    }

    // MARK: JSON

    public func write(to json: inout JSONWriter.ObjectWriter) {
        json.member(
            "sections",
            array: { list in
                for section in sections {
                    list.object { entry in
                        entry.member("index", orNull: section.index)
                        entry.member("mid", orNull: section.mid)
                        entry.member(
                            "candidates",
                            array: { candidates in
                                for candidate in section.candidates {
                                    candidates.object { Self.write(candidate, to: &$0) }
                                }
                            })
                        entry.member("inventory", object: { Self.write(section.inventory, to: &$0) })
                    }
                }
            })
        json.member("overall", object: { Self.write(overall, to: &$0) })
    }

    static func write(_ candidate: Candidate, to json: inout JSONWriter.ObjectWriter) {
        json.member("line", "candidate:" + candidate.description)
        json.member("foundation", candidate.foundation)
        json.member("component", Int(candidate.componentID))
        json.member("transport", candidate.transport.spelling)
        json.member("priority", Int(candidate.priority))
        let computed = candidate.kind.recommendedTypePreference.flatMap {
            Candidate.computePriority(
                typePreference: $0, localPreference: candidate.localPreference, componentID: candidate.componentID)
        }
        json.member("computedPriority", orNull: computed.map(Int.init))
        json.member("typePreference", Int(candidate.typePreference))
        json.member("localPreference", Int(candidate.localPreference))
        json.member("address", candidate.address.text)
        json.member("family", candidate.address.family)
        json.member("scope", candidate.address.scope.rawValue)
        json.member("port", Int(candidate.port))
        json.member("type", candidate.kind.spelling)
        json.member("relatedAddress", orNull: candidate.relatedAddress?.text)
        json.member("relatedPort", orNull: candidate.relatedPort.map(Int.init))
        json.member("tcpType", orNull: candidate.tcpType?.rawValue)
        json.member("generation", orNull: candidate.generation.map(Int.init))
        json.member("ufrag", orNull: candidate.ufrag)
        json.member("networkId", orNull: candidate.networkID.map(Int.init))
        json.member("networkCost", orNull: candidate.networkCost.map(Int.init))
    }

    static func write(_ inventory: CandidateInventory, to json: inout JSONWriter.ObjectWriter) {
        json.member("total", inventory.total)
        json.member("rtcpComponents", inventory.rtcpComponents)
        json.member(
            "entries",
            array: { list in
                for entry in inventory.entries {
                    list.object { item in
                        item.member("type", entry.kind.spelling)
                        item.member("transport", entry.transport.spelling.lowercased())
                        item.member("family", entry.family)
                        item.member("count", entry.count)
                    }
                }
            })
        json.member(
            "scopes",
            object: { scopes in
                for scope in Candidate.Address.Scope.allCases where inventory.count(scope: scope) > 0 {
                    scopes.member(scope.rawValue, inventory.count(scope: scope))
                }
            })
        json.member("onlyHost", inventory.onlyHost)
        json.member("noRelay", inventory.noRelay)
        json.member("onlyTCP", inventory.onlyTCP)
        json.member("onlyThisHost", inventory.onlyThisHost)
        json.member("onlyMDNS", inventory.onlyMDNS)
    }
}
