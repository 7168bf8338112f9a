import SDPLintScanning

/// Byte-level reads of fmtp parameters, for the parser's checks (the public ``FMTP`` API reads
/// the stored text instead).
enum FMTPScan {
    /// The value range of parameter `name` (compared without case, RFC 4855 §3) in a
    /// `;`-separated `name=value` list.
    static func parameter(_ name: StaticString, in bytes: Span<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var i = range.lowerBound
        while i < range.upperBound {
            let itemEnd = Bytes.firstIndex(of: ASCII.semicolon, in: bytes, i..<range.upperBound)
            var nameStart = i
            while nameStart < itemEnd && bytes[nameStart].isWhitespace { nameStart += 1 }
            let equals = Bytes.firstIndex(of: ASCII.equals, in: bytes, nameStart..<itemEnd)
            var nameEnd = equals
            while nameEnd > nameStart && bytes[nameEnd - 1].isWhitespace { nameEnd -= 1 }
            if equals < itemEnd && Bytes.equalsIgnoringCase(bytes, nameStart..<nameEnd, name) {
                var valueStart = equals + 1
                var valueEnd = itemEnd
                while valueStart < valueEnd && bytes[valueStart].isWhitespace { valueStart += 1 }
                while valueEnd > valueStart && bytes[valueEnd - 1].isWhitespace { valueEnd -= 1 }
                return valueStart..<valueEnd
            }
            i = itemEnd + 1
        }
        return nil
    }
}
