/// A JSON array: its elements in order.
///
/// An array read from a text is a view of the parse (its elements become values as they are
/// read); one built in code holds its elements. Both behave the same: equal when their elements
/// are equal, in order.
///
/// Walking the elements in order is O(1) a step; reaching the element at a position walks to it,
/// O(position), so loop over the array (or ``JSONNode/elements``) rather than over its indices.
///
/// RFC 8259 §5 <https://www.rfc-editor.org/rfc/rfc8259#section-5>
///
/// ```
/// array = begin-array [ value *( value-separator value ) ] end-array
/// ```
public struct JSONArray: Sendable, Hashable, Collection, ExpressibleByArrayLiteral, CustomStringConvertible {
    enum Storage: Sendable {
        case elements([JSONValue])
        case tape(JSONTape, row: Int)
    }

    let storage: Storage

    /// An array of `elements`, in this order.
    public init(_ elements: [JSONValue] = []) { storage = .elements(elements) }

    public init(arrayLiteral elements: JSONValue...) { storage = .elements(elements) }

    init(tape: JSONTape, row: Int) { storage = .tape(tape, row: row) }

    // MARK: Collection

    /// A position in an array: the element's offset in an array built in code, its row in a
    /// parsed one (rows increase along an array).
    public struct Index: Sendable, Hashable, Comparable {
        let position: Int

        public static func < (lhs: Index, rhs: Index) -> Bool { lhs.position < rhs.position }
    }

    public var startIndex: Index {
        switch storage {
        case .elements: Index(position: 0)
        case .tape(_, let row): Index(position: row + 1)
        }
    }

    public var endIndex: Index {
        switch storage {
        case .elements(let elements): Index(position: elements.count)
        case .tape(let tape, let row): Index(position: tape.next(after: row))
        }
    }

    public func index(after index: Index) -> Index {
        switch storage {
        case .elements: Index(position: index.position + 1)
        case .tape(let tape, _): Index(position: tape.next(after: index.position))
        }
    }

    public subscript(index: Index) -> JSONValue {
        switch storage {
        case .elements(let elements): elements[index.position]
        case .tape(let tape, _): tape.value(at: index.position)
        }
    }

    /// The element at `offset`, when the array is that long.
    ///
    /// - Complexity: O(1) for an array built in code, O(offset) for a parsed one.
    public func element(at offset: Int) -> JSONValue? {
        index(atOffset: offset).map { self[$0] }
    }

    /// The position of the element at `offset`, when the array is that long.
    func index(atOffset offset: Int) -> Index? {
        guard offset >= 0 else { return nil }
        if case .elements(let elements) = storage {
            return offset < elements.count ? Index(position: offset) : nil
        }
        var index = startIndex
        let end = endIndex
        for _ in 0..<offset {
            guard index != end else { return nil }
            index = self.index(after: index)
        }
        return index == end ? nil : index
    }

    // MARK: Equality

    public static func == (lhs: JSONArray, rhs: JSONArray) -> Bool {
        JSONTape.sameRow(lhs.parsed, rhs.parsed) || lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) { hashElements(into: &hasher) }

    /// The parse and row this array reads, for a parsed array.
    private var parsed: (JSONTape, Int)? {
        if case .tape(let tape, let row) = storage { (tape, row) } else { nil }
    }

    /// The compact JSON text.
    public var description: String { JSONValue.array(self).serialized() }
}
