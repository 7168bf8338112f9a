/// Fixed-width integers read out of byte arrays.
///
/// Every read is bounds-checked and yields 0 past the end, so a length that was not validated
/// gives a wrong value, never a trap; callers check lengths before they trust what they read.
extension Array where Element == UInt8 {
    @inline(__always)
    func u8(_ index: Int) -> UInt8 {
        index >= 0 && index < count ? self[index] : 0
    }

    @inline(__always)
    func u16(_ index: Int, bigEndian: Bool = true) -> UInt16 {
        guard index >= 0, index <= count - 2 else { return 0 }
        let a = UInt16(self[index])
        let b = UInt16(self[index + 1])
        return bigEndian ? a << 8 | b : b << 8 | a
    }

    @inline(__always)
    func u32(_ index: Int, bigEndian: Bool = true) -> UInt32 {
        guard index >= 0, index <= count - 4 else { return 0 }
        let a = UInt32(self[index])
        let b = UInt32(self[index + 1])
        let c = UInt32(self[index + 2])
        let d = UInt32(self[index + 3])
        return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
    }

    @inline(__always)
    func u64(_ index: Int, bigEndian: Bool = true) -> UInt64 {
        let first = UInt64(u32(index, bigEndian: bigEndian))
        let second = UInt64(u32(index + 4, bigEndian: bigEndian))
        return bigEndian ? first << 32 | second : second << 32 | first
    }

    /// The bytes of `range`, clamped to the array, as a new array.
    func copy(_ range: Range<Int>) -> [UInt8] {
        let lower = Swift.max(0, Swift.min(range.lowerBound, count))
        let upper = Swift.max(lower, Swift.min(range.upperBound, count))
        return Array(self[lower..<upper])
    }
}

/// Sizes rounded up to a multiple of 4, as pcapng pads block data and options (3.1).
@inline(__always)
func padded4(_ value: Int) -> Int? {
    let sum = value.addingReportingOverflow(3)
    return sum.overflow ? nil : sum.partialValue & ~3
}
