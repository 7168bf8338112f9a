/// Writes JSON text straight into a `String`, without building a tree first.
///
/// Containers take a closure, so the structure is right by construction: an object's closure can
/// only add members, an array's only elements, and every bracket closes.
///
/// ```swift
/// var writer = JSONWriter(format: .pretty(indent: 2))
/// writer.object { envelope in
///     envelope.member("type", "offer")
///     envelope.member("sdp", sdpText)
/// }
/// writer.output  // {\n  "type": "offer",\n  "sdp": "v=0\r\n…"\n}
/// ```
///
/// Strings are escaped as RFC 8259 §7 requires and as `JSON.stringify` does: `\"`, `\\`, the
/// short escapes `\b \f \n \r \t`, and `\u00XX` (lower-case) for the other control characters;
/// everything else, U+2028 and U+2029 included, is written as UTF-8. Numbers are written from
/// their exact text. Writing several values at the top level puts each on its own line, which
/// with ``Format/compact`` is an NDJSON stream.
///
/// RFC 8259 §7 <https://www.rfc-editor.org/rfc/rfc8259#section-7>
public struct JSONWriter: Sendable {
    /// How the text is laid out.
    public enum Format: Sendable, Hashable {
        /// No whitespace at all: `{"a":[1,2]}`.
        case compact
        /// One member or element per line, indented by `indent` spaces a level, `": "` after
        /// names, and empty containers as `[]` and `{}`: the layout of
        /// `JSON.stringify(value, null, indent)`, which likewise takes 0 to 10 spaces.
        case pretty(indent: Int)

        /// Two-space indentation.
        public static let pretty = Format.pretty(indent: 2)
    }

    /// The text written so far.
    public private(set) var output: String
    public let format: Format
    /// The nesting level of the next value.
    private var depth = 0
    /// The number of values at the top level so far.
    private var topLevelCount = 0

    /// A writer that appends to `output`.
    public init(format: Format = .compact, appendingTo output: String = "") {
        self.format = format
        self.output = output
    }

    // MARK: Values

    public mutating func null() {
        beginTopLevel()
        output += "null"
    }

    public mutating func bool(_ value: Bool) {
        beginTopLevel()
        output += value ? "true" : "false"
    }

    public mutating func number(_ value: JSONNumber) {
        beginTopLevel()
        output += value.text
    }

    public mutating func number<Integer: BinaryInteger>(_ value: Integer) {
        beginTopLevel()
        output += String(value)
    }

    /// Writes a finite `Double` in its shortest form; NaN and the infinities, which JSON cannot
    /// write, become `null` as in `JSON.stringify`.
    public mutating func number(_ value: Double) {
        beginTopLevel()
        output += JSONNumber(value)?.text ?? "null"
    }

    public mutating func string(_ value: String) {
        beginTopLevel()
        Self.writeString(value, to: &output)
    }

    /// Writes a whole value tree.
    ///
    /// - Complexity: O(n) in the size of the text written.
    public mutating func value(_ value: JSONValue) {
        beginTopLevel()
        write(value)
    }

    /// Writes an object whose members `body` adds.
    public mutating func object<Failure: Error>(_ body: (inout ObjectWriter) throws(Failure) -> Void) throws(Failure) {
        beginTopLevel()
        try writeObject(body)
    }

    /// Writes an array whose elements `body` adds.
    public mutating func array<Failure: Error>(_ body: (inout ArrayWriter) throws(Failure) -> Void) throws(Failure) {
        beginTopLevel()
        try writeArray(body)
    }

    // MARK: Containers

    /// Adds the members of one object.
    public struct ObjectWriter: Sendable {
        fileprivate var writer: JSONWriter
        fileprivate var count = 0

        /// Starts a member: its separator and name; the caller writes the value.
        private mutating func key(_ key: String) {
            writer.separate(first: count == 0)
            count += 1
            JSONWriter.writeString(key, to: &writer.output)
            writer.output += writer.isPretty ? ": " : ":"
        }

        public mutating func member(_ name: String, _ value: JSONValue) {
            key(name)
            writer.write(value)
        }
        public mutating func member(_ name: String, _ value: String) {
            key(name)
            JSONWriter.writeString(value, to: &writer.output)
        }
        public mutating func member(_ name: String, _ value: Bool) {
            key(name)
            writer.output += value ? "true" : "false"
        }
        public mutating func member(_ name: String, _ value: JSONNumber) {
            key(name)
            writer.output += value.text
        }
        public mutating func member<Integer: BinaryInteger>(_ name: String, _ value: Integer) {
            key(name)
            writer.output += String(value)
        }
        /// A finite `Double`, or `null` for NaN and the infinities.
        public mutating func member(_ name: String, _ value: Double) {
            key(name)
            writer.output += JSONNumber(value)?.text ?? "null"
        }
        public mutating func nullMember(_ name: String) {
            key(name)
            writer.output += "null"
        }

        /// A member whose value is `value` when it is not `nil`; nothing otherwise.
        public mutating func member(_ name: String, ifPresent value: String?) {
            if let value { member(name, value) }
        }

        /// A member that is always present: `value`, or `null` when it is `nil`, for schemas
        /// that require the key.
        public mutating func member(_ name: String, orNull value: String?) {
            if let value { member(name, value) } else { nullMember(name) }
        }

        /// A member that is always present: `value`, or `null` when it is `nil`.
        public mutating func member<Integer: BinaryInteger>(_ name: String, orNull value: Integer?) {
            if let value { member(name, value) } else { nullMember(name) }
        }

        /// An array of strings.
        public mutating func member(_ name: String, strings: some Sequence<String>) {
            member(name, array: { array in for item in strings { array.element(item) } })
        }

        public mutating func member<Failure: Error>(
            _ name: String, object body: (inout ObjectWriter) throws(Failure) -> Void
        ) throws(Failure) {
            key(name)
            try writer.writeObject(body)
        }

        public mutating func member<Failure: Error>(
            _ name: String, array body: (inout ArrayWriter) throws(Failure) -> Void
        ) throws(Failure) {
            key(name)
            try writer.writeArray(body)
        }
    }

    /// Adds the elements of one array.
    public struct ArrayWriter: Sendable {
        fileprivate var writer: JSONWriter
        fileprivate var count = 0

        private mutating func next() {
            writer.separate(first: count == 0)
            count += 1
        }

        public mutating func element(_ value: JSONValue) {
            next()
            writer.write(value)
        }
        public mutating func element(_ value: String) {
            next()
            JSONWriter.writeString(value, to: &writer.output)
        }
        public mutating func element(_ value: Bool) {
            next()
            writer.output += value ? "true" : "false"
        }
        public mutating func element(_ value: JSONNumber) {
            next()
            writer.output += value.text
        }
        public mutating func element<Integer: BinaryInteger>(_ value: Integer) {
            next()
            writer.output += String(value)
        }
        public mutating func element(_ value: Double) {
            next()
            writer.output += JSONNumber(value)?.text ?? "null"
        }
        public mutating func nullElement() {
            next()
            writer.output += "null"
        }

        public mutating func object<Failure: Error>(
            _ body: (inout ObjectWriter) throws(Failure) -> Void
        ) throws(Failure) {
            next()
            try writer.writeObject(body)
        }

        public mutating func array<Failure: Error>(_ body: (inout ArrayWriter) throws(Failure) -> Void) throws(Failure)
        {
            next()
            try writer.writeArray(body)
        }
    }

    // MARK: Layout

    private var isPretty: Bool {
        if case .pretty = format { return true }
        return false
    }

    /// Separates top-level values by a line feed.
    private mutating func beginTopLevel() {
        if depth == 0 {
            if topLevelCount > 0 { output += "\n" }
            topLevelCount += 1
        }
    }

    /// Writes what comes before a member or element: a comma unless it is the first, then in
    /// pretty form a line break and the indentation.
    private mutating func separate(first: Bool) {
        if !first { output += "," }
        if case .pretty(let indent) = format {
            output += "\n"
            output += String(repeating: " ", count: min(max(0, indent), 10) * depth)
        }
    }

    /// Writes the line break and indentation before a non-empty container's closing bracket.
    private mutating func closeLine() {
        if case .pretty(let indent) = format {
            output += "\n"
            output += String(repeating: " ", count: min(max(0, indent), 10) * (depth - 1))
        }
    }

    /// Hands this writer's state to the container writer and takes it back, so the text is
    /// never copied.
    private mutating func writeObject<Failure: Error>(
        _ body: (inout ObjectWriter) throws(Failure) -> Void
    ) throws(Failure) {
        output += "{"
        depth += 1
        var container = ObjectWriter(writer: self)
        output = ""
        defer {
            // Swap rather than copy: a second reference to the text would make the next append
            // copy all of it.
            swap(&self, &container.writer)
            if container.count > 0 { closeLine() }
            depth -= 1
            output += "}"
        }
        try body(&container)
    }

    private mutating func writeArray<Failure: Error>(
        _ body: (inout ArrayWriter) throws(Failure) -> Void
    ) throws(Failure) {
        output += "["
        depth += 1
        var container = ArrayWriter(writer: self)
        output = ""
        defer {
            // Swap rather than copy: a second reference to the text would make the next append
            // copy all of it.
            swap(&self, &container.writer)
            if container.count > 0 { closeLine() }
            depth -= 1
            output += "]"
        }
        try body(&container)
    }

    /// Writes a value tree at the current depth.
    fileprivate mutating func write(_ value: JSONValue) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += number.text
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements):
            writeArray { array in
                for element in elements { array.element(element) }
            }
        case .object(let object):
            writeObject { members in
                for member in object.members { members.member(member.key, member.value) }
            }
        }
    }

    // MARK: Strings

    /// Appends `text` as a JSON string, quotation marks included.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    public static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Native strings are contiguous already; a bridged one is copied once.
        var contiguous = text
        contiguous.withUTF8 { appendEscaped($0.span, to: &output) }
        output += "\""
    }

    /// `text` as a JSON string, quotation marks included.
    public static func quoted(_ text: String) -> String {
        var output = ""
        writeString(text, to: &output)
        return output
    }

    /// Appends the bytes of a string, escaping what must be escaped. Runs of bytes that need no
    /// escape are appended in one piece.
    private static func appendEscaped(_ bytes: Span<UInt8>, to output: inout String) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[unchecked: index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if runStart < index { appendVerbatim(bytes, runStart..<index, to: &output) }
            switch byte {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            default:
                output += "\\u00"
                output.unicodeScalars.append(hexDigit(byte >> 4))
                output.unicodeScalars.append(hexDigit(byte & 0xF))
            }
            runStart = index + 1
        }
        if runStart < bytes.count { appendVerbatim(bytes, runStart..<bytes.count, to: &output) }
    }

    /// The lower-case hexadecimal digit of a nibble.
    private static func hexDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
    }

    /// Appends bytes cut from a valid `String` at ASCII boundaries, so they are valid UTF-8.
    @inline(__always)
    private static func appendVerbatim(_ bytes: Span<UInt8>, _ range: Range<Int>, to output: inout String) {
        bytes.extracting(range).withUnsafeBufferPointer { output += String(decoding: $0, as: UTF8.self) }
    }
}

extension JSONValue {
    /// The value as JSON text: compact, or pretty with two-space indentation. Members keep
    /// their order; numbers keep their text.
    ///
    /// - Complexity: O(n) in the size of the text.
    public func serialized(pretty: Bool = false) -> String {
        serialized(format: pretty ? .pretty : .compact)
    }

    /// The value as JSON text in `format`.
    public func serialized(format: JSONWriter.Format) -> String {
        var writer = JSONWriter(format: format)
        writer.value(self)
        return writer.output
    }

    /// Appends the value as JSON text to `output`.
    public func write(to output: inout String, format: JSONWriter.Format = .compact) {
        var writer = JSONWriter(format: format, appendingTo: output)
        output = ""
        writer.value(self)
        output = writer.output
    }
}
