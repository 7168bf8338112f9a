public import SDPLintDiagnostics
import SDPLintSDP
import SDPLintScanning

extension Stanza {
    /// Parses an `<iq/>` or `<message/>` stanza carrying Jingle from XML text.
    ///
    /// Never throws and never traps: malformed XML, a DTD, a foreign namespace or a missing
    /// attribute becomes a diagnostic with the line and column of the element concerned.
    /// Unknown elements and attributes are kept in the model and written back.
    ///
    /// XEP-0166 §7 <https://xmpp.org/extensions/xep-0166.html#def>
    ///
    /// - Parameters:
    ///   - text: The stanza.
    ///   - options: Limits and strictness.
    /// - Returns: The stanza as far as it could be read, or `nil` when the XML is not well-formed
    ///   or the root is not a stanza; every finding; and the text they point into.
    /// - Complexity: O(*n*) in the size of the input.
    public static func parse(_ text: String, options: XMLParseOptions = .lenient) -> ParseResult<Stanza?> {
        parse(bytes: Array(text.utf8), options: options)
    }

    /// Parses stanza bytes (UTF-8); see ``parse(_:options:)``.
    ///
    /// - Parameters:
    ///   - bytes: The stanza.
    ///   - options: Limits and strictness.
    /// - Returns: The stanza or `nil`, every finding, and the bytes they point into.
    /// - Complexity: O(*n*) in the size of the input.
    public static func parse(bytes: [UInt8], options: XMLParseOptions = .lenient) -> ParseResult<Stanza?> {
        let xml = XMLTreeElement.parse(bytes: bytes, options: options)
        guard let root = xml.value else { return xml.map { _ in nil } }
        var reader = StanzaReader(strict: options.strict, limit: options.maxDiagnostics)
        let stanza = reader.stanza(root)
        return ParseResult(value: stanza, diagnostics: xml.diagnostics + reader.finish(), source: xml.source)
    }

    /// Parses a stanza, throwing when it has an error.
    ///
    /// - Parameters:
    ///   - text: The stanza.
    ///   - options: Limits and strictness.
    /// - Throws: `ParseError` with every finding and the stanza as far as it could be read.
    /// - Complexity: O(*n*) in the size of the input.
    public init(parsing text: String, options: XMLParseOptions = .lenient) throws(ParseError<Stanza?>) {
        self = try Self.parse(text, options: options).unwrapped(
            missing: JingleRules.emptyInput.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the input holds no stanza"))
    }

    /// Reads a stanza from an element tree.
    public init?(element: XMLTreeElement, diagnostics: inout [Diagnostic]) {
        var reader = StanzaReader(strict: false, limit: 1000)
        guard let stanza = reader.stanza(element) else {
            diagnostics += reader.finish()
            return nil
        }
        diagnostics += reader.finish()
        self = stanza
    }
}

extension Jingle {
    /// Reads a `<jingle/>` element tree, reporting problems to `diagnostics`.
    public init?(element: XMLTreeElement, diagnostics: inout [Diagnostic]) {
        var reader = StanzaReader(strict: false, limit: 1000)
        let jingle = reader.jingle(element)
        diagnostics += reader.finish()
        guard let jingle else { return nil }
        self = jingle
    }
}

/// Takes the known attributes and children of one element; what is left over is kept as extras.
struct ElementCursor {
    let element: XMLTreeElement
    private var usedAttributes: Set<Int> = []
    private var usedChildren: Set<Int> = []
    private let childElements: [XMLTreeElement]

    init(_ element: XMLTreeElement) {
        self.element = element
        self.childElements = element.elements
    }

    /// Takes the unprefixed attribute `name`.
    mutating func attribute(_ name: String) -> String? {
        guard
            let index = element.attributes.firstIndex(where: { $0.name.namespace == nil && $0.name.localName == name })
        else { return nil }
        usedAttributes.insert(index)
        return element.attributes[index].value
    }

    /// Takes an attribute in a namespace (`xml:lang`).
    mutating func attribute(_ name: String, namespace: String) -> String? {
        guard
            let index = element.attributes.firstIndex(where: {
                $0.name.namespace == namespace && $0.name.localName == name
            })
        else { return nil }
        usedAttributes.insert(index)
        return element.attributes[index].value
    }

    /// Takes every child element with this name.
    mutating func children(_ localName: String, _ namespace: String?) -> [XMLTreeElement] {
        var result: [XMLTreeElement] = []
        for (index, child) in childElements.enumerated() where !usedChildren.contains(index) {
            if child.name.localName == localName && child.name.namespace == namespace {
                usedChildren.insert(index)
                result.append(child)
            }
        }
        return result
    }

    /// Takes the first child element with this name; a second one stays an extra (reported).
    mutating func child(_ localName: String, _ namespace: String?, reader: inout StanzaReader) -> XMLTreeElement? {
        for (index, child) in childElements.enumerated() where !usedChildren.contains(index) {
            if child.name.localName == localName && child.name.namespace == namespace {
                usedChildren.insert(index)
                if childElements[(index + 1)...].contains(where: {
                    $0.name.localName == localName && $0.name.namespace == namespace
                }) {
                    reader.report(
                        JingleRules.duplicateElement, element,
                        "<\(element.name.localName)> has more than one <\(localName)>; the others are kept but not read"
                    )
                }
                return child
            }
        }
        return nil
    }

    /// Takes every remaining child element (for containers whose children are all of one kind).
    mutating func remainingChildren() -> [XMLTreeElement] {
        var result: [XMLTreeElement] = []
        for (index, child) in childElements.enumerated() where !usedChildren.contains(index) {
            usedChildren.insert(index)
            result.append(child)
        }
        return result
    }

    var extraAttributes: [XMLAttribute] {
        element.attributes.enumerated().filter { !usedAttributes.contains($0.offset) }.map(\.element)
    }

    var extraChildren: [XMLTreeElement] {
        childElements.enumerated().filter { !usedChildren.contains($0.offset) }.map(\.element)
    }
}

/// Reads element trees into the typed model.
struct StanzaReader {
    private var collector: DiagnosticCollector

    init(strict: Bool, limit: Int) {
        collector = DiagnosticCollector(strict: strict, limit: limit)
    }

    func finish() -> [Diagnostic] { collector.finish(overflowRule: JingleRules.tooManyFindings) }

    mutating func report(_ rule: Rule, _ element: XMLTreeElement, _ message: String, hint: String? = nil) {
        collector.report(
            rule, at: element.location ?? SourceLocation(line: 1, column: 1, bytes: 0..<0), message, hint: hint)
    }

    // MARK: Attribute helpers

    mutating func required(_ cursor: inout ElementCursor, _ name: String) -> String? {
        guard let value = cursor.attribute(name) else {
            report(
                JingleRules.missingAttribute, cursor.element,
                "<\(cursor.element.name.localName)> has no '\(name)' attribute")
            return nil
        }
        return value
    }

    /// Several required attributes of one element: the missing ones are one finding, as they
    /// usually share one cause (an element closed early, a misspelt namespace).
    mutating func required(_ cursor: inout ElementCursor, _ names: [String]) -> [String?] {
        let values = names.map { cursor.attribute($0) }
        let missing = zip(names, values).filter { $0.1 == nil }.map { "'\($0.0)'" }
        if !missing.isEmpty {
            report(
                JingleRules.missingAttribute, cursor.element,
                "<\(cursor.element.name.localName)> has no \(missing.joinedAsList) attribute\(missing.count > 1 ? "s" : "")"
            )
        }
        return values
    }

    /// A decimal integer attribute in `range`; reports a missing (when required) or invalid value.
    mutating func integer(
        _ cursor: inout ElementCursor, _ name: String, in range: ClosedRange<Int>, required: Bool
    ) -> Int? {
        guard let text = cursor.attribute(name) else {
            if required {
                report(
                    JingleRules.missingAttribute, cursor.element,
                    "<\(cursor.element.name.localName)> has no '\(name)' attribute")
            }
            return nil
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text),
            range.contains(value)
        else {
            report(
                JingleRules.invalidAttributeValue, cursor.element,
                """
                '\(name)' of <\(cursor.element.name.localName)> is '\(text)'; a number in \
                \(range.lowerBound)…\(range.upperBound) is required
                """
            )
            return nil
        }
        return value
    }

    /// A decimal attribute kept as text, reported when it is not a number.
    mutating func numericText(_ cursor: inout ElementCursor, _ name: String) -> String? {
        guard let text = cursor.attribute(name) else { return nil }
        if text.isEmpty || !text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            report(
                JingleRules.invalidAttributeValue, cursor.element,
                "'\(name)' of <\(cursor.element.name.localName)> is '\(text)'; a number is required")
        }
        return text
    }

    mutating func senders(_ cursor: inout ElementCursor) -> Senders? {
        guard let text = cursor.attribute("senders") else { return nil }
        guard let senders = Senders(rawValue: text) else {
            report(
                JingleRules.invalidAttributeValue, cursor.element,
                "senders '\(text)' is not both, initiator, responder or none")
            return nil
        }
        return senders
    }

    /// Reports unknown children and attributes in a namespace this module defines.
    mutating func noteUnknown(_ cursor: ElementCursor, known namespaces: Set<String>) {
        for child in cursor.extraChildren where child.name.namespace.map(namespaces.contains) ?? false {
            report(
                JingleRules.unknownInKnownNamespace, child,
                "<\(child.name.localName)> is not defined in \(child.name.namespace ?? "no namespace"); it is kept as written"
            )
        }
    }

    // MARK: Stanzas

    mutating func stanza(_ element: XMLTreeElement) -> Stanza? {
        let namespace = element.name.namespace
        guard namespace == nil || namespace == JingleNamespace.client || namespace == JingleNamespace.server else {
            report(
                JingleRules.unexpectedRoot, element,
                "<\(element.name.localName)> is in the namespace '\(namespace ?? "")', not jabber:client or jabber:server",
                hint: "an XMPP stanza is <iq>, <message> or <presence> in the stream's namespace")
            return nil
        }
        switch element.name.localName {
        case "iq": return .iq(iq(element))
        case "message": return .message(message(element))
        default:
            report(
                JingleRules.unexpectedRoot, element, "<\(element.name.localName)> is not an <iq> or <message> stanza")
            return nil
        }
    }

    mutating func iq(_ element: XMLTreeElement) -> IQ {
        var cursor = ElementCursor(element)
        let type = required(&cursor, "type") ?? "set"
        let id = cursor.attribute("id")
        let from = cursor.attribute("from")
        let to = cursor.attribute("to")
        var jingle: Jingle?
        if Self.isConferenceInfoReference(element) {
            // XEP-0298 §5: an iq that delivers a conference-info document MAY carry an empty
            // <jingle sid='…'/> naming the session it is about: a reference, not a Jingle action.
        } else if let jingleElement = cursor.child("jingle", JingleNamespace.jingle, reader: &self) {
            jingle = self.jingle(jingleElement)
        } else if type == "set" {
            if let other = cursor.extraChildren.first(where: { $0.name.localName == "jingle" }) {
                report(
                    JingleRules.unexpectedRoot, other,
                    "<jingle> is in the namespace '\(other.name.namespace ?? "")', not \(JingleNamespace.jingle)")
            } else {
                report(
                    JingleRules.missingPayload, element,
                    "the <iq type='set'> carries no <jingle xmlns='\(JingleNamespace.jingle)'>")
            }
        }
        return IQ(
            namespace: element.name.namespace, type: type, id: id, from: from, to: to, jingle: jingle,
            extraAttributes: cursor.extraAttributes, extraChildren: cursor.extraChildren)
    }

    /// Whether `iq` holds a conference-info document (RFC 4575) beside a <jingle> with no action
    /// and nothing inside, the session reference of XEP-0298.
    static func isConferenceInfoReference(_ iq: XMLTreeElement) -> Bool {
        let children = iq.elements
        let reference = children.first { $0.name.localName == "jingle" && $0.name.namespace == JingleNamespace.jingle }
        guard let reference, reference.elements.isEmpty,
            !reference.attributes.contains(where: { $0.name.namespace == nil && $0.name.localName == "action" })
        else { return false }
        return children.contains {
            $0.name.localName == "conference-info" && $0.name.namespace == "urn:ietf:params:xml:ns:conference-info"
        }
    }

    mutating func message(_ element: XMLTreeElement) -> Message {
        var cursor = ElementCursor(element)
        let type = cursor.attribute("type")
        let id = cursor.attribute("id")
        let from = cursor.attribute("from")
        let to = cursor.attribute("to")
        var initiation: MessageInitiation?
        for action in MessageInitiation.Action.defined {
            if let child = cursor.child(action.rawValue, JingleNamespace.messageInitiation, reader: &self) {
                initiation = messageInitiation(child, action: action)
                break
            }
        }
        if initiation == nil {
            report(
                JingleRules.missingPayload, element,
                "the <message> carries no Jingle Message Initiation element (XEP-0353)")
        }
        return Message(
            namespace: element.name.namespace, type: type, id: id, from: from, to: to, initiation: initiation,
            extraAttributes: cursor.extraAttributes, extraChildren: cursor.extraChildren)
    }

    mutating func messageInitiation(_ element: XMLTreeElement, action: MessageInitiation.Action) -> MessageInitiation {
        var cursor = ElementCursor(element)
        let id = required(&cursor, "id") ?? ""
        var descriptions: [ApplicationDescription] = []
        for child in cursor.children("description", JingleNamespace.rtp) {
            descriptions.append(.rtp(rtpDescription(child)))
        }
        var reason: Jingle.Reason?
        if let reasonElement = cursor.child("reason", JingleNamespace.jingle, reader: &self) {
            reason = self.reason(reasonElement)
        }
        let tieBreak = !cursor.children("tie-break", JingleNamespace.messageInitiation).isEmpty
        var migratedTo: String?
        if var migrated = cursor.child("migrated", JingleNamespace.messageInitiation, reader: &self).map(
            ElementCursor.init)
        {
            migratedTo = required(&migrated, "to")
        }
        var extras = cursor.extraChildren
        if action == .propose {
            // Any description of another application is offered too: keep it in order.
            descriptions += extras.filter { $0.name.localName == "description" }.map { .other($0) }
            extras.removeAll { $0.name.localName == "description" }
            if descriptions.isEmpty {
                report(JingleRules.missingPayload, element, "<propose> offers no <description> (XEP-0353 §3.1)")
            }
        }
        return MessageInitiation(
            action: action, id: id, descriptions: descriptions, reason: reason, tieBreak: tieBreak,
            migratedTo: migratedTo, extraAttributes: cursor.extraAttributes, extraChildren: extras)
    }

    // MARK: XEP-0166

    mutating func jingle(_ element: XMLTreeElement) -> Jingle? {
        guard element.name.localName == "jingle", element.name.namespace == JingleNamespace.jingle else {
            report(
                JingleRules.unexpectedRoot, element,
                "<\(element.name.localName)> in '\(element.name.namespace ?? "")' is not <jingle xmlns='\(JingleNamespace.jingle)'>"
            )
            return nil
        }
        var cursor = ElementCursor(element)
        let identity = required(&cursor, ["action", "sid"])
        let actionText = identity[0] ?? ""
        let action = Jingle.Action(rawValue: actionText)
        if !actionText.isEmpty && !action.isDefined {
            report(JingleRules.unknownAction, element, "action '\(actionText)' is not defined by XEP-0166 §7.2")
        }
        let sid = identity[1] ?? ""
        let initiator = cursor.attribute("initiator")
        let responder = cursor.attribute("responder")
        var contents: [Jingle.Content] = []
        var seen: Set<String> = []
        for child in cursor.children("content", JingleNamespace.jingle) {
            guard let content = self.content(child) else { continue }
            if !seen.insert(content.creator.rawValue + " " + content.name).inserted {
                report(
                    JingleRules.duplicateContent, child,
                    "a second content named '\(content.name)' created by the \(content.creator)")
            }
            // A content that describes media names its application and transport (XEP-0166
            // §7.2); one with neither has no media to negotiate and no SDP form.
            let describesMedia = [.sessionInitiate, .sessionAccept, .contentAdd, .contentAccept].contains(action)
            if describesMedia && content.description == nil && content.transport == nil {
                report(
                    JingleRules.noConvertibleContent, child,
                    "content '\(content.name)' has neither a <description> nor a <transport>: it describes no media")
            }
            contents.append(content)
        }
        var reason: Jingle.Reason?
        if let reasonElement = cursor.child("reason", JingleNamespace.jingle, reader: &self) {
            reason = self.reason(reasonElement)
        }
        var groups: [Jingle.ContentGroup] = []
        for child in cursor.children("group", JingleNamespace.grouping) {
            let group = self.group(child)
            for name in group.contents where !contents.contains(where: { $0.name == name }) && action != .sessionInfo {
                // Only a full description (initiate, accept, content-add) lists every content.
                if action == .sessionInitiate || action == .sessionAccept {
                    report(
                        JingleRules.unknownGroupMember, child,
                        "the \(group.semantics) group names '\(name)', which is not a content of this <jingle>")
                }
            }
            groups.append(group)
        }
        noteUnknown(cursor, known: [JingleNamespace.jingle])
        return Jingle(
            action: action, sid: sid, initiator: initiator, responder: responder, contents: contents, reason: reason,
            groups: groups, extraAttributes: cursor.extraAttributes, extraChildren: cursor.extraChildren)
    }

    mutating func content(_ element: XMLTreeElement) -> Jingle.Content? {
        var cursor = ElementCursor(element)
        var creator = Role.initiator
        if let text = required(&cursor, "creator") {
            if let role = Role(rawValue: text) {
                creator = role
            } else {
                report(JingleRules.invalidAttributeValue, element, "creator '\(text)' is not initiator or responder")
            }
        }
        guard let name = required(&cursor, "name") else { return nil }
        let senders = self.senders(&cursor)
        let disposition = cursor.attribute("disposition")
        var description: ApplicationDescription?
        if let rtp = cursor.child("description", JingleNamespace.rtp, reader: &self) {
            description = .rtp(rtpDescription(rtp))
        } else if let other = cursor.extraChildren.first(where: { $0.name.localName == "description" }) {
            description = .other(cursor.children("description", other.name.namespace).first ?? other)
        }
        var transport: TransportMethod?
        if let ice = cursor.child("transport", JingleNamespace.iceUDP, reader: &self) {
            transport = .iceUDP(iceUDP(ice))
        } else if let wrapper = cursor.child("transport", JingleNamespace.webRTCDataChannel, reader: &self) {
            transport = .webRTCDataChannel(dataChannel(wrapper))
        } else if let raw = cursor.child("transport", JingleNamespace.rawUDP, reader: &self) {
            transport = .rawUDP(rawUDP(raw))
        } else if let other = cursor.extraChildren.first(where: { $0.name.localName == "transport" }) {
            transport = .other(cursor.children("transport", other.name.namespace).first ?? other)
        }
        let security = cursor.extraChildren.first { $0.name.localName == "security" }.flatMap {
            cursor.children("security", $0.name.namespace).first
        }
        noteUnknown(cursor, known: [JingleNamespace.jingle])
        return Jingle.Content(
            creator: creator, name: name, senders: senders, disposition: disposition, description: description,
            transport: transport, security: security, extraAttributes: cursor.extraAttributes,
            extraChildren: cursor.extraChildren)
    }

    mutating func reason(_ element: XMLTreeElement) -> Jingle.Reason {
        var cursor = ElementCursor(element)
        var text: String?
        var language: String?
        if var textCursor = cursor.child("text", JingleNamespace.jingle, reader: &self).map(ElementCursor.init) {
            text = textCursor.element.text
            language = textCursor.attribute("lang", namespace: xmlNamespace)
        }
        var condition: Jingle.Reason.Condition?
        var alternative: String?
        for child in cursor.remainingChildren() where child.name.namespace == JingleNamespace.jingle {
            if condition == nil {
                condition = Jingle.Reason.Condition(rawValue: child.name.localName)
                if child.name.localName == "alternative-session" {
                    alternative = child.elements(named: "sid", namespace: JingleNamespace.jingle).first?.text
                }
            }
        }
        if condition == nil {
            report(
                JingleRules.missingReasonCondition, element,
                "<reason> has no condition element such as <success/> or <decline/>")
        }
        // Everything that is not the condition or the text: application-specific conditions.
        let others = element.elements.filter {
            !($0.name.namespace == JingleNamespace.jingle
                && ($0.name.localName == "text" || Jingle.Reason.Condition(rawValue: $0.name.localName) == condition))
        }
        return Jingle.Reason(
            condition, text: text, textLanguage: language, alternativeSessionID: alternative, extraChildren: others)
    }

    mutating func group(_ element: XMLTreeElement) -> Jingle.ContentGroup {
        var cursor = ElementCursor(element)
        let semantics = required(&cursor, "semantics") ?? ""
        var names: [String] = []
        for child in cursor.children("content", JingleNamespace.grouping) {
            var member = ElementCursor(child)
            if let name = required(&member, "name") { names.append(name) }
        }
        // Some senders put the <content/> children in the Jingle namespace.
        for child in cursor.children("content", JingleNamespace.jingle) {
            var member = ElementCursor(child)
            if let name = required(&member, "name") { names.append(name) }
        }
        return Jingle.ContentGroup(
            semantics: semantics, contents: names, extraAttributes: cursor.extraAttributes,
            extraChildren: cursor.extraChildren)
    }
}
