import Diagnostics
import Jingle
import Testing

/// The libxml2 reader: locations, limits and refusal of hostile input.
@Suite struct XMLParsingTests {
    @Test func readsElementsAttributesAndLocations() throws {
        let text = "<iq xmlns='jabber:client' type='set'>\n  <jingle xmlns='urn:xmpp:jingle:1' sid='x'>\n    <reason><text xml:lang='en'>a &amp; é</text></reason></jingle></iq>"
        let result = XMLElement.parse(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let root = try #require(result.root)
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
}
