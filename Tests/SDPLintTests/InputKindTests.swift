import Foundation
import TestSupport
import Testing

/// `sdplint check` on the inputs besides SDP: Jingle stanzas, SIP messages and traces.
@Suite struct InputKindTests {
    @Test func aJingleStanzaIsCheckedAsXMLAndAsTheDescriptionItCarries() throws {
        let run = try Executable.run("sdplint", ["check", "Fixtures/corpus/jingle/chromium.audio-video.offer.xml"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("chromium.audio-video.offer.xml:1:739: error[JINGLE201]"))
        #expect(run.standardOutput.contains("chromium.audio-video.offer.xml: session-initiate as SDP line 18:1: info[WEB111]"))
        let clean = try Executable.run("sdplint", ["check", "Fixtures/jingle/session-initiate.xml"])
        #expect(clean.status == 0, "\(clean.standardOutput)")
    }

    @Test(arguments: ["billion-laughs", "truncated", "invalid-utf8", "foreign-root"])
    func hostileXMLFailsWithItsFinding(_ name: String) throws {
        let expected = try Fixture(path: "jingle/invalid/\(name).expected").text()
            .split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        let (position, code) = try #require(expected.flatMap { line -> (String, String)? in
            let parts = line.split(separator: " ")
            return parts.count >= 2 ? (String(parts[0]), String(parts[1])) : nil
        })
        let run = try Executable.run("sdplint", ["check", "Fixtures/jingle/invalid/\(name).xml"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("\(name).xml:\(position): error[\(code)]"), "\(run.standardOutput)")
    }

    @Test func aSIPTraceOfSeveralMessagesIsFramedAsAStream() throws {
        let names = ["01-request-invite", "02-response-100-invite", "03-response-180-invite", "04-response-200-invite", "05-request-ack"]
        var trace = Data()
        for name in names { trace += try Data(contentsOf: Fixture(path: "corpus/sipp/uac-uas-udp.\(name).sip").url) }
        let run = try Executable.run("sdplint", ["check", "-"], input: trace)
        #expect(run.status == 0, "\(run.standardOutput)")
        let broken = String(decoding: trace, as: UTF8.self).replacingOccurrences(of: "CSeq: 1 ACK", with: "CSeq: 1 BYE")
        let mismatch = try Executable.run("sdplint", ["check", "-"], input: Data(broken.utf8))
        #expect(mismatch.standardOutput.contains("SIP202"), "\(mismatch.standardOutput)")
    }
}
