public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintSDP

/// What an SDP means for an SDP ↔ Jingle round trip, without its formatting: the yardstick of
/// "SDP → Jingle → SDP gives back an equal description".
///
/// Two descriptions compare equal when they have the same media sections in the same order and,
/// per section, the same set of facts:
/// - the m= line's media, protocol and formats, and whether the section is rejected (port 0
///   without a=bundle-only); not the port itself or c= (the default candidate, which Jingle
///   does not carry and a conversion always reports when it is not the 9 / 0.0.0.0 placeholder);
/// - the effective direction (the section's, else the session's, else sendrecv);
/// - every attribute line in canonical form (`SessionDescription.formatted()`), in any order,
///   with session-level ICE credentials, fingerprints and setup copied into every section that
///   is not rejected and has none of its own, and session-level extmaps and extmap-allow-mixed
///   into every RTP section (RFC 8839 §5.4, RFC 8122 §5, RFC 8285 §5–6): where a value is written
///   does not change what it means;
/// - fmtp lines by their `;`-separated items (spacing aside), fingerprints without case, and
///   candidates with their extension attributes in name order and a missing `generation` taken
///   as `generation 0` (libwebrtc's default, and XEP-0176 requires the attribute);
/// - media-level b= lines;
/// - and at session level, the remaining attributes (groups, …).
///
/// Built with `excluding:`, the dropped items of a conversion are first taken out of the
/// description (a dropped line removed, a partly dropped one replaced by what survives), so the
/// comparison checks that nothing is lost *except what was reported*.
public struct ComparableDescription: Sendable, Hashable {
    /// The session-level facts, sorted.
    public var session: [String]
    /// Each section's facts, sorted.
    public var sections: [[String]]

    public init(_ sdp: SessionDescription, excluding dropped: [DroppedItem] = []) {
        var sdp = sdp
        var removedSections: Set<Int> = []
        for item in dropped {
            switch item.scope {
            case .session, nil:
                var (attributes, bandwidths) = (sdp.attributes, sdp.bandwidths)
                Self.apply(item, to: &attributes, bandwidths: &bandwidths)
                (sdp.attributes, sdp.bandwidths) = (attributes, bandwidths)
            case .media(let index, _):
                guard sdp.media.indices.contains(index) else { continue }
                if item.item == .section {
                    removedSections.insert(index)
                    continue
                }
                if item.item == .mediaLine, let surviving = item.surviving {
                    let fields = surviving.dropFirst(2).split(separator: " ").map(String.init)
                    if fields.count >= 3 {
                        sdp.media[index].proto = .init(rawValue: fields[2])
                        sdp.media[index].formats = Array(fields.dropFirst(3))
                        if let port = Int(fields[1]) { sdp.media[index].port = port }
                    }
                    continue
                }
                var section = sdp.media[index]
                Self.apply(item, to: &section.attributes, bandwidths: &section.bandwidths)
                sdp.media[index] = section
            }
        }
        sdp = sdp.formatted()
        let directions: Set<String> = ["sendrecv", "sendonly", "recvonly", "inactive"]
        let transportDefaults: Set<String> = ["ice-ufrag", "ice-pwd", "fingerprint", "setup"]
        let rtpDefaults: Set<String> = ["extmap", "extmap-allow-mixed"]
        var sessionFacts: Set<String> = []
        var sessionDirection: String?
        var pushed: [String: [String]] = [:]
        for attribute in sdp.attributes {
            let name = attribute.name.rawValue
            if directions.contains(name) {
                sessionDirection = name
                continue
            }
            if transportDefaults.contains(name) || rtpDefaults.contains(name) {
                pushed[name, default: []].append(Self.fact(attribute))
                continue
            }
            sessionFacts.insert(Self.fact(attribute))
        }
        session = sessionFacts.sorted()
        sections = []
        for (index, section) in sdp.media.enumerated() where !removedSections.contains(index) {
            var facts: Set<String> = [
                "m=\(section.media.rawValue) \(section.proto.rawValue) \(section.formats.joined(separator: " "))"
            ]
            if section.isRejected { facts.insert("rejected") }
            var direction = sessionDirection ?? "sendrecv"
            var present: Set<String> = []
            for attribute in section.attributes {
                let name = attribute.name.rawValue
                if directions.contains(name) {
                    direction = name
                    continue
                }
                present.insert(name)
                facts.insert(Self.fact(attribute))
            }
            facts.insert("direction:" + direction)
            for bandwidth in section.bandwidths { facts.insert("b=" + bandwidth.description) }
            if !section.isRejected {
                for name in transportDefaults where !present.contains(name) {
                    // A section's own fingerprint replaces the session's, as does its setup.
                    for fact in pushed[name] ?? [] { facts.insert(fact) }
                }
            }
            if section.proto.isRTP {
                for name in rtpDefaults {
                    for fact in pushed[name] ?? [] { facts.insert(fact) }
                }
            }
            sections.append(facts.sorted())
        }
    }

    /// The facts one description has and the other has not, for a test's failure message.
    public func differences(from other: ComparableDescription) -> [String] {
        var result: [String] = []
        let left = Set(session)
        let right = Set(other.session)
        result += left.subtracting(right).sorted().map { "session: only in the first: \($0)" }
        result += right.subtracting(left).sorted().map { "session: only in the second: \($0)" }
        if sections.count != other.sections.count {
            result.append("\(sections.count) sections against \(other.sections.count)")
        }
        for (index, (mine, theirs)) in zip(sections, other.sections).enumerated() {
            let a = Set(mine)
            let b = Set(theirs)
            result += a.subtracting(b).sorted().map { "section \(index): only in the first: \($0)" }
            result += b.subtracting(a).sorted().map { "section \(index): only in the second: \($0)" }
        }
        return result
    }

    /// Removes the line a dropped item names, putting back what survives of it.
    private static func apply(_ item: DroppedItem, to attributes: inout [Attribute], bandwidths: inout [Bandwidth]) {
        if (item.text ?? "").hasPrefix("b=") {
            if let index = bandwidths.firstIndex(where: { "b=" + $0.description == item.text }) {
                bandwidths.remove(at: index)
            }
            return
        }
        guard (item.text ?? "").hasPrefix("a=") else { return }
        guard let index = attributes.firstIndex(where: { "a=" + $0.description == item.text }) else { return }
        attributes.remove(at: index)
        if let surviving = item.surviving, surviving.hasPrefix("a=") {
            let body = surviving.dropFirst(2)
            if let colon = body.firstIndex(of: ":") {
                attributes.insert(
                    Attribute(name: .init(String(body[..<colon])), value: String(body[body.index(after: colon)...])),
                    at: index)
            } else {
                attributes.insert(Attribute(name: .init(String(body))), at: index)
            }
        }
    }

    /// One attribute as a fact.
    private static func fact(_ attribute: Attribute) -> String {
        switch attribute.name {
        case .fmtp:
            guard let fmtp = attribute.as(FMTP.self) else { break }
            return "a=fmtp:\(fmtp.format) " + fmtp.parameters.map(\.description).joined(separator: ";")
        case .fingerprint:
            guard let fingerprint = attribute.as(Fingerprint.self) else { break }
            return "a=fingerprint:\(fingerprint.hashFunction.lowercased()) \(fingerprint.fingerprint.uppercased())"
        case .candidate:
            guard var candidate = attribute.as(Candidate.self) else { break }
            if candidate.extensionValue(named: "generation") == nil {
                candidate.extensionAttributes.append(.init(name: "generation", value: "0"))
            }
            candidate.extensionAttributes.sort { $0.name < $1.name }
            return "a=candidate:" + candidate.description
        default:
            break
        }
        return "a=" + attribute.description
    }
}
