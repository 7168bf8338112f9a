import Foundation
import SDPLintDiagnostics
import SDPLintJingle
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// The SDP ↔ Jingle mappings that XEP-0293, 0294, 0338 and 0339 publish as pairs of examples
/// (`Fixtures/standards/xep-*/mapping/`): each XEP's Jingle form, converted, gives the lines of
/// its SDP form. The XEPs print lone elements, so the test puts each in the smallest
/// session-initiate that carries it; the wrapper is ours, the element and the lines are theirs.
@Suite struct XEPMappingTests {
    /// The lines of an XEP's SDP form that start with one of `prefixes`, without the layout
    /// indentation some XEPs give them.
    func sdpLines(_ path: String, _ prefixes: [String]) throws -> [String] {
        try Fixture(path: "standards/" + path).text().split(separator: "\n")
            .map { $0.trimmingPrefix(while: { $0 == " " || $0 == "\t" }) }
            .map(String.init)
            .filter { line in prefixes.contains { line.hasPrefix($0) } }
    }

    /// `element` inside a session-initiate; `content` wraps it in a content first (with an
    /// ICE-UDP transport, so the section is not rejected) unless it is one already or a group.
    func converted(_ element: String, inContent: Bool = true, role: Role = .initiator) throws -> SessionDescription {
        let body =
            inContent
            ? """
            <content creator='initiator' name='webcam'>\(element)\
            <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='abcd' pwd='abcdefghijklmnopqrstuvwx'/>\
            </content>
            """
            : element
        let stanza = """
            <iq xmlns='jabber:client' type='set' id='mapping'>\
            <jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='mapping'>\(body)</jingle></iq>
            """
        let jingle = try #require(Stanza.parse(stanza).value?.jingle)
        return SessionDescription.converting(jingle, options: SDPConversionOptions(role: role)).description
    }

    func lines(of description: SessionDescription) -> Set<String> {
        Set(description.serialized().split(separator: "\r\n").map(String.init))
    }

    /// XEP-0294 §5: an extension's id and URI, its direction as `senders`, and
    /// extmap-allow-mixed. The XEP's pair maps a=extmap:2/recvonly to senders='initiator', which
    /// holds for the responder's description: the author receives what the initiator sends.
    @Test func xep0294HeaderExtensions() throws {
        let description = try Fixture(path: "standards/xep-0294/mapping/ex05-the-same-description-in-xmpp-format.xml")
            .text()
        let sdp = try converted(description, role: .responder)
        let expected = try sdpLines("xep-0294/mapping/ex04-sdp-fragment.txt", ["a=extmap"])
        #expect(expected.count == 4)
        #expect(Set(expected).isSubset(of: lines(of: sdp)), "\(sdp.serialized())")
    }

    /// XEP-0293 §4: feedback for every payload type (`a=rtcp-fb:*`), for one payload type, and
    /// trr-int. The XEP's Jingle form (Example 5) closes `<jingle>` early, so its contents are
    /// read as they are and converted directly.
    @Test func xep0293Feedback() throws {
        let stanza = Stanza.parse(
            try Fixture(path: "standards/xep-0293/ex05-the-same-description-in-xmpp-format.xml").text())
        let jingle = try #require(stanza.value?.jingle)
        let sdp = SessionDescription.converting(jingle).description
        let expected = try sdpLines("xep-0293/mapping/ex04-sdp-fragment.txt", ["a=rtcp-fb"])
        #expect(expected == ["a=rtcp-fb:* nack", "a=rtcp-fb:98 nack rpsi", "a=rtcp-fb:98 trr-int 100"])
        #expect(Set(expected).isSubset(of: lines(of: sdp)), "\(sdp.serialized())")
    }

    /// XEP-0338 §2: a group's semantics and the names of its contents.
    @Test func xep0338Group() throws {
        let group = try Fixture(path: "standards/xep-0338/mapping/jingle-example.xml").text()
        let contents = ["voice", "webcam"].map { name in
            """
            <content creator='initiator' name='\(name)'>\
            <description xmlns='urn:xmpp:jingle:apps:rtp:1' media='\(name == "voice" ? "audio" : "video")'>\
            <payload-type id='0' name='PCMU' clockrate='8000'/></description>\
            <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='abcd' pwd='abcdefghijklmnopqrstuvwx'/>\
            </content>
            """
        }
        let sdp = try converted(group + contents.joined(), inContent: false)
        let expected = try sdpLines("xep-0338/mapping/sdp-example.txt", ["a=group"])
        #expect(expected == ["a=group:LS voice webcam"])
        #expect(Set(expected).isSubset(of: lines(of: sdp)), "\(sdp.serialized())")
    }

    /// XEP-0339 §3: ssrc-group and source elements with their parameters. The XEP writes the
    /// content in the pre-standard namespace `http://jabber.org/protocols/jingle`; its
    /// description is taken out of it as it is.
    @Test func xep0339Sources() throws {
        let content = try Fixture(path: "standards/xep-0339/mapping/jingle-example.xml").text()
        let start = try #require(content.range(of: "<description"))
        let end = try #require(content.range(of: "</description>"))
        let sdp = try converted(String(content[start.lowerBound..<end.upperBound]))
        let expected = try sdpLines("xep-0339/mapping/sdp-example.txt", ["a=ssrc", "a=rtpmap"])
        #expect(expected.count == 7)
        #expect(Set(expected).isSubset(of: lines(of: sdp)), "\(sdp.serialized())")
        // And back: the SDP form gives the XEP's elements.
        let back = Jingle.converting(sdp).jingle
        let rtp = try #require(back.contents.first?.rtp)
        #expect(rtp.sourceGroups.map(\.ssrcs) == [[2_301_230_316, 386_328_120], [3_139_499_595, 2_613_715_171]])
    }
}
