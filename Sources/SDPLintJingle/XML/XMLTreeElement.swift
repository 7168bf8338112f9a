public import SDPLintDiagnostics

/// A qualified XML name: a namespace URI (or none) and a local name.
///
/// Prefixes are not part of the name: two elements with the same namespace and local name are
/// the same element whatever prefix the document used (Namespaces in XML 1.0 §4).
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    /// The namespace URI, or `nil` for a name in no namespace.
    public var namespace: String?
    /// The local part of the name.
    public var localName: String

    public init(_ localName: String, namespace: String? = nil) {
        self.localName = localName
        self.namespace = namespace
    }

    /// `{namespace}local`, the Clark notation, or the local name alone.
    public var description: String {
        guard let namespace else { return localName }
        return "{" + namespace + "}" + localName
    }
}

/// One attribute of an element, kept as written (after XML's own normalization of white space
/// in attribute values, XML 1.0 §3.3.3).
public struct XMLAttribute: Sendable, Hashable, CustomStringConvertible {
    /// Unprefixed attributes are in no namespace (Namespaces in XML 1.0 §6.2), whatever the
    /// element's namespace.
    public var name: XMLName
    public var value: String

    public init(_ name: XMLName, _ value: String) {
        self.name = name
        self.value = value
    }

    public init(_ localName: String, _ value: String) {
        self.init(XMLName(localName), value)
    }

    public var description: String { "\(name)=\"\(value)\"" }
}

/// A child of an element: another element or text.
public enum XMLTreeNode: Sendable, Hashable {
    case element(XMLTreeElement)
    case text(String)
}

/// A generic XML element: the form in which Jingle keeps what it has no typed model for, so that
/// an unknown element or attribute is written back rather than lost.
///
/// Equality ignores ``location``: an element read from a document equals the same element built
/// in code.
public struct XMLTreeElement: Sendable, Hashable, CustomStringConvertible {
    public var name: XMLName
    /// The attributes in document order, namespace declarations excluded.
    public var attributes: [XMLAttribute]
    /// Child elements and text in document order. White space between child elements is not
    /// kept; text of an element without child elements is kept exactly.
    public var children: [XMLTreeNode]
    /// Where the start tag begins, for an element read from a document.
    public var location: SourceLocation?

    public init(
        _ name: XMLName, attributes: [XMLAttribute] = [], children: [XMLTreeNode] = [], location: SourceLocation? = nil
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.location = location
    }

    public init(_ localName: String, namespace: String?, attributes: [XMLAttribute] = [], children: [XMLTreeNode] = [])
    {
        self.init(XMLName(localName, namespace: namespace), attributes: attributes, children: children)
    }

    /// The value of the unprefixed attribute `localName`.
    public subscript(attribute localName: String) -> String? {
        get { attributes.first { $0.name.namespace == nil && $0.name.localName == localName }?.value }
        set {
            let index = attributes.firstIndex { $0.name.namespace == nil && $0.name.localName == localName }
            switch (index, newValue) {
            case (let index?, let value?): attributes[index].value = value
            case (let index?, nil): attributes.remove(at: index)
            case (nil, let value?): attributes.append(XMLAttribute(localName, value))
            case (nil, nil): break
            }
        }
    }

    /// The child elements, in order.
    public var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The child elements with this local name and namespace.
    public func elements(named localName: String, namespace: String?) -> [XMLTreeElement] {
        elements.filter { $0.name.localName == localName && $0.name.namespace == namespace }
    }

    /// The concatenated text children (not of descendants).
    public var text: String {
        var result = ""
        for child in children {
            if case .text(let text) = child { result += text }
        }
        return result
    }

    /// Appends a child element.
    public mutating func append(_ element: XMLTreeElement) { children.append(.element(element)) }

    public static func == (lhs: XMLTreeElement, rhs: XMLTreeElement) -> Bool {
        lhs.name == rhs.name && lhs.attributes == rhs.attributes && lhs.children == rhs.children
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(attributes)
        hasher.combine(children)
    }

    /// The element as XML text, declaring every namespace it uses.
    public var description: String { serialized() }
}
