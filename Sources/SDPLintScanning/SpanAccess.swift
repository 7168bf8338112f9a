// `Array.span` and `String.UTF8View.span` are available from macOS 26 / iOS 26 only (the standard
// library's annotations), while `Span` itself and the `span` of a buffer pointer or an array slice
// are back-deployed to every OS this package supports. These reach the same bytes that way.

extension Array where Element == UInt8 {
    /// Calls `body` with the array's bytes as a `Span`.
    @inlinable @inline(__always)
    package func withSpan<Result, Failure: Error>(
        _ body: (Span<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeBufferPointer { (buffer) throws(Failure) in try body(buffer.span) }
    }
}

extension String {
    /// Calls `body` with the UTF-8 bytes of the string as a `Span`, making them contiguous first
    /// if they are not (a bridged string).
    @inlinable @inline(__always)
    package func withUTF8Span<Result>(_ body: (Span<UInt8>) -> Result) -> Result {
        var copy = self
        return copy.withUTF8 { body($0.span) }
    }
}
