import SDPLintDiagnostics
import SDPLintJingle
import Testing

/// The libxml2 reader: locations, limits and refusal of hostile input.
@Suite struct XMLParsingTests {
    @Test func readsElementsAttributesAndLocations() throws {
        let text =
            "<iq xmlns='jabber:client' type='set'>\n  <jingle xmlns='urn:xmpp:jingle:1' sid='x'>\n    <reason><text xml:lang='en'>a &amp; é</text></reason></jingle></iq>"
        let result = XMLTreeElement.parse(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let root = try #require(result.value)
        #expect(root.name == XMLName("iq", namespace: "jabber:client"))
        #expect(root.location?.line == 1 && root.location?.column == 1)
        let jingle = try #require(root.elements.first)
        #expect(jingle.location?.line == 2 && jingle.location?.column == 3)
        let reason = try #require(jingle.elements.first)
        #expect(reason.location?.line == 3 && reason.location?.column == 5)
        let textElement = try #require(reason.elements.first)
        #expect(textElement.text == "a & é")
        #expect(textElement.attributes.first?.name.namespace == "http://www.w3.org/XML/1998/namespace")
        #expect(root.children.count == 1, "white space between elements is dropped")
    }

    /// A namespace name is the declaring attribute's value with its references decoded, however
    /// libxml2 hands it over; written back, it reads the same.
    @Test(arguments: ["urn:x&amp;y", "urn:x&#38;y", "urn:x&#x26;y"])
    func namespaceReferencesAreDecoded(_ declared: String) throws {
        let root = try #require(XMLTreeElement.parse("<a xmlns='\(declared)'/>").value)
        #expect(root.name.namespace == "urn:x&y")
        let again = try #require(XMLTreeElement.parse(root.serialized()).value)
        #expect(again.name.namespace == "urn:x&y")
    }

    /// Attributes of a `<parameter/>` that the model does not know are kept and written back.
    @Test func unknownParameterAttributesSurviveARoundTrip() throws {
        let text = """
            <iq xmlns='jabber:client' id='a' type='set'><jingle xmlns='urn:xmpp:jingle:1' action='content-add' sid='s'>\
            <content creator='initiator' name='2'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='video'>\
            <payload-type id='98' name='VP9' clockrate='90000'><parameter name='profile-id' vazue='0'/></payload-type>\
            <rtp-hdrext xmlns='urn:xmpp:jingle:apps:rtp:rtp-hdrext:0' id='1' uri='urn:x'><parameter name='p' value='1' extra='e'/></rtp-hdrext>\
            </description></content></jingle></iq>
            """
        let stanza = try #require(Stanza.parse(text).value)
        let written = stanza.serialized()
        #expect(written.contains("vazue=\"0\"") && written.contains("extra=\"e\""))
        #expect(Stanza.parse(written).value == stanza)
    }
}
