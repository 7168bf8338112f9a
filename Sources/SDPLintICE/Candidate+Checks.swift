extension Candidate {
    /// Checks that each foundation stands for one kind of candidate.
    ///
    /// Candidates share a foundation exactly when they have the same type, base IP address,
    /// transport and STUN/TURN server. What the text shows of that is checked: the type, the
    /// transport and, for host candidates (their own base), the address. Candidates of
    /// different components or data streams may share a foundation.
    ///
    /// RFC 8445 §5.1.1.3 <https://www.rfc-editor.org/rfc/rfc8445#section-5.1.1.3>
    ///
    /// - Parameter candidates: The candidates of one agent in one session, such as all
    ///   `a=candidate` lines of one description.
    /// - Returns: One `foundation-conflict` finding per candidate that contradicts the first
    ///   candidate with its foundation; `relatedIndex` is that first candidate.
    /// - Complexity: O(n) in the number of candidates.
    public static func checkFoundations(_ candidates: [Candidate]) -> [ICEFinding] {
        var firstWithFoundation: [String: Int] = [:]
        var findings: [ICEFinding] = []
        for (index, candidate) in candidates.enumerated() {
            guard let first = firstWithFoundation[candidate.foundation] else {
                firstWithFoundation[candidate.foundation] = index
                continue
            }
            let other = candidates[first]
            var differences: [String] = []
            if candidate.kind != other.kind {
                differences.append("type \(candidate.kind) vs \(other.kind)")
            }
            if candidate.transport != other.transport {
                differences.append("transport \(candidate.transport) vs \(other.transport)")
            }
            if candidate.kind == .host && other.kind == .host && candidate.address != other.address {
                differences.append("base address \(candidate.address) vs \(other.address)")
            }
            guard !differences.isEmpty else { continue }
            findings.append(
                ICEFinding(
                    rule: ICERules.foundationConflict, index: index, relatedIndex: first,
                    message:
                        "foundation '\(candidate.foundation)' is already used by candidate #\(first) with a different "
                        + differences.joined(separator: ", ")))
        }
        return findings
    }

    /// Checks that priorities rank the candidate types as RFC 8445 intends.
    ///
    /// Reports each candidate whose type preference contradicts its own type (a relay with 126, a
    /// type preference above 126), and each relay whose type preference is above that of a host
    /// candidate of the same set, so ICE would try the relay first.
    ///
    /// RFC 8445 §5.1.2.1, §5.1.2.2 <https://www.rfc-editor.org/rfc/rfc8445#section-5.1.2.2>
    ///
    /// - Parameter candidates: The candidates of one agent in one session.
    /// - Returns: `priority-type-mismatch` findings; `relatedIndex` is the host candidate a relay
    ///   outranks.
    /// - Complexity: O(n) in the number of candidates.
    public static func checkPriorities(_ candidates: [Candidate]) -> [ICEFinding] {
        var findings: [ICEFinding] = []
        // The host candidate with the lowest type preference: a relay above it outranks a host.
        var lowestHost: Int?
        for (index, candidate) in candidates.enumerated() where candidate.kind == .host {
            if let lowest = lowestHost, candidates[lowest].typePreference <= candidate.typePreference { continue }
            lowestHost = index
        }
        for (index, candidate) in candidates.enumerated() {
            if let problem = typePreferenceProblem(kind: candidate.kind, typePreference: candidate.typePreference) {
                findings.append(ICEFinding(rule: ICERules.priorityTypeMismatch, index: index, message: problem))
            } else if candidate.kind == .relay, let host = lowestHost,
                candidate.typePreference > candidates[host].typePreference
            {
                findings.append(
                    ICEFinding(
                        rule: ICERules.priorityTypeMismatch, index: index, relatedIndex: host,
                        message:
                            """
                            the relay candidate has type preference \(candidate.typePreference), above the \
                            \(candidates[host].typePreference) of host candidate #\(host); ICE would try the relay \
                            first
                            """
                    ))
            }
        }
        return findings
    }
}
