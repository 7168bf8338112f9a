import Foundation
import SDPLint
import SDPLintCapture
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling
import SDPLintTestSupport
import Testing

/// `sdplint timeline` of SIP — files, SIPp logs and packet captures — as a call-flow ladder:
/// every request and response in order, between the parties, with what each carries and the
/// findings against it.
@Suite struct LadderTests {
    /// The ladder's rows of a timeline's text: the lines with an arrow or lifelines.
    static func rows(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains("│") }
    }

    @Test func aSIPFileShowsEveryMessageBetweenCallerAndCallee() throws {
        let run = try Executable.run("sdplint", ["timeline", "-"], input: try SignalingInputTests.sippCall())
        #expect(run.status == 0)
        let text = run.standardOutput
        #expect(text.contains("Call-ID 1-"), "a SIP dialog is named by its Call-ID, as in a capture: \(text)")
        #expect(text.contains("  #  sipp@127.0.0.1:5061     service@127.0.0.1:5070"), "\(text)")
        // Requests go from the caller (the From of the INVITE) to the callee; responses back.
        let expected = [
            ("1", "─ INVITE ─", "▶│", "offer #0 audio sendrecv"),
            ("2", "─ 100 Trying ─", "│◀", ""),
            ("3", "─ 180 Ringing ─", "│◀", ""),
            ("4", "─ 200 OK ─", "│◀", "answer #0 audio sendrecv PCMU/8000  warning[OA109]"),
            ("5", "─ ACK ─", "▶│", ""),
            ("6", "─ BYE ─", "▶│", "session: hang-up"),
            ("7", "─ 200 OK ─", "│◀", ""),
        ]
        let rows = Self.rows(text)
        try #require(rows.count == expected.count, "\(rows)")
        for (row, (number, label, arrow, words)) in zip(rows, expected) {
            #expect(row.hasPrefix("  \(number)  │"), "\(row)")
            #expect(
                row.contains(label.replacingOccurrences(of: "─ ", with: " ").replacingOccurrences(of: " ─", with: " ")))
            #expect(row.contains(arrow), "\(row)")
            #expect(words.isEmpty ? row.hasSuffix("│") : row.hasSuffix(words), "\(row)")
        }
    }

    @Test func aSIPpLogShowsItsTimes() throws {
        let run = try Executable.run(
            "sdplint", ["timeline", "Fixtures/corpus/linphone/audio-ice/sipp-uas-trace_msg.log"])
        let rows = Self.rows(run.standardOutput)
        try #require(rows.count == 6, "\(run.standardOutput)")
        // The separators say 12:57:54.013733 for the INVITE and 12:58:00.865… for the BYE.
        #expect(rows[0].hasPrefix("  1  +0.000  │"), "\(rows[0])")
        #expect(rows[4].hasPrefix("  5  +6.852  │") && rows[4].contains(" BYE "), "\(rows[4])")
        #expect(SIPpTraceLog.time(Array("----- 1970-01-02 00:00:01.5".utf8)[...]) == 86_401_500)
        #expect(SIPpTraceLog.time(Array("----- 2026-02-30 00:00:00".utf8)[...]) != nil)
        #expect(SIPpTraceLog.time(Array("----- 2026-13-01 00:00:00".utf8)[...]) == nil)
        #expect(SIPpTraceLog.time(Array("-----------------".utf8)[...]) == nil)
    }

    @Test func aCaptureNumbersMessagesByFrameAndMarksTheirFindings() throws {
        let run = try Executable.run("sdplint", ["timeline", "Fixtures/pcap/sip-udp-fragmented.pcapng"])
        #expect(run.status == 1, "check fails on this capture's errors, and so does timeline")
        let rows = Self.rows(run.standardOutput)
        #expect(run.standardOutput.contains("  frame    time  127.0.0.1:5061     127.0.0.1:5060\n"))
        try #require(rows.count == 6, "\(run.standardOutput)")
        // The INVITE arrives in five fragments: its frame is the one that completes it.
        #expect(
            rows[0].hasPrefix("      5  +0.000  │───── INVITE ────▶│  offer #0 audio 0 sendrecv · #1 video 1 sendrecv"))
        // Marks: one per rule, errors first, with a count.
        #expect(rows[0].hasSuffix("error[SDP308] error[WEB113]×2 warning[OA108]"), "\(rows[0])")
        #expect(rows[2].contains("answer #0 audio 0 sendrecv PCMU/8000 · #1 video 1 rejected"), "\(rows[2])")
        #expect(rows[5].hasPrefix("     10  +0.107  │◀──── 200 OK ─────│"), "\(rows[5])")
    }

    @Test func aTrickleINFODrawsOneArrowForItsCandidates() throws {
        let run = try Executable.run("sdplint", ["timeline", "Fixtures/signaling/sip/delayed-offer-trickle.sip"])
        let rows = Self.rows(run.standardOutput)
        let info = try #require(rows.firstIndex { $0.contains(" INFO ") })
        #expect(rows[info].hasSuffix("candidate host udp 192.0.2.1:61764 (mid 0)"))
        #expect(rows[info + 1].hasSuffix("│  candidate host udp 198.51.100.2:61765 (mid 0)"))
        #expect(!rows[info + 1].contains("─"), "the second candidate of the same INFO has no arrow")
        // The 200 OK carries the offer (delayed offer, RFC 3261 §13.2.1) and goes to the caller.
        #expect(rows.contains { $0.contains("│◀──── 200 OK ─────│  offer #0 audio 0 sendrecv") }, "\(rows)")
    }

    @Test func theJSONGivesEachEventItsMessage() throws {
        let run = try Executable.run(
            "sdplint", ["timeline", "--format", "json", "Fixtures/signaling/sip/delayed-offer-trickle.sip"])
        let errors = try JSONSchema(named: "sdplint-timeline.schema.json").validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let root = try #require(JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let traces = try #require(root["traces"] as? [[String: Any]])
        let events = try #require(traces.first?["events"] as? [[String: Any]])
        let messages = events.compactMap { $0["message"] as? [String: Any] }
        #expect(messages.count == events.count, "every event of a SIP file came in a SIP message")
        let numbers = messages.compactMap { $0["number"] as? Int }
        #expect(numbers == [1, 2, 3, 4, 5, 5, 5, 6, 7, 8], "\(numbers)")
        #expect(messages.first?["label"] as? String == "INVITE")
        #expect(messages.first?["from"] as? String == "alice@192.0.2.1")
        #expect(messages.first?["to"] as? String == "bob@192.0.2.2")
        #expect(events.map { $0["operation"] as? String }.first == "INVITE")
        // The INVITE without SDP, the 180, and the 200s to the INFO and the BYE carry no signaling.
        #expect(events.filter { $0["kind"] as? String == "message" }.count == 4)
    }

    /// A UDP capture of these SIP messages, one frame each, at these seconds.
    static func capture(_ messages: [(text: String, fromAlice: Bool, second: UInt32)]) -> [UInt8] {
        let alice = SyntheticCapture.alice
        let proxy = SyntheticCapture.proxy
        var file: [UInt8] =
            [0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0] + [UInt8](repeating: 0, count: 8)
            + SyntheticCapture.le32(65535) + SyntheticCapture.le32(1)
        for (index, message) in messages.enumerated() {
            let (source, destination) = message.fromAlice ? (alice, proxy) : (proxy, alice)
            let (from, to) = message.fromAlice ? (49170, 5060) : (5060, 49170)
            let udp = SyntheticCapture.udp(source, destination, from, to, Array(message.text.utf8))
            let frame = SyntheticCapture.ethernet(SyntheticCapture.ipv4(source, destination, 17, udp, id: index + 1))
            file +=
                SyntheticCapture.le32(1_795_600_000 + message.second) + SyntheticCapture.le32(0)
                + SyntheticCapture.le32(UInt32(frame.count)) + SyntheticCapture.le32(UInt32(frame.count)) + frame
        }
        return file
    }

    static func message(_ startLine: String, callID: String, cseq: String, response: Bool = false) -> String {
        """
        \(startLine)\r
        Via: SIP/2.0/UDP 192.168.1.20:49170;branch=z9hG4bK\(callID)\(cseq.prefix(1))\r
        Max-Forwards: 70\r
        From: <sip:alice@example.com>;tag=a1\r
        To: <sip:registrar@example.com>\(response ? ";tag=r1" : "")\r
        Call-ID: \(callID)\r
        CSeq: \(cseq)\r
        Content-Length: 0\r
        \r

        """
    }

    @Test func aTransactionWithoutSignalingEndsWithinThirtyTwoSecondsOfItsFinalResponse() throws {
        let register = "REGISTER sip:example.com SIP/2.0"
        let bytes = Self.capture([
            (Self.message(register, callID: "reg1", cseq: "1 REGISTER"), true, 0),
            (Self.message("SIP/2.0 401 Unauthorized", callID: "reg1", cseq: "1 REGISTER", response: true), false, 0),
            // The retry with credentials, 1 s later, is the same registration.
            (Self.message(register, callID: "reg1", cseq: "2 REGISTER"), true, 1),
            (Self.message("SIP/2.0 200 OK", callID: "reg1", cseq: "2 REGISTER", response: true), false, 1),
            (Self.message("OPTIONS sip:example.com SIP/2.0", callID: "opt1", cseq: "1 OPTIONS"), true, 2),
            (Self.message("SIP/2.0 200 OK", callID: "opt1", cseq: "1 OPTIONS", response: true), false, 2),
            // The re-registration an hour later: its dialog was handed over long before.
            (Self.message(register, callID: "reg1", cseq: "3 REGISTER"), true, 3600),
            (Self.message("SIP/2.0 200 OK", callID: "reg1", cseq: "3 REGISTER", response: true), false, 3600),
        ])
        var delivered: [(name: String, labels: [String])] = []
        let decoder = try CaptureDecoder(bytes: bytes)
        _ = PacketCapture.stream(
            decoder, trace: { delivered.append(($0.name, $0.events.compactMap(\.wire?.label))) }, embedded: { _ in })
        #expect(delivered.map(\.name) == ["Call-ID reg1", "Call-ID opt1", "Call-ID reg1"], "\(delivered)")
        #expect(delivered.first?.labels == ["REGISTER", "401 Unauthorized", "REGISTER", "200 OK"])
        #expect(delivered.last?.labels == ["REGISTER", "200 OK"])
        let run = try Executable.run("sdplint", ["timeline", "-"], input: Data(bytes))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("<stdin>: packet capture (pcap), 3 connections\n"))
        #expect(run.standardOutput.contains("      2  +0.000  │◀─ 401 Unauthorized ───│\n"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("      7  +0.000  │──── REGISTER ────▶│\n"), "\(run.standardOutput)")
    }

    @Test func moreThanTwoPartiesEachGetAColumn() {
        func event(_ label: String, _ from: String, _ to: String, _ number: Int) -> SignalingTrace.Event {
            SignalingTrace.Event(
                kind: .wire, side: nil, operation: label, time: nil, context: "message \(number)",
                wire: WireMessage(label: label, session: "x", sender: from, receiver: to, number: number, line: number))
        }
        let trace = SignalingTrace(
            name: "Call-ID x",
            events: [
                event("INVITE", "alice", "proxy", 1), event("INVITE", "proxy", "bob", 2),
                event("200 OK", "bob", "proxy", 3), event("200 OK", "proxy", "alice", 4),
                event("OPTIONS", "bob", "bob", 5),
            ])
        let text = Timeline(trace).text()
        let rows = Self.rows(text)
        #expect(text.contains("  #  alice          proxy          bob\n"), "\(text)")
        #expect(rows[0] == "  1  │─── INVITE ──▶│              │", "\(rows[0])")
        #expect(rows[1] == "  2  │              │─── INVITE ──▶│", "\(rows[1])")
        #expect(rows[2] == "  3  │              │◀── 200 OK ───│", "\(rows[2])")
        #expect(rows[3] == "  4  │◀── 200 OK ───│              │", "\(rows[3])")
        #expect(rows[4] == "  5  │              │              │◀┘ OPTIONS", "\(rows[4])")
    }

    @Test func labelsFromTheInputAreEscapedAndCut() {
        let wire = WireMessage(
            label: "200 O\u{1B}]0;pwned\u{07}K", session: nil, sender: "a\u{1B}[31m",
            receiver: String(repeating: "b", count: 80),
            number: 1, line: 1)
        let trace = SignalingTrace(
            name: "Call-ID \u{1B}[2J",
            events: [SignalingTrace.Event(kind: .wire, side: nil, operation: "x", time: nil, context: "c", wire: wire)])
        let text = Timeline(trace).text()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(text)")
        #expect(text.contains("␛]0;pwned␇K"), "\(text)")
        #expect(text.contains(String(repeating: "b", count: 27) + "…"), "a long party is cut: \(text)")
    }
}
