/// A small JSON writer with stable key order, so reports diff cleanly and match golden files.
public struct JSONWriter: Sendable {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit: String
    private var depth = 0

    public init(pretty: Bool = true) { indentUnit = pretty ? "  " : "" }

    private var pretty: Bool { !indentUnit.isEmpty }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && depth > 0 {
            output += "\n"
            output += String(repeating: indentUnit, count: depth)
        }
    }

    private mutating func key(_ name: String?) {
        separator()
        if let name {
            output += Self.quoted(name)
            output += pretty ? ": " : ":"
        }
    }

    public mutating func beginObject(_ name: String? = nil) { key(name); output += "{"; depth += 1; needsComma.append(false) }
    public mutating func beginArray(_ name: String? = nil) { key(name); output += "["; depth += 1; needsComma.append(false) }

    public mutating func endObject() { close("}") }
    public mutating func endArray() { close("]") }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        depth -= 1
        if pretty && hadItems {
            output += "\n"
            output += String(repeating: indentUnit, count: depth)
        }
        output += bracket
    }

    public mutating func string(_ name: String?, _ value: String?) {
        key(name)
        output += value.map(Self.quoted) ?? "null"
    }

    public mutating func int(_ name: String?, _ value: Int?) {
        key(name)
        output += value.map(String.init) ?? "null"
    }

    public mutating func bool(_ name: String?, _ value: Bool) {
        key(name)
        output += value ? "true" : "false"
    }

    /// A JSON string literal, escaping what RFC 8259 §7 requires.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
