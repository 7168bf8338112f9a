/// Small pieces every byte parser needs: slicing a `Span` into `String`s, comparing slices with
/// literals, and finding separators, all without Foundation.
@usableFromInline package enum Bytes {
    /// The UTF-8 text of `range`. The input was validated before parsing, so nothing is repaired.
    @inlinable @inline(__always)
    package static func string(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        return bytes.extracting(range).withUnsafeBufferPointer { source in
            // Up to 15 bytes fit a small string, which this initializer fills in place and, when
            // they are ASCII, does not validate further; longer text is validated as it is copied.
            guard source.count <= 15 else { return String(decoding: source, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: source.count) { target in
                _ = target.initialize(fromContentsOf: source)
                return source.count
            }
        }
    }

    /// Up to 8 bytes of `literal` from `offset`, little-endian and zero-padded: the value
    /// ``word(_:_:count:)`` loads for the same text. With a literal argument the optimizer
    /// folds it to a constant, so `switch word(…)` compares names in one instruction each.
    @inlinable @inline(__always)
    package static func word(_ literal: StaticString, from offset: Int = 0) -> UInt64 {
        var word: UInt64 = 0
        let count = literal.utf8CodeUnitCount
        var i = offset
        while i < count && i < offset + 8 {
            word |= UInt64(literal.utf8Start[i]) << (8 * UInt64(i - offset))
            i += 1
        }
        return word
    }

    /// The `count` (0...8) bytes at `start`, little-endian and zero-padded, in one load where
    /// 8 bytes are readable. `start..<start + count` must lie within `bytes`.
    @inlinable @inline(__always)
    package static func word(_ bytes: Span<UInt8>, _ start: Int, count: Int) -> UInt64 {
        guard count > 0 else { return 0 }
        if start >= 0 && start <= bytes.count - 8 {
            let raw = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: UInt64.self) }
            let word = UInt64(littleEndian: raw)
            return count >= 8 ? word : word & ((1 &<< UInt64(8 * count)) &- 1)
        }
        var word: UInt64 = 0
        for i in 0..<min(count, 8) { word |= UInt64(bytes[start + i]) << UInt64(8 * i) }
        return word
    }

    /// Whether `range` holds exactly the ASCII bytes of `literal`.
    @inlinable @inline(__always)
    package static func equals(_ bytes: Span<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count else {
            return false
        }
        let pointer = literal.utf8Start
        var i = 0
        for index in range {
            if bytes[unchecked: index] != pointer[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether `range` holds the ASCII bytes of `literal`, ignoring ASCII case.
    @inlinable @inline(__always)
    package static func equalsIgnoringCase(_ bytes: Span<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count else {
            return false
        }
        let pointer = literal.utf8Start
        var i = 0
        for index in range {
            if bytes[unchecked: index].asciiLowercased != pointer[i].asciiLowercased { return false }
            i += 1
        }
        return true
    }

    /// Whether two ranges of `bytes` hold the same bytes.
    @inlinable
    package static func equal(_ bytes: Span<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.lowerBound >= 0, b.lowerBound >= 0, a.upperBound <= bytes.count, b.upperBound <= bytes.count else {
            return false
        }
        var i = a.lowerBound
        var j = b.lowerBound
        while i < a.upperBound {
            if bytes[unchecked: i] != bytes[unchecked: j] { return false }
            i += 1
            j += 1
        }
        return true
    }

    /// Whether `range` holds the bytes of `text`, optionally ignoring ASCII case.
    package static func equals(_ bytes: Span<UInt8>, _ range: Range<Int>, _ text: String, ignoringCase: Bool) -> Bool {
        text.withUTF8Span { other in
            guard range.count == other.count, range.lowerBound >= 0, range.upperBound <= bytes.count else {
                return false
            }
            for i in 0..<other.count {
                let a = bytes[unchecked: range.lowerBound + i]
                let b = other[unchecked: i]
                if ignoringCase ? a.asciiLowercased != b.asciiLowercased : a != b { return false }
            }
            return true
        }
    }

    /// The first index in `range` holding `byte`, or `range.upperBound`.
    ///
    /// - Complexity: O(n), eight bytes at a time.
    @inlinable @inline(__always)
    package static func firstIndex(of byte: UInt8, in bytes: Span<UInt8>, _ range: Range<Int>) -> Int {
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, bytes.count)
        let pattern = 0x0101_0101_0101_0101 &* UInt64(byte)
        while i <= end &- 8 {
            let found = zeroBytes(loadWord(bytes, i) ^ pattern)
            if found != 0 { return i &+ found.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < end && bytes[unchecked: i] != byte { i += 1 }
        return i < end ? i : range.upperBound
    }

    /// The end of the run of bytes at `start` that are not SP or HTAB.
    ///
    /// - Complexity: O(n), eight bytes at a time.
    @inlinable @inline(__always)
    package static func tokenEnd(_ bytes: Span<UInt8>, from start: Int, to end: Int) -> Int {
        var i = max(0, start)
        let limit = min(end, bytes.count)
        while i <= limit &- 8 {
            let word = loadWord(bytes, i)
            let found = zeroBytes(word ^ 0x2020_2020_2020_2020) | zeroBytes(word ^ 0x0909_0909_0909_0909)
            if found != 0 { return i &+ found.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < limit && !bytes[unchecked: i].isWhitespace { i += 1 }
        return i < limit ? i : max(end, start)
    }

    /// The 8 bytes at `offset` (which must be at most `bytes.count - 8`), byte `offset` lowest.
    @inlinable @inline(__always)
    package static func loadWord(_ bytes: Span<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) })
    }

    /// A mask of the `count` (0...8) low bytes of a word.
    @inlinable @inline(__always)
    package static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(8 &* max(0, count))) &- 1
    }

    /// Bit 7 of each zero byte of `word` set, and possibly of bytes above the lowest zero byte
    /// (borrows), never below it: `trailingZeroBitCount >> 3` is the index of the first one.
    @inlinable @inline(__always)
    package static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// The first index at or after `start` that is not SP or HTAB.
    @inlinable @inline(__always)
    package static func skipWhitespace(_ bytes: Span<UInt8>, from start: Int, to end: Int) -> Int {
        var i = max(0, start)
        let limit = min(end, bytes.count)
        while i < limit && bytes[unchecked: i].isWhitespace { i += 1 }
        return i < limit ? i : max(end, start)
    }

    /// Whether every byte of `range` belongs to `allowed`; returns the first that does not.
    @inlinable @inline(__always)
    package static func firstIndex(notIn allowed: ASCII.Class, _ bytes: Span<UInt8>, _ range: Range<Int>) -> Int? {
        let end = min(range.upperBound, bytes.count)
        var i = max(0, range.lowerBound)
        while i < end {
            if !allowed.contains(bytes[unchecked: i]) { return i }
            i += 1
        }
        return nil
    }
}
