public import SDPLintDiagnostics

/// Every check the Jingle module makes, with its stable code.
///
/// `JINGLE1xx` are XML-level findings (well-formedness, the XMPP restrictions on XML, the
/// limits that keep hostile input cheap, schema validity), `JINGLE2xx` Jingle semantics
/// (XEP-0166 and the application and transport formats), and `JINGLE3xx` what a conversion
/// between SDP and Jingle could not carry. Codes are never reused.
public enum JingleRules {
    // MARK: XML (JINGLE1xx)

    public static let emptyInput = Rule(
        code: "JINGLE100", name: "empty-input", severity: .error,
        severityRationale:
            """
            Error: a stanza is one XML element (RFC 6120 §8), and an empty or blank input holds none, so there is \
            nothing to process.
            """,
        summary: "The input holds no XML element.",
        explanation: "A stanza is one XML element. The input is empty or holds only white space.",
        reference: .rfc(6120, "8"), bad: "", good: "<iq type='set' id='1'/>")

    public static let xmlSyntax = Rule(
        code: "JINGLE101", name: "xml-syntax", severity: .error,
        severityRationale:
            """
            Error: XMPP carries only well-formed XML (RFC 6120 §11.1) and a receiving server closes the stream with \
            <not-well-formed/>, so the stanza never arrives. What libxml2 only warns about (the document is still \
            well-formed) is a warning.
            """,
        summary: "The input is not well-formed XML.",
        explanation:
            """
            libxml2 stopped at a well-formedness error: an unclosed or mismatched tag, an unquoted attribute, an \
            undeclared entity, a stray '<' or '&'. A receiving XMPP server closes the stream with \
            <not-well-formed/>.
            """,
        reference: .rfc(6120, "11.1"), bad: "<iq><jingle></iq>", good: "<iq><jingle/></iq>")

    public static let doctypeForbidden = Rule(
        code: "JINGLE102", name: "doctype-forbidden", severity: .error,
        severityRationale:
            """
            Error: RFC 6120 §11.1 bars document type declarations from XMPP, and they are the vehicle of entity \
            attacks, so the input is refused at the DOCTYPE and nothing after it is read.
            """,
        summary: "The input has a document type declaration (DTD).",
        explanation:
            """
            XMPP forbids DTDs and entity declarations, and they are how XML external entity (XXE) and \
            entity-expansion (\"billion laughs\") attacks work. The parser refuses the input at the DOCTYPE, \
            before any entity is declared, loaded or expanded.
            """,
        reference: .rfc(6120, "11.1"), bad: "<!DOCTYPE iq [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>", good: "<iq/>")

    public static let inputTooLarge = Rule(
        code: "JINGLE103", name: "input-too-large", severity: .error,
        severityRationale:
            """
            Error: the input is refused before it is read, so nothing in it is checked, and servers that enforce a \
            similar limit (RFC 6120 §13.12) would refuse it too.
            """,
        summary: "The input is larger than the configured limit.",
        explanation:
            """
            Stanzas are small; the parser refuses input above `XMLParseOptions.maxBytes` before reading it, so a \
            hostile peer cannot make it allocate without bound. XMPP servers enforce a similar limit (RFC 6120 \
            §13.12).
            """,
        reference: .rfc(6120, "13.12"))

    public static let nestingTooDeep = Rule(
        code: "JINGLE104", name: "nesting-too-deep", severity: .error,
        severityRationale:
            """
            Error: the parser stops at the depth limit so that hostile input cannot exhaust the stack (RFC 6120 \
            §13.12), so the rest of the input is neither read nor checked.
            """,
        summary: "Elements are nested deeper than the configured limit.",
        explanation:
            """
            A Jingle stanza nests about seven elements deep. The parser stops at `XMLParseOptions.maxDepth`, so \
            deeply nested input cannot exhaust the stack of this or any later reader.
            """,
        reference: .rfc(6120, "13.12"))

    public static let tooManyElements = Rule(
        code: "JINGLE105", name: "too-many-elements", severity: .error,
        severityRationale:
            """
            Error: the parser stops at the element limit so that hostile input stays cheap (RFC 6120 §13.12), so the \
            rest of the input is neither read nor checked.
            """,
        summary: "The input has more elements than the configured limit.",
        explanation:
            "The parser stops after `XMLParseOptions.maxElements` elements, so the tree it builds stays bounded.",
        reference: .rfc(6120, "13.12"))

    public static let invalidUTF8 = Rule(
        code: "JINGLE106", name: "invalid-utf8", severity: .error,
        severityRationale:
            """
            Error: XMPP streams are UTF-8 (RFC 6120 §11.6), so bytes that are not valid UTF-8 cannot form a valid \
            stanza and cannot be read as one.
            """,
        summary: "The input is not UTF-8.",
        explanation:
            """
            XMPP streams are UTF-8 (RFC 6120 §11.6); the parser reads every input as UTF-8 whatever its XML \
            declaration says.
            """,
        reference: .rfc(6120, "11.6"))

    public static let restrictedXML = Rule(
        code: "JINGLE107", name: "restricted-xml", severity: .warning,
        severityRationale:
            """
            Warning: RFC 6120 §11.1 keeps comments and processing instructions out of XMPP and a server may close the \
            stream on one, but they carry no meaning, so the stanza is read with them skipped.
            """,
        summary: "The input has a comment or a processing instruction.",
        explanation:
            """
            XMPP restricts XML: comments and processing instructions must not appear in a stream, and a server may \
            close the stream when it sees one. They are skipped.
            """,
        reference: .rfc(6120, "11.1"), bad: "<iq><!-- hi --></iq>", good: "<iq/>")

    public static let schemaViolation = Rule(
        code: "JINGLE108", name: "schema-violation", severity: .error,
        severityRationale:
            """
            Error: the XML breaks the schema it was checked against (XEP-0166 §14 for Jingle), so an element or value \
            is not one a receiver is defined to accept.
            """,
        summary: "The XML does not conform to the XML schema it was checked against.",
        explanation:
            """
            libxml2's XML Schema validator reported an element or attribute the schema does not allow, or a value \
            outside its type.
            """,
        reference: .xep(166, "14"))

    public static let namespaceError = Rule(
        code: "JINGLE109", name: "namespace-error", severity: .error,
        severityRationale:
            """
            Error: XMPP requires namespace-aware XML (RFC 6120 §11.2); an undeclared prefix leaves the element without \
            a namespace, so no receiver can tell what it means. What libxml2 only warns about, a relative namespace \
            name (deprecated, not forbidden, by Namespaces in XML 1.0 §2.2), is a warning.
            """,
        summary: "A prefix is used without a namespace declaration, or a namespace name is invalid.",
        explanation:
            """
            Every prefix must be declared (Namespaces in XML 1.0 §5). An element with an undeclared prefix has no \
            namespace, so no reader can tell what it means.
            """,
        reference: .rfc(6120, "11.2"), bad: "<j:jingle/>", good: "<jingle xmlns='urn:xmpp:jingle:1'/>")

    public static let tooManyFindings = Rule.tooManyFindings(
        code: "JINGLE110", severity: .info, reference: .rfc(6120, "13.12"))

    // MARK: Jingle semantics (JINGLE2xx)

    public static let unexpectedRoot = Rule(
        code: "JINGLE200", name: "unexpected-root", severity: .error,
        severityRationale:
            """
            Error: Jingle travels only in iq or message stanzas of jabber:client or jabber:server (RFC 6120 §8, \
            XEP-0166 §7), so any other root is not a stanza a Jingle receiver can process.
            """,
        summary: "The root element is not an XMPP iq or message stanza (or a bare Jingle element).",
        explanation:
            """
            Jingle actions travel in <iq type='set'> (XEP-0166 §7) and Jingle Message Initiation in <message> \
            (XEP-0353); the stanza namespace is jabber:client or jabber:server. A root in another namespace, or \
            another element, is not something this reader knows.
            """,
        reference: .rfc(6120, "8"), bad: "<iq xmlns='urn:example'/>",
        good: "<iq xmlns='jabber:client' type='set' id='1'/>")

    public static let missingAttribute = Rule(
        code: "JINGLE201", name: "missing-attribute", severity: .error,
        severityRationale:
            """
            Error: XEP-0166 §7.1 and the other Jingle XEPs make the attribute mandatory; without it, such as a missing \
            sid or candidate address, the receiver has nothing to act on and rejects the element.
            """,
        summary: "A required attribute is missing.",
        explanation:
            """
            The XEP that defines the element requires the attribute: sid and action on <jingle>, creator and name \
            on <content>, id on <payload-type>, the address, port, priority and type of a <candidate>, and so on.
            """,
        reference: .xep(166, "7.1"), bad: "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate'/>",
        good: "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='a73sjjvkla37jfea'/>")

    public static let invalidAttributeValue = Rule(
        code: "JINGLE202", name: "invalid-attribute-value", severity: .error,
        severityRationale:
            """
            Error: a value outside the type the XEP defines (XEP-0166 §7.1) cannot be used; the element is kept but \
            its value is lost, so what it selects cannot be negotiated.
            """,
        summary: "An attribute's value is not of the type the XEP defines.",
        explanation:
            """
            A number that is not a number or is out of range, a value outside an enumeration (creator, senders, \
            setup, candidate type), or an empty value where one is required. The element is kept; the value is not \
            used.
            """,
        reference: .xep(166, "7.1"), bad: "<payload-type id='opus'/>", good: "<payload-type id='111' name='opus'/>")

    public static let unknownAction = Rule(
        code: "JINGLE203", name: "unknown-action", severity: .warning,
        severityRationale:
            """
            Warning: the action is outside the list of XEP-0166 §7.2 and the receiver answers it with <bad-request/>, \
            but the rest of the stanza is still read and checked.
            """,
        summary: "The Jingle action is not one XEP-0166 defines.",
        explanation:
            """
            XEP-0166 §7.2 lists the actions; a receiver answers any other with <bad-request/> and \
            <unsupported-info/>.
            """,
        reference: .xep(166, "7.2"), bad: "action='session-start'", good: "action='session-initiate'")

    public static let missingPayload = Rule(
        code: "JINGLE204", name: "missing-payload", severity: .warning,
        severityRationale:
            """
            Warning: RFC 6120 §8.2.3 gives an iq of type set exactly one payload, and here it is not Jingle (nor is a \
            message's payload Jingle Message Initiation), so the stanza has nothing Jingle in it to check or convert.
            """,
        summary: "An <iq type='set'> carries no <jingle> element, or a message no Jingle Message Initiation element.",
        explanation:
            """
            An iq of type set carries exactly one payload (RFC 6120 §8.2.3); for Jingle it is the <jingle> element. \
            A <message> takes part in a Jingle session through the elements of XEP-0353 (propose, ringing, proceed, \
            accept, reject, retract, finish); one with none of them, such as a call invite of XEP-0482, is not read.
            """,
        reference: .rfc(6120, "8.2.3"))

    public static let duplicateContent = Rule(
        code: "JINGLE205", name: "duplicate-content", severity: .error,
        severityRationale:
            """
            Error: a content is identified by its creator and name (XEP-0166 §7.3); two with the same pair cannot be \
            told apart, and a converted SDP would have two sections with one mid.
            """,
        summary: "Two contents of one Jingle element have the same creator and name.",
        explanation:
            """
            A content is identified by its creator and name (XEP-0166 §7.3); two with the same pair cannot be told \
            apart, and a converted SDP would have two sections with the same mid.
            """,
        reference: .xep(166, "7.3"))

    public static let duplicateElement = Rule(
        code: "JINGLE206", name: "duplicate-element", severity: .warning,
        severityRationale:
            """
            Warning: XEP-0166 §7.3 allows a content one description and one transport; only the first copy is read, so \
            the session can go on, but whatever the extra copies held is ignored.
            """,
        summary: "An element that may appear once appears again.",
        explanation:
            """
            A content has one description and one transport (XEP-0166 §7.3), a description one <rtcp-mux/>, \
            <encryption> and <bandwidth> (XEP-0167 §8). Only the first is read; the others are kept as unknown \
            elements.
            """,
        reference: .xep(166, "7.3"))

    public static let unknownGroupMember = Rule(
        code: "JINGLE207", name: "unknown-group-member", severity: .warning,
        severityRationale:
            """
            Warning: a group naming a content the session lacks (XEP-0338 §3) cannot be applied as written, but the \
            contents that exist are still read and negotiated.
            """,
        summary: "A group names a content the Jingle element does not have.",
        explanation:
            """
            Each <content name> of an XEP-0338 group refers to a content of the session; a BUNDLE group naming an \
            absent content cannot be applied.
            """,
        reference: .xep(338, "3"))

    public static let missingReasonCondition = Rule(
        code: "JINGLE208", name: "missing-reason-condition", severity: .warning,
        severityRationale:
            """
            Warning: XEP-0166 §7.4 gives every reason one condition, so the peer cannot tell why the session ends or \
            changes, but the action itself still takes effect.
            """,
        summary: "A <reason> element has no condition.",
        explanation:
            """
            A reason carries exactly one condition element, such as <success/> or <decline/>, optionally with \
            <text/> (XEP-0166 §7.4).
            """,
        reference: .xep(166, "7.4"), bad: "<reason><text>bye</text></reason>",
        good: "<reason><success/><text>bye</text></reason>")

    public static let unknownInKnownNamespace = Rule(
        code: "JINGLE209", name: "unknown-element", severity: .info,
        severityRationale:
            """
            Note: the element or attribute is not defined by its XEP (XEP-0166 §7 and the application formats), but it \
            is kept and written back as it is; only no typed value is read from it.
            """,
        summary: "An element or attribute of a known Jingle namespace is not one its XEP defines.",
        explanation: "It is kept as written and written back, but no typed value is read from it.",
        reference: .xep(166, "7"))

    public static let noConvertibleContent = Rule(
        code: "JINGLE210", name: "unconvertible-content", severity: .error,
        severityRationale:
            """
            Error: without an XEP-0167 RTP description or a data channel transport the content has no SDP media \
            section (XEP-0167 §6), so the conversion cannot carry it.
            """,
        summary: "A content has neither an RTP description nor a data channel transport, so it has no SDP form.",
        explanation:
            """
            An SDP media section is made from an XEP-0167 RTP description, or from a data channel transport \
            (XEP-0343 sctpmap or a webrtc-datachannel transport). Other applications (file transfer, …) have no \
            SDP mapping.
            """,
        reference: .xep(167, "6"))

    // MARK: Conversion losses (JINGLE3xx)

    public static let droppedSessionField = Rule(
        code: "JINGLE300", name: "dropped-session-field", severity: .info,
        severityRationale:
            """
            Note: Jingle names a session by its sid and has no place for o=, s=, t= and the other descriptive lines \
            (XEP-0167 §6); the SDP written back gets defaults, which is information only.
            """,
        summary: "A session-level SDP line has no Jingle form.",
        explanation:
            """
            Jingle identifies a session by its sid and has no origin (o=), session name (s=), timing (t=, r=, z=), \
            session bandwidth (b=) or the other descriptive lines. They are dropped; the SDP written back from \
            Jingle has defaults.
            """,
        reference: .xep(167, "6"))

    public static let droppedAttribute = Rule(
        code: "JINGLE301", name: "dropped-attribute", severity: .warning,
        severityRationale:
            """
            Warning: no XEP maps the attribute (XEP-0167 §6 has no form for it), so the behaviour it selects is lost \
            unless both sides agree on it some other way.
            """,
        summary: "An SDP attribute has no Jingle form and is dropped.",
        explanation:
            """
            No XEP (and no widespread implementation) maps the attribute: a=ice-options, a=ice-lite, \
            a=bundle-only, a=rtcp-rsize, a=rtcp-mux-only, a=rtcp-xr, a=end-of-candidates, a=msid-semantic, \
            a=framerate, a=tls-id and others. Both sides must agree on them some other way, or the behaviour they \
            select is lost (rtcweb-wg/jsep#637).
            """,
        reference: .xep(167, "6"))

    public static let droppedTransportAddress = Rule(
        code: "JINGLE302", name: "dropped-transport-address", severity: .info,
        severityRationale:
            """
            Note: ICE-UDP carries the candidates themselves (XEP-0176 §5), and m=, c= and a=rtcp only repeat a default \
            one, so nothing needed is lost; the SDP written back uses placeholders.
            """,
        summary: "An m= port, c= address or a=rtcp line is not carried.",
        explanation:
            """
            ICE-UDP transports carry candidates, not the default candidate that m=, c= and a=rtcp repeat (RFC 8839 \
            §4.2.1.2); the SDP written back uses the placeholders 9 and 0.0.0.0 of RFC 8840 §4.1.1.1.
            """,
        reference: .xep(176, "5"))

    public static let droppedCandidateExtension = Rule(
        code: "JINGLE303", name: "dropped-candidate-extension", severity: .info,
        severityRationale:
            """
            Note: XEP-0176 §5.1 has no attribute for extensions such as network-cost or ufrag, so they are dropped, \
            while the candidate's address, port, priority and type are carried whole.
            """,
        summary: "A candidate extension attribute has no XEP-0176 attribute.",
        explanation:
            """
            XEP-0176 candidates have generation, network (libwebrtc's network-id), tcptype, rel-addr and rel-port; \
            other extensions such as network-cost and ufrag are dropped.
            """,
        reference: .xep(176, "5.1"))

    public static let droppedPart = Rule(
        code: "JINGLE304", name: "dropped-part", severity: .warning,
        severityRationale:
            """
            Warning: the mapping in use carries only part of the attribute (XEP-0339 §2), so the rest, such as receive \
            rids or simulcast alternatives, is lost and what it selects does not reach the peer.
            """,
        summary: "Part of an SDP attribute has no Jingle form.",
        explanation:
            """
            The mapping in use carries the attribute only in part: rid restrictions and receive rids, simulcast \
            alternatives, paused streams and receive lists (the Jitsi rid mapping carries send rids only), \
            media-level b= beyond the one XEP-0167 allows, and the like.
            """,
        reference: .xep(339, "2"))

    public static let droppedSection = Rule(
        code: "JINGLE305", name: "dropped-section", severity: .warning,
        severityRationale:
            """
            Warning: a rejected data channel section, or one that is neither RTP nor SCTP, has no Jingle content \
            (XEP-0166 §7.3), so it is left out while the other sections are converted.
            """,
        summary: "A whole media section has no Jingle form.",
        explanation:
            """
            A rejected data channel section (port 0) has neither a description nor a transport to carry it, and a \
            media section that is neither RTP nor SCTP has no XEP at all.
            """,
        reference: .xep(166, "7.3"))

    public static let droppedJingleElement = Rule(
        code: "JINGLE306", name: "dropped-jingle-element", severity: .info,
        severityRationale:
            """
            Note: candidate ids, content creators, unknown elements and the like have no SDP line to go to (XEP-0167 \
            §6), so they are dropped when Jingle becomes SDP; this is information only.
            """,
        summary: "Something in the Jingle element has no SDP form.",
        explanation:
            """
            Candidate ids, content creators and dispositions, unknown elements and attributes, rtp-hdrext \
            parameters and reason elements have no SDP line and are dropped when Jingle becomes SDP.
            """,
        reference: .xep(167, "6"))

    /// Every rule, in code order.
    public static let all: [Rule] = [
        emptyInput, xmlSyntax, doctypeForbidden, inputTooLarge, nestingTooDeep, tooManyElements, invalidUTF8,
        restrictedXML, schemaViolation, namespaceError, tooManyFindings,
        unexpectedRoot, missingAttribute, invalidAttributeValue, unknownAction, missingPayload, duplicateContent,
        duplicateElement, unknownGroupMember, missingReasonCondition, unknownInKnownNamespace, noConvertibleContent,
        droppedSessionField, droppedAttribute, droppedTransportAddress, droppedCandidateExtension, droppedPart,
        droppedSection, droppedJingleElement,
    ]
}

extension JingleRules: RuleSet {
    public static let title = "XMPP Jingle stanzas and SDP ↔ Jingle conversion (XEP-0166 family)"
}
