import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

extension Anonymizer {
    // MARK: XML

    /// Anonymizes XML — an XMPP Jingle stanza (XEP-0166, XEP-0167, XEP-0176, XEP-0320,
    /// XEP-0339, XEP-0353), a SIP body, or any other document — token by token, so the
    /// markup is unchanged: attribute values by their element and name (JIDs, session and
    /// stanza ids, candidate addresses, ports and credentials, SSRCs and their cname and msid),
    /// text by its element (fingerprints), everything else by ``scrub(_:_:_:)`` with
    /// `otherText`: every word of a document's (a stanza's attribute of unknown meaning may
    /// name anyone), only what is recognizably identifying of a page's (about:webrtc shows
    /// descriptions, states and the browser's messages as text, which the linter reads).
    mutating func xml(_ input: ArraySlice<UInt8>, otherText: ScrubScope) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var elements: [String] = []
        var index = input.startIndex
        let end = input.endIndex
        func find(_ marker: String, from start: Int) -> Int? {
            let bytes = Array(marker.utf8)
            var position = start
            while position + bytes.count <= end {
                if input[position..<(position + bytes.count)].elementsEqual(bytes) { return position }
                position += 1
            }
            return nil
        }
        while index < end {
            guard input[index] == UInt8(ascii: "<") else {
                var stop = index
                while stop < end && input[stop] != UInt8(ascii: "<") { stop += 1 }
                output += xmlText(input[index..<stop], element: elements.last ?? "", escaped: true, otherText)
                index = stop
                continue
            }
            let rest = input[index...]
            if Glyph.hasPrefix(rest, "<!--") {
                let close = find("-->", from: index + 4) ?? end
                output += Array("<!--".utf8)
                var comment = Array(input[(index + 4)..<close])
                scrub(&comment, 0..<comment.count, otherText)
                output += comment
                output += input[close..<min(end, close + 3)]
                index = min(end, close + 3)
            } else if Glyph.hasPrefix(rest, "<![CDATA[") {
                let close = find("]]>", from: index + 9) ?? end
                output += Array("<![CDATA[".utf8)
                output += xmlText(input[(index + 9)..<close], element: elements.last ?? "", escaped: false, otherText)
                output += input[close..<min(end, close + 3)]
                index = min(end, close + 3)
            } else if Glyph.hasPrefix(rest, "<?") || Glyph.hasPrefix(rest, "<!") {
                let close = input[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? end
                output += input[index..<close]
                index = close
            } else if Glyph.hasPrefix(rest, "</") {
                let close = input[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? end
                output += input[index..<close]
                if !elements.isEmpty { elements.removeLast() }
                index = close
            } else {
                var close = index + 1
                var quote: UInt8?
                while close < end {
                    let byte = input[close]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    close += 1
                }
                let tagEnd = min(end, close + 1)
                let (tag, name) = xmlTag(input[index..<tagEnd], otherText)
                output += tag
                let selfClosing = tagEnd - 2 > index && input[tagEnd - 2] == UInt8(ascii: "/")
                if !selfClosing && !name.isEmpty { elements.append(name) }
                index = tagEnd
            }
        }
        return output
    }

    /// The local name of an element or attribute: without its namespace prefix, lower-cased.
    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name.lowercased() }
        return String(name[name.index(after: colon)...]).lowercased()
    }

    /// A start tag with its attribute values anonymized; and the element's local name.
    private mutating func xmlTag(_ tag: ArraySlice<UInt8>, _ otherText: ScrubScope) -> (bytes: [UInt8], name: String) {
        let bytes = Array(tag)
        var index = 1
        while index < bytes.count, !Glyph.isSpace(bytes[index]), !Glyph.isLineBreak(bytes[index]),
            bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/")
        { index += 1 }
        let element = Self.localName(Glyph.text(bytes[1..<index]))
        // Every attribute first, so that a value can depend on another attribute (a
        // <parameter/>'s value on its name).
        var attributes: [(name: String, value: Range<Int>)] = []
        while index < bytes.count {
            while index < bytes.count, Glyph.isSpace(bytes[index]) || Glyph.isLineBreak(bytes[index]) { index += 1 }
            let nameStart = index
            while index < bytes.count, !Glyph.among(bytes[index], " \t\r\n=/>") { index += 1 }
            let name = Glyph.text(bytes[nameStart..<index])
            while index < bytes.count, Glyph.isSpace(bytes[index]) || Glyph.isLineBreak(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                if index == nameStart { index += 1 }
                continue
            }
            index += 1
            while index < bytes.count, Glyph.isSpace(bytes[index]) || Glyph.isLineBreak(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                continue
            }
            let quote = bytes[index]
            let valueStart = index + 1
            var valueEnd = valueStart
            while valueEnd < bytes.count, bytes[valueEnd] != quote { valueEnd += 1 }
            attributes.append((name, valueStart..<valueEnd))
            index = min(bytes.count, valueEnd + 1)
        }
        let values = Dictionary(
            attributes.map { (Self.localName($0.name), Glyph.text(bytes[$0.value])) },
            uniquingKeysWith: { first, _ in first })
        var result: [UInt8] = []
        var copied = 0
        for attribute in attributes {
            result += bytes[copied..<attribute.value.lowerBound]
            let escaped = EscapedText(bytes[attribute.value], style: .xml)
            var text = escaped.decoded
            xmlAttribute(
                &text, element: element, name: Self.localName(attribute.name), siblings: values, otherText)
            result += escaped.encode(text)
            copied = attribute.value.upperBound
        }
        result += bytes[copied...]
        return (result, element)
    }

    /// Attributes that describe media and transport, not parties: kept. Those of XEP-0166
    /// (Jingle), XEP-0167 (RTP sessions, with `maxbitrate` of XEP-0167 §4's bandwidth), XEP-0176
    /// (ICE-UDP), XEP-0293/0294 (feedback, header extensions), XEP-0320 (fingerprints),
    /// XEP-0338/0339 (grouping, sources), XEP-0343 (data channels) and XMPP errors (RFC 6120
    /// §8.3, with XEP-0086's legacy `code`), and the transfer parameters of XEP-0260/0261
    /// (`mode`, `block-size`) and XEP-0300 (a hash's `algo`).
    static let keptAttributes: Set<String> = [
        "xmlns", "uri", "name", "media", "creator", "senders", "semantics", "hash", "setup", "clockrate", "channels",
        "ptime", "maxptime", "action", "type", "rid", "component", "generation", "network", "priority", "protocol",
        "tcptype", "subtype", "direction", "profile", "disposition", "lang", "version", "encoding", "xml:lang",
        "crypto-suite", "tag", "required", "number", "streams", "sctp-port", "max-message-size", "negotiated",
        "maxbitrate", "network-id", "network-cost", "code", "mode", "block-size", "algo",
    ]

    /// One attribute value, by its element and name.
    private mutating func xmlAttribute(
        _ text: inout [UInt8], element: String, name: String, siblings: [String: String], _ otherText: ScrubScope
    ) {
        let value = Glyph.text(text)
        let replaced: String
        switch name {
        case "from", "to", "initiator", "responder", "jid", "by":
            replaced = jid(value)
        case "sid", "ufrag", "pwd", "password", "username", "ssrc", "track":
            replaced = token(value)
        case "dstaddr":
            // XEP-0260 §2.2: the SHA-1 of the session id and both full JIDs, which would
            // confirm guessed JIDs.
            replaced = token(value)
        case "id":
            // Payload type numbers and header extension ids are protocol values (XEP-0167
            // §7, XEP-0294 §3); stanza, session, candidate and stream ids identify.
            if ["payload-type", "rtp-hdrext", "extmap"].contains(element) { return }
            replaced = token(value)
        case "ip", "rel-addr", "host", "address":
            replaced = hostOrAddress(value)
        case "port", "rel-port":
            replaced = portText(value)
        case "key-params":
            // XEP-0167's <crypto/> (Negotiation of SRTP): the SDES key parameters,
            // `inline:<key>|<lifetime>|<MKI>` (RFC 4568 §9.1).
            cryptoKeys(&text, 0..<text.count)
            return
        case "foundation":
            guard text.count >= 4 else { return }
            replaced = token(value, sweep: false)
        case "value" where element == "parameter":
            // XEP-0339 §3: <parameter name='cname' value='…'/>, name='msid' value='stream track'.
            guard let parameter = siblings["name"]?.lowercased(),
                ["cname", "msid", "mslabel", "label"].contains(parameter)
            else {
                scrub(&text, 0..<text.count)
                return
            }
            for field in Self.fields(text, 0..<text.count) { put(token(Glyph.text(text[field])), &text, field) }
            return
        case "value" where element == "rtcp-fb-trr-int":
            return  // XEP-0293 §3: a number of milliseconds.
        case "session-params":
            // RFC 4568 §6.3's session parameters: protocol, but a key may hide in one.
            scrub(&text, 0..<text.count)
            return
        default:
            if Self.keptAttributes.contains(name) || name.hasPrefix("xmlns") { return }
            scrub(&text, 0..<text.count, otherText)
            return
        }
        put(replaced, &text, 0..<text.count)
    }

    /// Elements whose character data loses every word, as their SDP lines do: a DTLS fingerprint
    /// (XEP-0320 §3), a ZRTP hash (XEP-0262 §2), a file's hash (XEP-0300), name and description
    /// (XEP-0234 §4), and free text (a reason's, XEP-0166 §7.4).
    static let opaqueTextElements: Set<String> = ["fingerprint", "zrtp-hash", "hash", "name", "desc", "text"]

    /// Character data: that of ``opaqueTextElements`` replaced word by word, a bandwidth's
    /// number kept, other text read line by line, its free text scrubbed by `otherText`.
    private mutating func xmlText(
        _ raw: ArraySlice<UInt8>, element: String, escaped: Bool, _ otherText: ScrubScope
    ) -> [UInt8] {
        guard raw.contains(where: { !Glyph.isSpace($0) && !Glyph.isLineBreak($0) }) else { return Array(raw) }
        let decodedText = EscapedText(raw, style: .xml)
        var text = escaped ? decodedText.decoded : Array(raw)
        if Self.opaqueTextElements.contains(element) {
            for field in Self.fields(text, 0..<text.count) {
                put(token(Glyph.text(text[field]), sweep: false), &text, field)
            }
        } else if element == "bandwidth" {
            scrub(&text, 0..<text.count, .addresses)  // XEP-0167 §4: a number of kilobits per second.
        } else {
            // Line by line as what each line looks like: a page such as about:webrtc shows
            // descriptions and candidates as text.
            var cursor = 0
            while cursor < text.count {
                let line = BufferLine(text, from: cursor, to: text.count)
                unknownLine(&text, line.content, freeText: otherText)
                cursor = line.next
            }
        }
        return escaped ? decodedText.encode(text) : text
    }
}
