internal import SDPLintScanning

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
        bytes.withSpan { span in
            var safe: Int?
            let open = openContainers(span, upTo: span.count) { offset, byte, depth in
                if byte != ASCII.comma || depth > 0 { safe = offset }
            }
            guard !open.isEmpty, let safe else { return nil }
            var text = Array(bytes[..<safe])
            for container in openContainers(span, upTo: safe).reversed() {
                text.append(container == ASCII.openBrace ? ASCII.closeBrace : ASCII.closeBracket)
            }
            return Closed(text: text, keptBytes: safe)
        }
    }

    /// The containers still open after the first `end` bytes, outermost first. `candidate` is
    /// called at each place the text could be cut back to — just after an opening bracket (the
    /// offset after it) and at a comma (its own offset) — with the depth before the comma.
    private static func openContainers(
        _ bytes: Span<UInt8>, upTo end: Int,
        candidate: (_ offset: Int, _ byte: UInt8, _ depth: Int) -> Void = { _, _, _ in }
    ) -> [UInt8] {
        var stack: [UInt8] = []
        var offset = 0
        while offset < end {
            let byte = bytes[offset]
            switch byte {
            case ASCII.quote:
                offset = stringEnd(bytes, opening: offset, end)
            case ASCII.openBrace, ASCII.openBracket:
                stack.append(byte)
                candidate(offset + 1, byte, stack.count)
            case ASCII.closeBrace, ASCII.closeBracket:
                if !stack.isEmpty { stack.removeLast() }
            case ASCII.comma:
                candidate(offset, byte, stack.count)
            default:
                break
            }
            offset += 1
        }
        return stack
    }

    /// The offset of the quotation mark that closes the string opening at `quote`, or `end` when
    /// the text ends inside it. Eight bytes at a time up to the next quotation mark or backslash:
    /// a dump cut short is often one long string (a decompression bomb stopped at its limit is
    /// 64 MiB of one).
    private static func stringEnd(_ bytes: Span<UInt8>, opening quote: Int, _ end: Int) -> Int {
        var offset = quote + 1
        while offset < end {
            while offset &+ 8 <= end {
                // `end` is at most `bytes.count`, so the eight bytes lie within the span.
                let word = Bytes.loadWord(bytes, offset)
                let special = JSONParser.hasByte(word, ASCII.quote) | JSONParser.hasByte(word, ASCII.backslash)
                if special != 0 {
                    offset &+= special.trailingZeroBitCount >> 3
                    break
                }
                offset &+= 8
            }
            guard offset < end else { break }
            switch bytes[offset] {
            case ASCII.quote: return offset
            case ASCII.backslash: offset += 2
            default: offset += 1
            }
        }
        return end
    }
}
