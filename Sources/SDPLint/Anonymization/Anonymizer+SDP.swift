import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

extension Anonymizer {
    // MARK: Session descriptions

    /// Anonymizes SDP text line by line: a description (RFC 8866), an SDP fragment (RFC 8840)
    /// or a file of candidate lines (RFC 8839 §5.1). Every line keeps its length, so a
    /// description inside a SIP body, a JSON string or a packet stays framed. A line that is not
    /// SDP is anonymized as what it looks like (``unknownLine(_:_:)``).
    mutating func sdpLines(_ buffer: inout [UInt8], _ range: Range<Int>) {
        var cursor = max(0, range.lowerBound)
        let end = min(range.upperBound, buffer.count)
        while cursor < end {
            let line = BufferLine(buffer, from: cursor, to: end)
            unknownLine(&buffer, line.content)
            cursor = line.next
        }
    }

    /// One `type=value` line, or a candidate line without `a=`, without a lone CR in it
    /// (``unknownLine(_:_:)`` splits a line there first).
    mutating func sdpLine(_ buffer: inout [UInt8], _ range: Range<Int>) {
        let line = buffer[range]
        if Glyph.hasPrefix(line, "candidate:") {
            candidate(&buffer, (range.lowerBound + 10)..<range.upperBound)
            return
        }
        guard range.count >= 2, line[range.lowerBound + 1] == UInt8(ascii: "=") else {
            scrub(&buffer, range, .everyWord)
            return
        }
        let value = (range.lowerBound + 2)..<range.upperBound
        switch line[range.lowerBound] {
        case UInt8(ascii: "o"): origin(&buffer, value)
        case UInt8(ascii: "c"): connection(&buffer, value)
        case UInt8(ascii: "m"):
            let fields = Self.fields(buffer, value)
            if fields.count > 1 { portField(&buffer, fields[1]) }
        case UInt8(ascii: "a"): attribute(&buffer, value)
        case UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "e"), UInt8(ascii: "p"), UInt8(ascii: "k"):
            // Session name and information are free text; e-mail, phone and key lines
            // identify or secure by definition (RFC 8866 §5.3, §5.4, §5.6, §5.12).
            put(token(Glyph.text(buffer[value]), sweep: false), &buffer, value)
        case UInt8(ascii: "u"):
            let text = Glyph.text(buffer[value])
            put(uri(text) ?? token(text, sweep: false), &buffer, value)
        case UInt8(ascii: "v"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "z"), UInt8(ascii: "b"):
            // Numbers, time units and a bandwidth type name no one (RFC 8866 §5.1, §5.8–§5.11);
            // a value with anything else in it is text of unknown meaning.
            let plain =
                line[range.lowerBound] == UInt8(ascii: "b")
                ? Self.isBandwidth(buffer[value])
                : buffer[value].allSatisfy { Glyph.isDigit($0) || Glyph.among($0, " \t-dhms") }
            if !plain { scrub(&buffer, value, .everyWord) }
        default:
            // A line type of unknown meaning (RFC 8866 §5: "x=" and others) may hold anything.
            scrub(&buffer, value, .everyWord)
        }
    }

    /// `<bwtype>:<bandwidth>` with a registered type (RFC 8866 §5.8, RFC 3556, RFC 3890) and a
    /// number, the only form that keeps its text.
    static func isBandwidth(_ value: ArraySlice<UInt8>) -> Bool {
        guard let colon = value.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let number = value[(colon + 1)...]
        return ["AS", "CT", "TIAS", "RS", "RR"].contains(Glyph.text(value[..<colon])) && !number.isEmpty
            && number.allSatisfy { Glyph.isDigit($0) || $0 == UInt8(ascii: ".") }
    }

    /// `o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>`
    /// (RFC 8866 §5.2). The user name "-" and Firefox's product marker name no one.
    private mutating func origin(_ buffer: inout [UInt8], _ range: Range<Int>) {
        let fields = Self.fields(buffer, range)
        if let user = fields.first {
            let name = Glyph.text(buffer[user])
            if !name.hasPrefix("mozilla...THIS_IS_SDPARTA") { put(token(name), &buffer, user) }
        }
        if fields.count > 2 { sessionVersion(&buffer, id: fields[1], version: fields[2]) }
        if fields.count > 1 { put(token(Glyph.text(buffer[fields[1]]), sweep: false), &buffer, fields[1]) }
        if fields.count > 5 { put(hostOrAddress(Glyph.text(buffer[fields[5]])), &buffer, fields[5]) }
    }

    /// Some implementations start the session version at the session id (both an NTP time,
    /// RFC 8866 §5.2 suggests it), which would give the id away: a version within 2^20 above
    /// the id becomes the same distance above the id's replacement, so equality and
    /// increments survive and the id does not.
    private mutating func sessionVersion(_ buffer: inout [UInt8], id: Range<Int>, version: Range<Int>) {
        let idText = Glyph.text(buffer[id])
        let versionText = Glyph.text(buffer[version])
        guard idText.utf8.count > 4, let idValue = UInt64(idText), let versionValue = UInt64(versionText),
            versionValue >= idValue, versionValue - idValue < 1 << 20
        else { return }
        let replacedID = token(idText, sweep: false)
        guard let base = UInt64(replacedID) else { return }
        let (sum, overflow) = base.addingReportingOverflow(versionValue - idValue)
        let replaced = String(sum)
        guard !overflow, replaced.utf8.count == version.count else { return }
        put(replaced, &buffer, version)
    }

    /// `c=<nettype> <addrtype> <connection-address>`, the address possibly followed by
    /// `/<ttl>` and `/<number of addresses>` (RFC 8866 §5.7).
    private mutating func connection(_ buffer: inout [UInt8], _ range: Range<Int>) {
        let fields = Self.fields(buffer, range)
        guard fields.count > 2 else { return }
        addressField(&buffer, fields[2])
    }

    /// An address field that may carry `/suffixes`.
    private mutating func addressField(_ buffer: inout [UInt8], _ range: Range<Int>) {
        let address = buffer[range].firstIndex(of: UInt8(ascii: "/")).map { range.lowerBound..<$0 } ?? range
        put(hostOrAddress(Glyph.text(buffer[address])), &buffer, address)
    }

    /// A port field that may carry `/<number of ports>` (RFC 8866 §5.14).
    private mutating func portField(_ buffer: inout [UInt8], _ range: Range<Int>) {
        let port = buffer[range].firstIndex(of: UInt8(ascii: "/")).map { range.lowerBound..<$0 } ?? range
        put(portText(Glyph.text(buffer[port])), &buffer, port)
    }

    /// `a=<attribute-name>[:<attribute-value>]` (RFC 8866 §5.13), by attribute.
    private mutating func attribute(_ buffer: inout [UInt8], _ range: Range<Int>) {
        let colon = buffer[range].firstIndex(of: UInt8(ascii: ":")) ?? range.upperBound
        let name = Glyph.text(buffer[range.lowerBound..<colon]).lowercased()
        let value = min(colon + 1, range.upperBound)..<range.upperBound
        let fields = Self.fields(buffer, value)
        switch name {
        case "candidate":
            candidate(&buffer, value)
        case "ice-ufrag", "ice-pwd", "identity", "tls-id":
            // RFC 8839 §5.4, RFC 8122 §5 (identity), RFC 8842 §5 (tls-id).
            put(token(Glyph.text(buffer[value])), &buffer, value)
        case "fingerprint", "key-mgmt", "zrtp-hash":
            // RFC 8122 §5: `hash-func SP fingerprint`; RFC 4567 §3: `prtcl-id SP keymgt-data`;
            // RFC 6189 §8: `zrtp-version SP zrtp-hash-value`.
            for field in fields.dropFirst() { put(token(Glyph.text(buffer[field]), sweep: false), &buffer, field) }
        case "ssrc":
            ssrc(&buffer, value, fields)
        case "ssrc-group":
            // RFC 5576 §4.2: `semantics *(SP ssrc-id)`.
            for field in fields.dropFirst() { put(token(Glyph.text(buffer[field])), &buffer, field) }
        case "msid":
            // RFC 8830 §2: `msid-id [SP msid-appdata]`.
            for field in fields { put(token(Glyph.text(buffer[field])), &buffer, field) }
        case "msid-semantic":
            for field in fields {
                let text = Glyph.text(buffer[field])
                if text != "WMS" && text != "*" { put(token(text), &buffer, field) }
            }
        case "rtcp":
            // RFC 3605 §2.1: `port [nettype SP addrtype SP connection-address]`.
            if let port = fields.first { portField(&buffer, port) }
            if fields.count > 3 { addressField(&buffer, fields[3]) }
        case "remote-candidates":
            // RFC 8839 §5.2: `component-ID SP connection-address SP port` triples.
            for (offset, field) in fields.enumerated() {
                if offset % 3 == 1 { addressField(&buffer, field) }
                if offset % 3 == 2 { portField(&buffer, field) }
            }
        case "crypto":
            // RFC 4568 §9.1: tag, crypto-suite, then the key parameters.
            cryptoKeys(&buffer, value, keysFromField: 2)
        case "acap" where fields.count > 1:
            // RFC 5939 §3.4.1: `att-cap-num SP att-field [":" att-value]`, an attribute held as a
            // capability: read as that attribute (one level: a capability of a capability is text).
            let held = fields[1].lowerBound..<value.upperBound
            if Glyph.text(buffer[held]).lowercased().hasPrefix("acap:") {
                scrub(&buffer, held, .everyWord)
            } else {
                attribute(&buffer, held)
            }
        case "path":
            // RFC 4975 §9: MSRP URIs, `msrp[s]://authority/session-id;transport`.
            for field in fields { msrpURI(&buffer, field) }
        case _ where Self.protocolAttributes.contains(name):
            // Kept, but for an address or e-mail address that a malformed value may carry.
            scrub(&buffer, value, .addresses)
        default:
            // An attribute of unknown meaning (a=label, a=tool, a=x-…) may name a person, a
            // room or a token in any form: every word of it is replaced.
            scrub(&buffer, value, .everyWord)
        }
    }

    /// Attributes whose values are protocol values — header extension URIs (RFC 8285 §5),
    /// codecs and their parameters, mids and groups (which JSON signaling repeats as `sdpMid`),
    /// RIDs, packet times and frame rates (RFC 8866 §6), RTCP XR blocks (RFC 3611 §5.1), content
    /// roles (RFC 4796) — kept even where they look like a URL or a UUID.
    static let protocolAttributes: Set<String> = [
        "extmap", "rtpmap", "fmtp", "rtcp-fb", "mid", "group", "setup", "ice-options", "rid", "simulcast",
        "sctp-port", "sctpmap", "max-message-size", "ptime", "maxptime", "minptime", "framerate", "quality",
        "orient", "type", "charset", "sdplang", "lang", "rtcp-xr", "content", "imageattr", "x-google-flag",
        // RFC 5939: transport protocols and configuration numbers; RFC 4975: MIME types, a size.
        "tcap", "pcfg", "acfg", "accept-types", "accept-wrapped-types", "max-size",
    ]

    /// An MSRP URI (RFC 4975 §9): the host and port are replaced as an address, the session id
    /// as a token; the scheme, the transport and the shape stay.
    private mutating func msrpURI(_ buffer: inout [UInt8], _ range: Range<Int>) {
        guard let colon = buffer[range].firstIndex(of: UInt8(ascii: ":")),
            buffer[colon..<range.upperBound].starts(with: "://".utf8)
        else { return scrub(&buffer, range, .everyWord) }
        let authorityStart = colon + 3
        let rest = authorityStart..<range.upperBound
        let slash = buffer[rest].firstIndex(of: UInt8(ascii: "/")) ?? range.upperBound
        var authority = authorityStart..<slash
        if let at = buffer[authority].lastIndex(of: UInt8(ascii: "@")) {
            put(token(Glyph.text(buffer[authority.lowerBound..<at])), &buffer, authority.lowerBound..<at)
            authority = (at + 1)..<authority.upperBound
        }
        let bracketEnd = buffer[authority].firstIndex(of: UInt8(ascii: "]")) ?? authority.lowerBound
        if let colon = buffer[bracketEnd..<authority.upperBound].lastIndex(of: UInt8(ascii: ":")) {
            put(hostOrAddress(Glyph.text(buffer[authority.lowerBound..<colon])), &buffer, authority.lowerBound..<colon)
            portField(&buffer, (colon + 1)..<authority.upperBound)
        } else {
            put(hostOrAddress(Glyph.text(buffer[authority])), &buffer, authority)
        }
        guard slash < range.upperBound else { return }
        let session =
            (slash + 1)..<(buffer[(slash + 1)..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) ?? range.upperBound)
        if !session.isEmpty { put(token(Glyph.text(buffer[session])), &buffer, session) }
    }

    /// `candidate:<foundation> <component-id> <transport> <priority> <connection-address>
    /// <port> typ <cand-type> [raddr <address>] [rport <port>] *(<name> <value>)`
    /// (RFC 8839 §5.1). Foundations of four or more characters are hashes of the base address
    /// (browsers' CRC32 of it, which a dictionary reverses), so they are replaced too.
    mutating func candidate(_ buffer: inout [UInt8], _ range: Range<Int>) {
        let fields = Self.fields(buffer, range)
        if let foundation = fields.first, foundation.count >= 4 {
            put(token(Glyph.text(buffer[foundation]), sweep: false), &buffer, foundation)
        }
        if fields.count > 4 { put(hostOrAddress(Glyph.text(buffer[fields[4]])), &buffer, fields[4]) }
        if fields.count > 5 { portField(&buffer, fields[5]) }
        var index = 6
        while index + 1 < fields.count {
            let value = fields[index + 1]
            switch Glyph.text(buffer[fields[index]]).lowercased() {
            case "raddr": put(hostOrAddress(Glyph.text(buffer[value])), &buffer, value)
            case "rport": portField(&buffer, value)
            case "ufrag": put(token(Glyph.text(buffer[value])), &buffer, value)
            case "typ", "generation", "network-id", "network-cost", "tcptype": break
            default: scrub(&buffer, value)
            }
            index += 2
        }
    }

    /// `ssrc-id SP attribute[:value]` (RFC 5576 §4.1): the id, and the values of the source
    /// attributes that name streams and endpoints (cname, msid, and Chrome's label, mslabel).
    private mutating func ssrc(_ buffer: inout [UInt8], _ range: Range<Int>, _ fields: [Range<Int>]) {
        guard let id = fields.first else { return }
        put(token(Glyph.text(buffer[id])), &buffer, id)
        guard fields.count > 1 else { return }
        let rest = fields[1].lowerBound..<range.upperBound
        guard let colon = buffer[rest].firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = Glyph.text(buffer[rest.lowerBound..<colon]).lowercased()
        let value = (colon + 1)..<rest.upperBound
        if ["cname", "msid", "label", "mslabel"].contains(name) {
            for field in Self.fields(buffer, value) { put(token(Glyph.text(buffer[field])), &buffer, field) }
        } else {
            scrub(&buffer, value)
        }
    }

    /// The base64 key of each `inline:` key parameter (RFC 4568 §9.1), up to its lifetime or
    /// MKI (`|`) or the next parameter.
    mutating func cryptoKeys(_ buffer: inout [UInt8], _ range: Range<Int>, keysFromField first: Int = 0) {
        let marker = Array("inline:".utf8)
        var index = range.lowerBound
        var found = false
        while index + marker.count <= range.upperBound {
            guard buffer[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            found = true
            let start = index + marker.count
            var stop = start
            while stop < range.upperBound, !Glyph.among(buffer[stop], "|; ") { stop += 1 }
            put(token(Glyph.text(buffer[start..<stop])), &buffer, start..<stop)
            index = stop
        }
        // Key parameters without their "inline:" method (malformed, or a method this does not
        // know) may still hold the key: every word from the key parameters on is replaced.
        if !found {
            for field in Self.fields(buffer, range).dropFirst(first) {
                put(token(Glyph.text(buffer[field])), &buffer, field)
            }
        }
    }
}
