import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

/// Where the JSON scanner is: one open object or array.
private struct JSONFrame {
    var isObject: Bool
    /// For an object, the name of the member being read; for an array, the array's own name.
    var key: String?
    var expectingKey = true
    /// The element being read, in an array.
    var index = 0
    /// The first element of a top-level array, when a string: an rtcstats event's name.
    var firstString: String?
    /// An object whose member names are stats ids (a webrtc-internals `stats` object, an
    /// rtcstats `getStats` report).
    var statsKeys = false
    /// In one stat of a webrtc-internals dump (`"<id>-<name>": {statsType, values, …}`): the
    /// name, which says what its `values` hold.
    var statName: String?
}

extension Anonymizer {
    // MARK: JSON

    /// Anonymizes JSON text — one value, NDJSON, an rtcstats dump (whose first line is not
    /// JSON), or a document cut short — token by token, so the result has the same structure,
    /// member order and white space. Member names are kept except stats ids; each string is
    /// anonymized by its content (SDP, candidate lines, nested JSON, URIs, addresses) and by
    /// the name of its member (credentials, ids, addresses, URLs, user agents); numbers named
    /// like SSRCs and ports are replaced too.
    ///
    /// A string of a member whose meaning is not known is scrubbed by `otherText`.
    ///
    /// The result has the input's length unless an escape had to change form, which no edit
    /// of this anonymizer causes for escapes JSON writers produce.
    mutating func json(_ input: ArraySlice<UInt8>, key outerKey: String?, otherText: ScrubScope) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var stack: [JSONFrame] = []
        var index = input.startIndex
        let end = input.endIndex
        while index < end {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var frame = JSONFrame(isObject: byte == UInt8(ascii: "{"), key: Self.memberKey(stack, outerKey))
                if frame.isObject, let parent = stack.last {
                    let topLevelGetStats =
                        stack.count == 1 && !parent.isObject && parent.index == 2
                        && parent.firstString?.lowercased() == "getstats"
                    frame.statsKeys = frame.key == "stats" || topLevelGetStats
                    if parent.isObject, parent.statsKeys, let name = parent.key, let dash = name.lastIndex(of: "-") {
                        frame.statName = String(name[name.index(after: dash)...])
                    }
                }
                stack.append(frame)
                output.append(byte)
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                output.append(byte)
                index += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                if var top = stack.popLast() {
                    if top.isObject {
                        top.expectingKey = byte == UInt8(ascii: ",")
                    } else if byte == UInt8(ascii: ",") {
                        top.index += 1
                    }
                    stack.append(top)
                }
                output.append(byte)
                index += 1
            case UInt8(ascii: "\""):
                var close = index + 1
                while close < end && input[close] != UInt8(ascii: "\"") {
                    close += input[close] == UInt8(ascii: "\\") ? 2 : 1
                }
                close = min(close, end)
                let escaped = EscapedText(input[(index + 1)..<close], style: .json)
                var text = escaped.decoded
                if let top = stack.last, top.isObject && top.expectingKey {
                    if top.statsKeys { statsID(&text, whole: false) }
                    stack[stack.count - 1].key = Glyph.text(escaped.decoded)
                } else {
                    if let top = stack.last, stack.count == 1, !top.isObject, top.index == 0 {
                        stack[stack.count - 1].firstString = Glyph.text(text)
                    }
                    jsonString(&text, key: Self.valueKey(stack, outerKey), otherText: otherText)
                }
                output.append(UInt8(ascii: "\""))
                output += escaped.encode(text)
                if close < end { output.append(UInt8(ascii: "\"")) }
                index = close + 1
            case 0x20, 0x09, 0x0A, 0x0D:
                output.append(byte)
                index += 1
            default:
                var stop = index
                while stop < end, !Glyph.among(input[stop], " \t\r\n{}[],:\"") { stop += 1 }
                var run = Array(input[index..<stop])
                if run.allSatisfy({ Glyph.isDigit($0) }) {
                    number(&run, key: Self.valueKey(stack, outerKey))
                } else if !["true", "false", "null"].contains(Glyph.text(run)) && run.first != UInt8(ascii: "-") {
                    scrub(&run, 0..<run.count)
                }
                output += run
                index = stop
            }
        }
        return output
    }

    /// The name a new container is read under: its member's name, or its array's.
    private static func memberKey(_ stack: [JSONFrame], _ outer: String?) -> String? {
        guard let top = stack.last else { return outer }
        return top.key
    }

    /// The name a value is read under. A webrtc-internals stat keeps its series as JSON text
    /// in `values`; those values mean what the stat's name says.
    private static func valueKey(_ stack: [JSONFrame], _ outer: String?) -> String? {
        guard let top = stack.last else { return outer }
        if top.isObject, top.key == "values", let statName = top.statName { return statName }
        return top.key
    }

    /// How the strings of a JSON document's members of unknown meaning are scrubbed. A browser
    /// report (a webrtc-internals dump, an rtcstats dump, Firefox's about:webrtc report) holds
    /// states, labels and the browser's messages under hundreds of names, and the linter reads
    /// them: only what is recognizably identifying goes. Any other document is an application's
    /// own signaling, whose members of unknown meaning may hold anything (a name, a room, a
    /// note): every word goes.
    static func otherJSONText(_ bytes: [UInt8], kind: InputKind) -> ScrubScope {
        if kind == .rtcstats { return .recognized }
        for marker in ["\"PeerConnections\"", "\"sdpHistories\"", "\"sdpHistory\""]
        where bytes.firstRange(of: Array(marker.utf8)) != nil {
            return .recognized
        }
        return .everyWord
    }

    /// Members whose string values are kept: they drive what the linter reads.
    /// So do the verbs and states of signaling messages and the policies of an
    /// `RTCConfiguration` (W3C webrtc-pc §4.2.1), which identify no one.
    static let keptMembers: Set<String> = [
        "type", "sdpmid", "statstype", "kind", "event", "mimetype", "state", "action", "method", "op", "cmd",
        "command", "role", "status", "direction", "icetransportpolicy", "bundlepolicy", "rtcpmuxpolicy",
        "sdpsemantics",
    ]

    /// Members holding credentials, ids and names of people, rooms and streams.
    static let secretMembers: Set<String> = [
        "usernamefragment", "ufrag", "icelocalusernamefragment", "iceremoteusernamefragment", "password", "pwd",
        "credential", "username", "user", "token", "accesstoken", "access_token", "to", "from", "room", "roomid",
        "session", "sessionid", "peerid", "peer", "clientid", "callid", "userid", "uid", "cname", "trackidentifier",
        "track", "streams", "stream_id", "streamid", "msid", "deviceid", "groupid", "jid", "sid", "name",
        "displayname", "display_name", "nickname", "email", "phone", "participant", "participantid", "roomname",
        "meetingid", "conferenceid", "identity", "nick", "fullname", "full_name", "firstname", "first_name",
        "lastname", "last_name", "givenname", "familyname", "author", "owner", "caller", "callee", "recipient", "mail",
        "mobile", "tel", "login", "account", "handle", "avatar", "photo", "picture",
    ]

    /// Members holding free text people write (a chat line, a call's subject or title), which
    /// may name anyone: every word is replaced.
    static let freeTextMembers: Set<String> = [
        "message", "text", "note", "notes", "comment", "subject", "description", "title", "topic",
    ]

    /// Members holding why something ended or failed: a SIP Reason (RFC 3326 §2: `SIP;cause=…`)
    /// or a browser's error message, protocol words that a report needs. Only what is
    /// recognizably identifying goes, even in a signaling message.
    static let reasonMembers: Set<String> = ["reason", "error", "errortext", "errormessage"]

    /// Members whose values are stats ids (W3C webrtc-stats §5: `id` and the `*Id` references).
    static let idMembers: Set<String> = [
        "id", "localcandidateid", "remotecandidateid", "transportid", "codecid", "remoteid", "localid",
        "mediasourceid", "playoutid", "selectedcandidatepairid", "localcertificateid", "remotecertificateid",
        "issuercertificateid", "trackid", "senderid", "receiverid", "rtcptransportstatsid",
    ]

    static let addressMembers: Set<String> = ["address", "ip", "relatedaddress", "host", "hostname"]
    static let urlMembers: Set<String> = ["url", "urls", "origin", "location", "href", "referrer", "referer", "uri"]
    static let textMembers: Set<String> = [
        "useragent", "user_agent", "ua", "label", "fingerprint", "base64certificate", "foundation", "devicelabel",
    ]
    static let portMembers: Set<String> = ["port", "relatedport"]
    static let ssrcMembers: Set<String> = ["ssrc", "rtxssrc", "fecssrc", "localssrc", "remotessrc"]

    /// A string value: by its content first (SDP, candidates, nested JSON), then by its name.
    private mutating func jsonString(_ text: inout [UInt8], key: String?, otherText: ScrubScope) {
        let lowered = key?.lowercased() ?? ""
        let head = text.drop { Glyph.isSpace($0) || Glyph.isLineBreak($0) }
        if Glyph.hasPrefix(head, "v=") || Glyph.hasPrefix(head, "candidate:") || Glyph.hasPrefix(head, "a=")
            || Glyph.hasPrefix(head, "m=")
        {
            sdpLines(&text, 0..<text.count)
            return
        }
        if let first = head.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["), depth < 16,
            JSONValue.parse(bytes: text).value != nil
        {
            depth += 1
            text = json(text[...], key: key, otherText: otherText)
            depth -= 1
            return
        }
        if Self.keptMembers.contains(lowered) { return }
        let value = Glyph.text(text)
        let replaced: String
        if Self.secretMembers.contains(lowered) {
            replaced = token(value)
        } else if Self.idMembers.contains(lowered) {
            statsID(&text, whole: true)
            return
        } else if Self.addressMembers.contains(lowered) {
            replaced = hostOrAddress(value)
        } else if Self.urlMembers.contains(lowered) {
            replaced = uri(value) ?? scrubbed(value)
        } else if Self.textMembers.contains(lowered) {
            replaced = token(value, sweep: false)
        } else if Self.portMembers.contains(lowered) {
            replaced = portText(value)
        } else if Self.ssrcMembers.contains(lowered) {
            replaced = token(value)
        } else if Self.freeTextMembers.contains(lowered) {
            scrub(&text, 0..<text.count, .everyWord)
            return
        } else if Self.reasonMembers.contains(lowered) {
            mixedText(&text, 0..<text.count)
            return
        } else {
            mixedText(&text, 0..<text.count, otherText)
            return
        }
        put(replaced, &text, 0..<text.count)
    }

    /// Text that may carry SDP lines and candidates among other words — Chromium's older
    /// webrtc-internals values (`type: offer, sdp: v=0…`, `sdpMid: 0, …, candidate: candidate:…`),
    /// a log message: SDP lines and candidates by their grammar, the rest by ``scrub(_:_:_:)``
    /// with `scope`.
    mutating func mixedText(_ buffer: inout [UInt8], _ range: Range<Int>, _ scope: ScrubScope = .recognized) {
        let marker = Array("candidate:".utf8)
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            let line = BufferLine(buffer, from: cursor, to: range.upperBound)
            cursor = line.next
            let content = line.content
            if content.count >= 2, Glyph.isLower(buffer[content.lowerBound]),
                buffer[content.lowerBound + 1] == UInt8(ascii: "=")
            {
                unknownLine(&buffer, content)
                continue
            }
            var candidate: Int?
            var index = content.lowerBound
            // `candidate:` right before a foundation, not the label `candidate: ` before it.
            while candidate == nil, index + marker.count < content.upperBound {
                if buffer[index..<(index + marker.count)].elementsEqual(marker),
                    !Glyph.isSpace(buffer[index + marker.count])
                {
                    candidate = index
                }
                index += 1
            }
            guard let start = candidate else {
                scrub(&buffer, content, scope)
                continue
            }
            scrub(&buffer, content.lowerBound..<start, scope)
            self.candidate(&buffer, (start + marker.count)..<content.upperBound)
        }
    }

    /// A number named like an SSRC, a candidate foundation, a port, a credential, an id or a
    /// person's (a phone number, a user id).
    private mutating func number(_ run: inout [UInt8], key: String?) {
        let lowered = key?.lowercased() ?? ""
        let text = Glyph.text(run)
        if Self.ssrcMembers.contains(lowered) || Self.secretMembers.contains(lowered)
            || Self.idMembers.contains(lowered) || (lowered == "foundation" && run.count >= 4)
        {
            put(token(text), &run, 0..<run.count)
        } else if Self.portMembers.contains(lowered) {
            put(portText(text), &run, 0..<run.count)
        }
    }

    // MARK: Stats ids

    /// A stats id, or the id that starts a webrtc-internals stat name (`<id>-<stat>`).
    /// Chrome's ids carry what they describe: `CF<fingerprint>` (certificate), `CP<local>_<remote>`
    /// (candidate pair), `I<candidate id>`, `IT01A<ssrc>`/`OT01V<ssrc>` (RTP streams),
    /// `RIA<ssrc>`/`ROV<ssrc>` (remote RTP streams); those parts are replaced as everywhere
    /// else. Other ids (Firefox's random hex, UUIDs) are replaced whole when `whole`; Chrome's
    /// structural ids (`T01`, `P`, `AP`, `D1`, `SA1`, codec ids) are kept.
    mutating func statsID(_ text: inout [UInt8], whole: Bool) {
        let count = text.count
        func run(from start: Int, while accept: (UInt8) -> Bool) -> Int {
            var stop = start
            while stop < count && accept(text[stop]) { stop += 1 }
            return stop
        }
        func isIDByte(_ byte: UInt8) -> Bool {
            Glyph.isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
        func replace(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            put(token(Glyph.text(text[range])), &text, range)
        }
        guard count >= 2 else { return }
        let first = text[0]
        let second = text[1]
        if first == UInt8(ascii: "C") && second == UInt8(ascii: "F") {
            let stop = run(from: 2) { Glyph.isHex($0) || $0 == UInt8(ascii: ":") }
            if Self.isFingerprint(Array(text[2..<stop])) {
                put(token(Glyph.text(text[2..<stop]), sweep: false), &text, 2..<stop)
            }
            return
        }
        if first == UInt8(ascii: "C") && second == UInt8(ascii: "P") {
            let local = run(from: 2, while: isIDByte)
            guard local < count, text[local] == UInt8(ascii: "_") else { return }
            let remote = run(from: local + 1, while: isIDByte)
            replace(2..<local)
            replace((local + 1)..<remote)
            return
        }
        if first == UInt8(ascii: "I") || first == UInt8(ascii: "O"), second == UInt8(ascii: "T") {
            // RTP stream: I|O, T<transport digits>, A|V, <ssrc>.
            let transport = run(from: 2, while: Glyph.isDigit)
            if transport > 2, transport < count,
                text[transport] == UInt8(ascii: "A") || text[transport] == UInt8(ascii: "V")
            {
                let ssrc = run(from: transport + 1, while: Glyph.isDigit)
                if ssrc > transport + 1, ssrc == count || text[ssrc] == UInt8(ascii: "-") {
                    replace((transport + 1)..<ssrc)
                    return
                }
            }
        }
        if first == UInt8(ascii: "R"), second == UInt8(ascii: "I") || second == UInt8(ascii: "O"), count > 3,
            text[2] == UInt8(ascii: "A") || text[2] == UInt8(ascii: "V")
        {
            let ssrc = run(from: 3, while: Glyph.isDigit)
            if ssrc > 3, ssrc == count || text[ssrc] == UInt8(ascii: "-") {
                replace(3..<ssrc)
                return
            }
        }
        if first == UInt8(ascii: "I") {
            let stop = run(from: 1, while: isIDByte)
            if stop == 9, stop == count || text[stop] == UInt8(ascii: "-") {
                replace(1..<stop)
                return
            }
        }
        guard whole else { return }
        let value = Glyph.text(text)
        if Self.isStructuralStatsID(value) { return }
        put(token(value), &text, 0..<count)
    }

    /// Chrome's ids that name a kind of object, not an instance: `T01`, `P`, `AP`, `D1`,
    /// `SA1`, `SV2`, codec ids `CIT01_111_…`.
    static func isStructuralStatsID(_ value: String) -> Bool {
        let utf8 = Array(value.utf8)
        if value == "P" || value == "AP" { return true }
        if let first = utf8.first, first == UInt8(ascii: "T") || first == UInt8(ascii: "D") {
            return utf8.count > 1 && utf8.dropFirst().allSatisfy(Glyph.isDigit)
        }
        if value.hasPrefix("SA") || value.hasPrefix("SV") {
            return utf8.count > 2 && utf8.dropFirst(2).allSatisfy(Glyph.isDigit)
        }
        return value.hasPrefix("CIT") || value.hasPrefix("COT")
    }
}
