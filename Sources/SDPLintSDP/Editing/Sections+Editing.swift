public import SDPLintICE

extension SessionDescription {
    /// Sets the bandwidth of a type in place (or adds it); `nil` removes it.
    public mutating func setBandwidth(_ value: UInt64?, type: Bandwidth.BandwidthType) {
        bandwidths.set(value, type: type)
    }

    /// The media section with this mid.
    public func media(mid: String) -> MediaDescription? { media.first { $0.mid == mid } }

    /// The index of the media section with this mid.
    public func mediaIndex(mid: String) -> Int? { media.firstIndex { $0.mid == mid } }

    /// The mids of each BUNDLE group (RFC 9143), in order.
    public var bundleGroups: [[String]] {
        values(Group.self).filter { $0.semantics == .bundle }.map(\.mids)
    }
}

extension MediaDescription {
    /// Sets the bandwidth of a type in place (or adds it); `nil` removes it.
    public mutating func setBandwidth(_ value: UInt64?, type: Bandwidth.BandwidthType) {
        bandwidths.set(value, type: type)
    }

    /// The identification tag (`a=mid`).
    public var mid: String? { value(Mid.self)?.value }

    /// The ICE candidates of this section that parse, in order.
    public var candidates: [Candidate] { values(Candidate.self) }

    /// Adds a candidate after the last `a=candidate` line (before `a=end-of-candidates`).
    public mutating func addCandidate(_ candidate: Candidate) {
        let attribute = Attribute(candidate)
        if let last = attributes.lastIndex(where: { $0.name == .candidate }) {
            attributes.insert(attribute, at: last + 1)
        } else if let end = attributes.firstIndex(where: { $0.name == .endOfCandidates }) {
            attributes.insert(attribute, at: end)
        } else {
            attributes.append(attribute)
        }
    }

    /// Removes the candidates for which `shouldRemove` is true (lines that do not parse are
    /// kept); returns how many were removed.
    @discardableResult
    public mutating func removeCandidates(where shouldRemove: (Candidate) throws -> Bool) rethrows -> Int {
        try removeAttributes { attribute in
            guard let candidate = attribute.as(Candidate.self) else { return false }
            return try shouldRemove(candidate)
        }
    }

    /// Whether the section is rejected or disabled: port 0 without `a=bundle-only`
    /// (RFC 3264 §6, RFC 9143 §6).
    public var isRejected: Bool { port == 0 && !has(.bundleOnly) }

    /// Port 0 with a=bundle-only: a section on its BUNDLE group's transport (RFC 9143 §6).
    package var isBundleOnly: Bool { port == 0 && has(.bundleOnly) }
}

extension Array where Element == Bandwidth {
    mutating func set(_ value: UInt64?, type: Bandwidth.BandwidthType) {
        guard let value else {
            removeAll { $0.type == type }
            return
        }
        if let index = firstIndex(where: { $0.type == type }) {
            self[index] = Bandwidth(type: self[index].type, value: value)
            var i = count - 1
            while i > index {
                if self[i].type == type { remove(at: i) }
                i -= 1
            }
        } else {
            append(Bandwidth(type: type, value: value))
        }
    }
}
