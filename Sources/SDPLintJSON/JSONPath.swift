/// Where a value sits inside a JSON text, from the root: `$.PeerConnections["1-2"].updateLog[3]`.
///
/// The printed form is the JSONPath notation of RFC 9535 for singular queries: `$` is the root,
/// `.name` a member whose name is an identifier, `["name"]` any other member (with JSON string
/// escapes), and `[3]` an array element.
///
/// RFC 9535 §2.3.1 <https://www.rfc-editor.org/rfc/rfc9535#section-2.3.1>
public struct JSONPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step down: a member name or an array index.
    public enum Component: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)

        public init(stringLiteral value: String) { self = .key(value) }
        public init(integerLiteral value: Int) { self = .index(value) }
    }

    public var components: [Component]

    /// The root, `$`.
    public static let root = JSONPath([])

    public init(_ components: [Component]) { self.components = components }
    public init(arrayLiteral elements: Component...) { components = elements }

    /// This path, one member further down.
    public func appending(_ key: String) -> JSONPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    /// This path, one element further down.
    public func appending(_ index: Int) -> JSONPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// The path of the parent, or `nil` at the root.
    public var parent: JSONPath? {
        components.isEmpty ? nil : JSONPath(Array(components.dropLast()))
    }

    /// `$.PeerConnections["1-2"].updateLog[3].value`.
    public var description: String {
        var text = "$"
        for component in components { Self.write(component, to: &text) }
        return text
    }

    /// The path with the middle of a long one elided, for a message: `$[0][0][0][0]…[0][0][0]`
    /// (the first and last `kept` components); a path of 512 levels would fill a screen.
    public func abbreviated(keeping kept: Int = 4) -> String {
        guard components.count > 2 * kept + 1 else { return description }
        var text = "$"
        for component in components.prefix(kept) { Self.write(component, to: &text) }
        text += "…"
        for component in components.suffix(kept) { Self.write(component, to: &text) }
        return text
    }

    static func write(_ component: Component, to text: inout String) {
        switch component {
        case .index(let index):
            text += "[\(index)]"
        case .key(let key):
            if isIdentifier(key) {
                text += "."
                text += key
            } else {
                text += "["
                JSONWriter.writeString(key, to: &text)
                text += "]"
            }
        }
    }

    /// RFC 9535 `member-name-shorthand`, restricted to ASCII: a letter or "_" first, then
    /// letters, digits and "_".
    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, first.isIdentifierStart else { return false }
        return key.utf8.allSatisfy { $0.isIdentifierStart || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }
}

extension UInt8 {
    fileprivate var isIdentifierStart: Bool {
        (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") || self == UInt8(ascii: "_")
    }
}
