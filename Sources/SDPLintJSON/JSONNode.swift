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
    let table: LocationTable?
    let row: Int

    init(value: JSONValue, path: JSONPath, table: LocationTable?, row: Int) {
        self.value = value
        self.path = path
        self.table = table
        self.row = row
    }

    /// A node for a value that has no text behind it: the same reading API, no locations.
    public init(_ value: JSONValue, path: JSONPath = .root) {
        self.init(value: value, path: path, table: nil, row: 0)
    }

    /// Where the value is in the text: line and column of its first byte, and its byte range.
    /// `nil` for a node without a document.
    public var location: SourceLocation? { table?.location(ofRow: row) }

    /// Where the member name of this value is, quotes included; `nil` for elements, the root and
    /// nodes without a document.
    public var keyLocation: SourceLocation? { table?.keyLocation(ofRow: row) }

    /// The member name of this value, when it is a member value.
    public var key: String? {
        if case .key(let key) = path.components.last { return key }
        return nil
    }

    /// The first member named `key`, when this is an object that has one.
    ///
    /// - Complexity: O(1) on average.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let object) = value, let position = object.firstIndex(forKey: key) else { return nil }
        return child(object.members[position].value, .key(key), position)
    }

    /// The element at `index`, when this is an array that long.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let elements) = value, elements.indices.contains(index) else { return nil }
        return child(elements[index], .index(index), index)
    }

    /// The elements, when this is an array; otherwise empty.
    public var elements: [JSONNode] {
        guard case .array(let elements) = value else { return [] }
        return elements.indices.map { child(elements[$0], .index($0), $0) }
    }

    /// The members in document order, duplicates included, when this is an object; otherwise
    /// empty. Each node's ``key`` is its name.
    public var members: [JSONNode] {
        guard case .object(let object) = value else { return [] }
        return object.members.indices.map { child(object.members[$0].value, .key(object.members[$0].key), $0) }
    }

    private func child(_ value: JSONValue, _ component: JSONPath.Component, _ position: Int) -> JSONNode {
        var path = path
        path.components.append(component)
        guard let table else { return JSONNode(value: value, path: path, table: nil, row: 0) }
        let row = Int(table.nodes[row].firstChild) + position
        return JSONNode(value: value, path: path, table: table, row: row)
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
