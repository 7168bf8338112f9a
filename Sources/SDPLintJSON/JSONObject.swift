/// A JSON object: its members in the order they were written, duplicates included.
///
/// RFC 8259 says names SHOULD be unique, not MUST, and readers disagree about duplicates, so a
/// linter has to see them: this type keeps every member as written. Looking a name up returns the
/// first member with that name, as ``values(forKey:)`` returns all of them.
///
/// Lookups are O(1) on average: objects with more than a few members carry an index from name to
/// first position, built once.
///
/// RFC 8259 §4 <https://www.rfc-editor.org/rfc/rfc8259#section-4>
///
/// ```
/// object = begin-object [ member *( value-separator member ) ] end-object
/// member = string name-separator value
/// ```
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral,
    CustomStringConvertible
{
    /// One name/value pair.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in document order.
    public private(set) var members: [Member]
    /// The position of the first member with each name, for objects above `indexThreshold`.
    private var index: [String: Int]?

    /// Objects up to this many members are searched linearly: faster than hashing for the small
    /// envelopes of signaling.
    static let indexThreshold = 12

    /// An object with `members`, in this order.
    ///
    /// - Complexity: O(n).
    public init(_ members: [Member] = []) {
        self.members = members
        rebuildIndex()
    }

    /// An object from name/value pairs, in this order, duplicates kept.
    public init(pairs: [(String, JSONValue)]) {
        self.init(pairs.map { Member(key: $0.0, value: $0.1) })
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(pairs: elements)
    }

    /// The parser's initializer: the index of first positions was built while reading.
    init(members: [Member], index: [String: Int]?) {
        self.members = members
        self.index = index
        if index == nil && members.count > Self.indexThreshold { rebuildIndex() }
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { members.count }
    public subscript(position: Int) -> Member { members[position] }

    // MARK: Names

    /// The names in document order, duplicates included.
    public var keys: [String] { members.map(\.key) }

    /// The value of the first member named `key`; setting replaces that member's value, or
    /// appends a member when there is none, and setting `nil` removes every member named `key`.
    ///
    /// - Complexity: O(1) on average to read; O(n) to remove.
    public subscript(key: String) -> JSONValue? {
        get { firstIndex(forKey: key).map { members[$0].value } }
        set {
            if let newValue {
                if let position = firstIndex(forKey: key) {
                    members[position].value = newValue
                } else {
                    append(key, newValue)
                }
            } else {
                removeAll(forKey: key)
            }
        }
    }

    /// The position of the first member named `key`.
    public func firstIndex(forKey key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    /// The values of every member named `key`, in document order.
    ///
    /// - Complexity: O(n).
    public func values(forKey key: String) -> [JSONValue] {
        members.filter { $0.key == key }.map(\.value)
    }

    /// Whether a member is named `key`.
    public func contains(key: String) -> Bool { firstIndex(forKey: key) != nil }

    /// Adds a member at the end, even when another has the same name.
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
        if index != nil {
            if index?[key] == nil { index?[key] = members.count - 1 }
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Removes every member named `key`.
    ///
    /// - Complexity: O(n).
    public mutating func removeAll(forKey key: String) {
        guard contains(key: key) else { return }
        members.removeAll { $0.key == key }
        rebuildIndex()
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(members.count)
        for (position, member) in members.enumerated() where built[member.key] == nil {
            built[member.key] = position
        }
        index = built
    }

    // MARK: Equality

    /// Objects are equal when they have the same members in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }
    public func hash(into hasher: inout Hasher) { hasher.combine(members) }

    /// The compact JSON text.
    public var description: String { JSONValue.object(self).serialized() }
}
