internal import SDPLintScanning

/// The header fields of a message, in order, with lookups by name.
///
/// Lookups compare names case-insensitively and treat compact forms as their full names, so
/// `headers[.callID]` finds `Call-ID`, `call-id` and `i`. Lines that were not header fields are
/// kept in place (so the message prints back unchanged) and skipped by lookups.
///
/// Editing replaces, appends or removes whole fields; every other field keeps its exact bytes.
public struct SIPHeaderFields: Sendable, Hashable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral
{
    var fields: [SIPHeaderField]

    public init(_ fields: [SIPHeaderField] = []) { self.fields = fields }
    public init(arrayLiteral elements: SIPHeaderField...) { fields = elements }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> SIPHeaderField {
        get { fields[position] }
        set { fields[position] = newValue }
    }

    /// The value of the first field named `name`, or `nil`.
    ///
    /// Setting replaces the first such field's value (keeping its spelling and position) and
    /// removes the others; setting `nil` removes them all; setting a header that is absent
    /// appends it.
    ///
    /// - Complexity: O(n) in the number of fields.
    public subscript(name: SIPHeaderName) -> String? {
        get { fields.first { !$0.isMalformed && $0.name == name }?.value }
        set {
            guard let newValue else {
                remove(name)
                return
            }
            set(name, newValue)
        }
    }

    /// Every field named `name`, in order.
    public func fields(named name: SIPHeaderName) -> [SIPHeaderField] {
        fields.filter { !$0.isMalformed && $0.name == name }
    }

    /// Whether a field named `name` is present.
    public func contains(_ name: SIPHeaderName) -> Bool {
        fields.contains { !$0.isMalformed && $0.name == name }
    }

    /// Every value of `name`, in order: the values of all its fields, each split at its
    /// top-level commas when the header is a list (``SIPHeaderName/isList``). Commas inside
    /// quoted strings, `<…>` and comments do not split, and `WWW-Authenticate`, `Date` and
    /// other headers that are not lists are never split.
    ///
    /// - Complexity: O(n) in the size of the fields.
    public func values(for name: SIPHeaderName) -> [String] {
        var values: [String] = []
        for field in fields where !field.isMalformed && field.name == name {
            guard name.isList else {
                values.append(field.value)
                continue
            }
            field.value.withUTF8Span { bytes in
                for element in SIPGrammar.splitList(bytes, 0..<bytes.count) where !element.isEmpty {
                    values.append(Bytes.string(bytes, element))
                }
            }
        }
        return values
    }

    /// Sets the first field named `name` to `value`, keeping its spelling and position, and
    /// removes the other fields of that name; appends a field when there is none.
    public mutating func set(_ name: SIPHeaderName, _ value: String) {
        guard let index = fields.firstIndex(where: { !$0.isMalformed && $0.name == name }) else {
            fields.append(SIPHeaderField(name: name, value: value))
            return
        }
        if fields[index].value != value || fields[index].raw == nil {
            fields[index].value = value
        }
        var k = fields.count - 1
        while k > index {
            if !fields[k].isMalformed && fields[k].name == name { fields.remove(at: k) }
            k -= 1
        }
    }

    /// Appends a field.
    public mutating func append(_ name: SIPHeaderName, _ value: String) {
        fields.append(SIPHeaderField(name: name, value: value))
    }

    /// Inserts a field at `index`.
    public mutating func insert(_ name: SIPHeaderName, _ value: String, at index: Int) {
        fields.insert(SIPHeaderField(name: name, value: value), at: index)
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: SIPHeaderName) {
        fields.removeAll { !$0.isMalformed && $0.name == name }
    }
}
