public import SDPLintDiagnostics

/// A value of a document together with its path and its place in the text: the cursor for
/// reading a message with findings that say where.
///
/// Walk from ``JSONDocument/root`` with subscripts; each step extends the path. A node made from
/// a bare value (``init(_:path:)``) has the same API without locations.
///
/// ```swift
/// let candidate = try JSONDocument(parsing: line).root
/// let sdpMid = try candidate.required("sdpMid", as: String.self)
/// // 1:12: error[JSON210]: expected string at $.sdpMid, found number
/// ```
public struct JSONNode: Sendable, Hashable {
    /// The value here.
    public let value: JSONValue
    /// Where the value sits in the tree.
    public let path: JSONPath
    /// The parse of the document the value is a row of; `nil` for a node made from a value.
    let tape: JSONTape?
    let row: Int

    init(value: JSONValue, path: JSONPath, tape: JSONTape?, row: Int) {
        self.value = value
        self.path = path
        self.tape = tape
        self.row = row
    }

    /// A node for a value that has no text behind it: the same reading API, no locations.
    public init(_ value: JSONValue, path: JSONPath = .root) {
        self.init(value: value, path: path, tape: nil, row: 0)
    }

    /// Where the value is in the text: line and column of its first byte, and its byte range.
    /// `nil` for a node without a document.
    public var location: SourceLocation? { tape?.location(ofRow: row) }

    /// Where the member name of this value is, quotes included; `nil` for elements, the root and
    /// nodes without a document.
    public var keyLocation: SourceLocation? {
        // A member's name is the row just before its value's.
        guard let tape, case .key = path.components.last else { return nil }
        return tape.location(ofRow: row - 1)
    }

    /// The member name of this value, when it is a member value.
    public var key: String? {
        if case .key(let key) = path.components.last { return key }
        return nil
    }

    /// The first member named `key`, when this is an object that has one.
    ///
    /// - Complexity: O(1) on average.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let object) = value, let index = object.first(named: key) else { return nil }
        return child(object.value(at: index), .key(key), row: index.position + 1)
    }

    /// The element at `index`, when this is an array that long.
    ///
    /// - Complexity: O(index) for a parsed array (``JSONArray``); loop over ``elements`` instead.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let elements) = value, let position = elements.index(atOffset: index) else { return nil }
        return child(elements[position], .index(index), row: position.position)
    }

    /// The elements, when this is an array; otherwise empty.
    public var elements: [JSONNode] {
        guard case .array(let elements) = value else { return [] }
        return zip(elements.indices, elements).enumerated().map { offset, element in
            child(element.1, .index(offset), row: element.0.position)
        }
    }

    /// The members in document order, duplicates included, when this is an object; otherwise
    /// empty. Each node's ``key`` is its name.
    public var members: [JSONNode] {
        guard case .object(let object) = value else { return [] }
        return zip(object.indices, object).map { index, member in
            child(member.value, .key(member.key), row: index.position + 1)
        }
    }

    /// The node of a child value; `row` is its row when this node is a row of a document.
    private func child(_ value: JSONValue, _ component: JSONPath.Component, row: Int) -> JSONNode {
        var path = path
        path.components.append(component)
        return JSONNode(value: value, path: path, tape: tape, row: tape == nil ? 0 : row)
    }

    /// Nodes are equal when they hold equal values at the same path.
    public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
        lhs.path == rhs.path && lhs.value == rhs.value && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(value)
    }
}
