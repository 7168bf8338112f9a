/// A section that holds attributes: the session level or a media section.
///
/// The reading and editing helpers are written once here. Edits touch only the lines they are
/// about; every other line keeps its text and position.
public protocol AttributeContainer {
    var attributes: [Attribute] { get set }
}

extension SessionDescription: AttributeContainer {}
extension MediaDescription: AttributeContainer {}

extension AttributeContainer {
    /// Whether an attribute with this name is present (a property attribute such as rtcp-mux,
    /// or any value attribute).
    public func has(_ name: Attribute.Name) -> Bool { attributes.contains { $0.name == name } }

    /// The attributes with this name, in order.
    public func attributes(named name: Attribute.Name) -> [Attribute] { attributes.filter { $0.name == name } }

    /// The first value of a typed attribute that parses, such as `value(Mid.self)`.
    ///
    /// Inlinable, as `values(_:)`, so that callers in other modules get code for their type
    /// instead of generic code that asks the runtime for conformances on first use.
    @inlinable
    public func value<Value: AttributeValue>(_ type: Value.Type) -> Value? {
        for attribute in attributes {
            if let value = attribute.as(Value.self) { return value }
        }
        return nil
    }

    /// Every value of a typed attribute that parses, in order, such as `values(RTPMap.self)`.
    @inlinable
    public func values<Value: AttributeValue>(_ type: Value.Type) -> [Value] {
        attributes.compactMap { $0.as(Value.self) }
    }

    /// The direction attribute (sendrecv, sendonly, recvonly, inactive), if one is present.
    /// Setting it replaces the existing one where it stands, or appends one; `nil` removes it.
    public var direction: Direction? {
        get { attributes.lazy.compactMap { $0.name.direction }.first }
        set {
            // Every direction line goes, and the new one takes the place of the first.
            let first = attributes.firstIndex { $0.name.direction != nil }
            attributes.removeAll { $0.name.direction != nil }
            guard let newValue else { return }
            let attribute = Attribute(name: newValue.attributeName)
            if let first { attributes.insert(attribute, at: first) } else { attributes.append(attribute) }
        }
    }

    /// Adds an attribute after the last one with the same name (keeping related lines together),
    /// or at the end.
    public mutating func addAttribute(_ attribute: Attribute) {
        if let last = attributes.lastIndex(where: { $0.name == attribute.name }) {
            attributes.insert(attribute, at: last + 1)
        } else {
            attributes.append(attribute)
        }
    }

    /// Adds a typed attribute in its canonical form, after the last one with the same name.
    public mutating func addAttribute<Value: AttributeValue>(_ value: Value) {
        addAttribute(Attribute(value))
    }

    /// Replaces the first attribute with this name in place (or adds it), and removes the others.
    public mutating func setAttribute(_ attribute: Attribute) {
        guard let first = attributes.firstIndex(where: { $0.name == attribute.name }) else {
            attributes.append(attribute)
            return
        }
        attributes[first] = attribute
        var index = attributes.count - 1
        while index > first {
            if attributes[index].name == attribute.name { attributes.remove(at: index) }
            index -= 1
        }
    }

    /// Replaces a single-valued typed attribute such as `Setup` or `Mid` in place.
    public mutating func setAttribute<Value: AttributeValue>(_ value: Value) {
        setAttribute(Attribute(value))
    }

    /// Removes every attribute with this name; returns how many were removed.
    @discardableResult
    public mutating func removeAttributes(named name: Attribute.Name) -> Int {
        let before = attributes.count
        attributes.removeAll { $0.name == name }
        return before - attributes.count
    }

    /// Removes the attributes for which `shouldRemove` is true; returns how many were removed.
    @discardableResult
    public mutating func removeAttributes(where shouldRemove: (Attribute) throws -> Bool) rethrows -> Int {
        let before = attributes.count
        try attributes.removeAll(where: shouldRemove)
        return before - attributes.count
    }
}
