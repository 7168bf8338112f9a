import SDPLintDiagnostics
import SDPLintICE

extension SessionDescription {
    /// The description in canonical form, as `sdplint format` prints it: CRLF line endings,
    /// lines in RFC 8866 order, single spaces between fields, no trailing white space, numbers
    /// without leading zeros, and known attributes whose values parse without error written by
    /// their typed form. Values are never changed, only their spacing and spelling of numbers;
    /// attributes with errors and unknown attributes keep their text (without trailing white
    /// space), and blank lines are dropped.
    public func formatted() -> SessionDescription {
        var copy = self
        copy.lineEnding = .crlf
        copy.versionVerbatim = nil
        copy.origin.verbatim = nil
        copy.connection?.verbatim = nil
        for index in copy.bandwidths.indices { copy.bandwidths[index].verbatim = nil }
        for index in copy.times.indices {
            copy.times[index].verbatim = nil
            copy.times[index].zoneAdjustments?.verbatim = nil
            for r in copy.times[index].repeats.indices { copy.times[index].repeats[r].verbatim = nil }
        }
        copy.attributes = copy.attributes.map(Self.canonical)
        copy.extraLines.removeAll { $0.text.allSatisfy { $0 == " " || $0 == "\t" } }
        for index in copy.media.indices {
            copy.media[index].verbatim = nil
            for c in copy.media[index].connections.indices { copy.media[index].connections[c].verbatim = nil }
            for b in copy.media[index].bandwidths.indices { copy.media[index].bandwidths[b].verbatim = nil }
            copy.media[index].attributes = copy.media[index].attributes.map(Self.canonical)
            copy.media[index].extraLines.removeAll { $0.text.allSatisfy { $0 == " " || $0 == "\t" } }
        }
        return copy
    }

    /// An attribute in canonical form: its typed value rewritten when it parses without error,
    /// otherwise its text without trailing white space.
    static func canonical(_ attribute: Attribute) -> Attribute {
        // A property attribute loses the white space after its name.
        guard var value = attribute.value else { return Attribute(name: attribute.name) }
        while let last = value.utf8.last, last == 0x20 || last == 0x09 { value.removeLast() }
        let trimmed = Attribute(name: attribute.name, value: value)
        func rewrite<Value: AttributeValue>(_ type: Value.Type, _ transform: (Value) -> Value = { $0 }) -> Attribute {
            var collector = DiagnosticCollector()
            guard let parsed = Value.parse(value, into: &collector), !collector.hasErrors else { return trimmed }
            return Attribute(transform(parsed))
        }
        switch attribute.name.known {
        case .rtpmap: return rewrite(RTPMap.self)
        case .fmtp: return rewrite(FMTP.self)
        case .rtcpFeedback: return rewrite(RTCPFeedback.self)
        case .extmap: return rewrite(ExtMap.self)
        case .mid: return rewrite(Mid.self)
        case .msid: return rewrite(MSID.self)
        case .group: return rewrite(Group.self)
        case .ssrc: return rewrite(SSRC.self)
        case .ssrcGroup: return rewrite(SSRCGroup.self)
        case .candidate: return rewrite(Candidate.self) { $0.canonicalized() }
        case .fingerprint: return rewrite(Fingerprint.self)
        case .setup: return rewrite(Setup.self)
        case .rtcp: return rewrite(RTCPAddress.self)
        case .rid: return rewrite(RID.self)
        case .simulcast: return rewrite(Simulcast.self)
        case .sctpPort: return rewrite(SCTPPort.self)
        case .maxMessageSize: return rewrite(MaxMessageSize.self)
        case .sctpmap: return rewrite(SCTPMap.self)
        case .iceOptions: return rewrite(ICEOptions.self)
        case .imageattr: return rewrite(ImageAttr.self)
        default: return trimmed
        }
    }
}
