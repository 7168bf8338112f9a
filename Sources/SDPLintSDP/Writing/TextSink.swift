import SDPLintScanning

/// Where the writers put text: a `String`, or the serializer's byte counter and writer.
///
/// ``SessionDescription/serialized()`` counts the bytes first with ``ByteCounter``, then writes
/// them with ``ByteWriter`` straight into a string of exactly that size. Appending to a `String`
/// piece by piece costs a few hundred instructions per piece (uniqueness, capacity, count and
/// ASCII bookkeeping); copying the bytes into storage reserved once costs a few dozen. The
/// writers are generic over the sink, so both passes and the public `write(to:)` methods share
/// one description of the text.
protocol TextSink {
    mutating func write(_ text: String)
    /// Bytes of the input, which are UTF-8 (a `String` sink reads invalid bytes as U+FFFD).
    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
    /// An ASCII literal.
    mutating func write(literal: StaticString)
    /// `value` in decimal, as `String(value)` prints it.
    mutating func write(decimal value: UInt64)
}

extension TextSink {
    /// `value` in decimal, as `String(value)` prints it (with a "-" when negative).
    @inline(__always)
    mutating func write(decimal value: Int) {
        if value < 0 { write(literal: "-") }
        write(decimal: UInt64(value.magnitude))
    }
}

extension String: TextSink {
    // `write(_: String)` is TextOutputStream's append.

    mutating func write(literal: StaticString) {
        literal.withUTF8Buffer { self += String(decoding: $0, as: UTF8.self) }
    }

    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        self += String(decoding: bytes, as: UTF8.self)
    }

    mutating func write(decimal value: UInt64) {
        self += String(value)
    }
}

/// Counts the bytes the writers would write.
struct ByteCounter: TextSink {
    private(set) var count = 0

    @inline(__always) mutating func write(_ text: String) { count += text.utf8.count }
    @inline(__always) mutating func write(literal: StaticString) { count += literal.utf8CodeUnitCount }
    @inline(__always) mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) { count += bytes.count }
    @inline(__always) mutating func write(decimal value: UInt64) { count += DecimalDigits.digitCount(value) }
}

/// Writes bytes into storage sized by a ``ByteCounter`` pass over the same writers. The storage
/// is the buffer of `String(unsafeUninitializedCapacity:initializingUTF8With:)`; the writer lives
/// only inside that closure. A write that would not fit (the two passes disagreeing, which they
/// cannot for the same value) is dropped rather than overflow the buffer.
struct ByteWriter: TextSink {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always)
    mutating func write(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { copy($0) }
        if copied == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    @inline(__always)
    mutating func write(literal: StaticString) {
        literal.withUTF8Buffer { copy($0) }
    }

    @inline(__always)
    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) { copy(bytes) }

    mutating func write(decimal value: UInt64) {
        // The largest power of ten not above the value, then the digits from the first.
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            append(UInt8(truncatingIfNeeded: value / divisor % 10) &+ UInt8(ascii: "0"))
            divisor /= 10
        } while divisor > 0
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, let base = buffer.baseAddress else { return }
        let length = min(bytes.count, buffer.count - count)
        (base + count).update(from: source, count: length)
        count += length
    }
}

extension DecimalDigits {
    /// The number of decimal digits of `value` (1 for 0).
    @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var remaining = value
        while remaining >= 10 {
            remaining /= 10
            count += 1
        }
        return count
    }
}
