/// A JSON object: its members in the order they were written, duplicates included.
///
/// RFC 8259 says names SHOULD be unique, not MUST, and readers disagree about duplicates, so a
/// linter has to see them: this type keeps every member as written. Looking a name up returns the
/// first member with that name, as ``values(forKey:)`` returns all of them.
///
/// An object read from a text is a view of the parse; one built in code, or changed, holds its
/// members. Either way, lookups are O(1) on average: an object with more than a few members has
/// an index from name to first member (a parsed one keeps the table its parser built to find
/// duplicates), and a smaller one compares the names as written.
///
/// RFC 8259 §4 <https://www.rfc-editor.org/rfc/rfc8259#section-4>
///
/// ```
/// object = begin-object [ member *( value-separator member ) ] end-object
/// member = string name-separator value
/// ```
public struct JSONObject: Sendable, Hashable, Collection, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One name/value pair.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    enum Storage: Sendable {
        /// The members, and for more than `indexThreshold` of them the position of the first
        /// member with each name.
        case members([Member], index: [String: Int]?)
        /// The object at `row` of a parse.
        case tape(JSONTape, row: Int)
    }

    private var storage: Storage

    /// Objects up to this many members are searched linearly: faster than hashing for the small
    /// envelopes of signaling.
    static let indexThreshold = 12

    /// An object with `members`, in this order.
    ///
    /// - Complexity: O(n).
    public init(_ members: [Member] = []) {
        storage = .members(members, index: Self.index(of: members))
    }

    /// An object from name/value pairs, in this order, duplicates kept.
    public init(pairs: [(String, JSONValue)]) {
        self.init(pairs.map { Member(key: $0.0, value: $0.1) })
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(pairs: elements)
    }

    init(tape: JSONTape, row: Int) {
        storage = .tape(tape, row: row)
    }

    /// The members in document order.
    ///
    /// - Complexity: O(n); a parsed object makes each name and value as it goes.
    public var members: [Member] {
        switch storage {
        case .members(let members, _): members
        case .tape: Array(self)
        }
    }

    // MARK: Collection

    /// A position in an object: the member's offset in an object built in code, the row of its
    /// name in a parsed one (rows increase along an object).
    public struct Index: Sendable, Hashable, Comparable {
        let position: Int

        public static func < (lhs: Index, rhs: Index) -> Bool { lhs.position < rhs.position }
    }

    public var startIndex: Index {
        switch storage {
        case .members: Index(position: 0)
        case .tape(_, let row): Index(position: row + 1)
        }
    }

    public var endIndex: Index {
        switch storage {
        case .members(let members, _): Index(position: members.count)
        case .tape(let tape, let row): Index(position: tape.next(after: row))
        }
    }

    public func index(after index: Index) -> Index {
        switch storage {
        case .members: Index(position: index.position + 1)
        case .tape(let tape, _): Index(position: tape.next(after: index.position + 1))
        }
    }

    public subscript(index: Index) -> Member {
        switch storage {
        case .members(let members, _): members[index.position]
        case .tape(let tape, _): Member(key: tape.string(at: index.position), value: value(at: index))
        }
    }

    /// The value of the member at `index`, without making its name.
    func value(at index: Index) -> JSONValue {
        switch storage {
        case .members(let members, _): members[index.position].value
        case .tape(let tape, _): tape.value(at: index.position + 1)
        }
    }

    // MARK: Names

    /// The names in document order, duplicates included.
    public var keys: [String] { map(\.key) }

    /// The value of the first member named `key`; setting replaces that member's value, or
    /// appends a member when there is none, and setting `nil` removes every member named `key`.
    ///
    /// - Complexity: O(1) on average to read; O(n) to remove.
    public subscript(key: String) -> JSONValue? {
        get { first(named: key).map(value(at:)) }
        set {
            if let newValue {
                var (members, index) = owned()
                if let position = Self.firstOffset(of: key, in: members, index: index) {
                    members[position].value = newValue
                    storage = .members(members, index: index)
                } else {
                    storage = .members(members, index: index)
                    append(key, newValue)
                }
            } else {
                removeAll(forKey: key)
            }
        }
    }

    /// The position of the first member named `key`.
    func first(named key: String) -> Index? {
        switch storage {
        case .members(let members, let index):
            return Self.firstOffset(of: key, in: members, index: index).map(Index.init(position:))
        case .tape(let tape, let row):
            if let index = tape.indexes[row] { return index[key].map(Index.init(position:)) }
            var child = row + 1
            let end = tape.next(after: row)
            while child < end {
                if tape.string(at: child, equals: key) { return Index(position: child) }
                child = tape.next(after: child + 1)
            }
            return nil
        }
    }

    /// The offset of the first member named `key`.
    ///
    /// - Complexity: O(n) for a parsed object, which counts the members before it.
    public func firstIndex(forKey key: String) -> Int? {
        guard let found = first(named: key) else { return nil }
        return distance(from: startIndex, to: found)
    }

    /// The values of every member named `key`, in document order.
    ///
    /// - Complexity: O(n).
    public func values(forKey key: String) -> [JSONValue] {
        filter { $0.key == key }.map(\.value)
    }

    /// Whether a member is named `key`.
    public func contains(key: String) -> Bool { first(named: key) != nil }

    /// Adds a member at the end, even when another has the same name.
    public mutating func append(_ key: String, _ value: JSONValue) {
        var (members, index) = owned()
        members.append(Member(key: key, value: value))
        if index != nil {
            if index?[key] == nil { index?[key] = members.count - 1 }
        } else {
            index = Self.index(of: members)
        }
        storage = .members(members, index: index)
    }

    /// Removes every member named `key`.
    ///
    /// - Complexity: O(n).
    public mutating func removeAll(forKey key: String) {
        guard contains(key: key) else { return }
        var (members, _) = owned()
        members.removeAll { $0.key == key }
        storage = .members(members, index: Self.index(of: members))
    }

    /// The members and index to change; the storage is left empty so that they are not shared.
    private mutating func owned() -> ([Member], [String: Int]?) {
        switch storage {
        case .members(let members, let index):
            storage = .members([], index: nil)
            return (members, index)
        case .tape:
            let members = Array(self)
            return (members, Self.index(of: members))
        }
    }

    private static func firstOffset(of key: String, in members: [Member], index: [String: Int]?) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    private static func index(of members: [Member]) -> [String: Int]? {
        guard members.count > indexThreshold else { return nil }
        var built: [String: Int] = [:]
        built.reserveCapacity(members.count)
        for (position, member) in members.enumerated() where built[member.key] == nil {
            built[member.key] = position
        }
        return built
    }

    // MARK: Equality

    /// Objects are equal when they have the same members in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        JSONTape.sameRow(lhs.parsed, rhs.parsed) || lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) { hashElements(into: &hasher) }

    /// The parse and row this object reads, for a parsed object.
    private var parsed: (JSONTape, Int)? {
        if case .tape(let tape, let row) = storage { (tape, row) } else { nil }
    }

    /// The compact JSON text.
    public var description: String { JSONValue.object(self).serialized() }
}
