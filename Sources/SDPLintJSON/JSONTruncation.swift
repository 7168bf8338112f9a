/// Recovery of a JSON text that was cut short — a download interrupted, a log rotated — so
/// that what was complete before the cut can still be read.
public enum JSONTruncation {
    /// A text cut back and closed.
    public struct Closed: Sendable, Hashable {
        /// The repaired text: the original up to ``keptBytes``, then the closing brackets.
        public var text: [UInt8]
        /// How many bytes of the original the repaired text keeps.
        public var keptBytes: Int

        /// A repaired text.
        ///
        /// - Parameters:
        ///   - text: The repaired text.
        ///   - keptBytes: How many bytes of the original it keeps.
        public init(text: [UInt8], keptBytes: Int) {
            self.text = text
            self.keptBytes = keptBytes
        }
    }

    /// The text cut back to its last complete member or element, with the containers still
    /// open closed; `nil` when the text does not end inside a container.
    ///
    /// The result drops the incomplete member or element the text ends in and keeps every one
    /// before it: `{"a":[1,2,{"b":` becomes `{"a":[1,2]}`.
    ///
    /// - Parameter bytes: The text that was cut short.
    /// - Returns: The repaired text, and the offset where the original was cut back to.
    /// - Complexity: O(*n*·*d*) for *n* bytes and nesting depth *d*.
    public static func closing(_ bytes: [UInt8]) -> Closed? {
        var stack: [UInt8] = []
        var inString = false
        var escaped = false
        // The last place the text could end, with the containers open there.
        var safe: (offset: Int, open: [UInt8])?
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(byte)
                safe = (offset + 1, stack)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if !stack.isEmpty { safe = (offset, stack) }
            default:
                break
            }
        }
        guard !stack.isEmpty, let safe else { return nil }
        var text = Array(bytes[..<safe.offset])
        for open in safe.open.reversed() {
            text.append(open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
        return Closed(text: text, keptBytes: safe.offset)
    }
}
