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
    /// before it, and the containers opened before the cut: `{"a":[1,2,{"b":` becomes
    /// `{"a":[1,2,{}]}`, and `{"a":[1,2,"x` becomes `{"a":[1,2]}`.
    ///
    /// - Parameter bytes: The text that was cut short.
    /// - Returns: The repaired text, and the offset where the original was cut back to.
    /// - Complexity: O(*n*) for *n* bytes: one pass finds where the text could last end, a
    ///   second the containers open there (copying the open containers at every candidate
    ///   place made 10 MB of nested brackets take minutes).
    public static func closing(_ bytes: [UInt8]) -> Closed? {
        var safe: Int?
        let open = openContainers(bytes[...]) { offset, byte, depth in
            if byte != UInt8(ascii: ",") || depth > 0 { safe = offset }
        }
        guard !open.isEmpty, let safe else { return nil }
        var text = Array(bytes[..<safe])
        for container in openContainers(bytes[..<safe]).reversed() {
            text.append(container == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
        return Closed(text: text, keptBytes: safe)
    }

    /// The containers still open at the end of `bytes`, outermost first. `candidate` is called
    /// at each place the text could be cut back to — just after an opening bracket (the offset
    /// after it) and at a comma (its own offset) — with the depth before the comma.
    private static func openContainers(
        _ bytes: ArraySlice<UInt8>, candidate: (_ offset: Int, _ byte: UInt8, _ depth: Int) -> Void = { _, _, _ in }
    ) -> [UInt8] {
        var stack: [UInt8] = []
        var inString = false
        var escaped = false
        for offset in bytes.indices {
            let byte = bytes[offset]
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
                candidate(offset + 1, byte, stack.count)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                candidate(offset, byte, stack.count)
            default:
                break
            }
        }
        return stack
    }
}
