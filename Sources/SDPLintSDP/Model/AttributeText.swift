internal import SDPLintDiagnostics
internal import SDPLintScanning

/// An attribute's value as stored: none, text set in code, or the range of the input it was
/// parsed from.
///
/// A browser description has 50 to 400 attribute values, most longer than the 15 bytes a
/// small `String` holds in place (candidates, fingerprints, ssrc and fmtp lines), so a `String`
/// each would be an allocation, a copy and a release per value. A parsed value instead shares
/// the array the parse read (which the parse result holds anyway) and notes its range: one
/// reference count. ``Attribute/value`` makes a `String` when it is read; typed views and
/// serialization read the bytes in place.
///
/// Values compare by their bytes, however they are stored: two attributes are equal when they
/// are written the same.
enum AttributeText: Sendable {
    case none
    case string(String)
    /// `input[start..<end]`; a range past `UInt32.max` is stored as `.string` instead.
    case parsed(input: [UInt8], start: UInt32, end: UInt32)
    /// No value: the white space after a property attribute's name (`a=rtcp-mux `), kept so
    /// that the line is written back as it was. Receivers read the attribute (measured:
    /// Chromium and Firefox take "a=rtcp-mux " as rtcp-mux).
    case trailer(input: [UInt8], start: UInt32, end: UInt32)

    init(_ value: String?) {
        self = value.map(Self.string) ?? .none
    }

    /// The value at `range` of `input`. A range even of a few bytes: sharing the array costs
    /// less than making a small string (measured).
    @inline(__always)
    init(_ input: [UInt8], _ range: Range<Int>) {
        if range.upperBound <= Int(UInt32.max) {
            self = .parsed(input: input, start: UInt32(range.lowerBound), end: UInt32(range.upperBound))
        } else {
            self = .string(input.withSpan { Bytes.string($0, range) })
        }
    }

    /// White space after a property attribute's name, at `range` of `input`.
    static func trailer(_ input: [UInt8], _ range: Range<Int>) -> Self {
        guard range.upperBound <= Int(UInt32.max) else { return .none }
        return .trailer(input: input, start: UInt32(range.lowerBound), end: UInt32(range.upperBound))
    }

    /// The value as a `String` (invalid UTF-8 read as U+FFFD), or `nil` for none.
    var string: String? {
        switch self {
        case .none, .trailer: nil
        case .string(let text): text
        case .parsed(let input, let start, let end): input.withSpan { Bytes.string($0, Int(start)..<Int(end)) }
        }
    }

    /// Calls `body` with the value's bytes, or returns `nil` for none.
    @inline(__always)
    func withBytes<Result>(_ body: (Span<UInt8>) -> Result) -> Result? {
        switch self {
        case .none, .trailer: nil
        case .string(let text): text.withUTF8Span(body)
        case .parsed(let input, let start, let end): input.withSpan { body($0.extracting(Int(start)..<Int(end))) }
        }
    }

    /// The typed value read leniently from these bytes, trailing white space excluded as the
    /// SDP parser excludes it; `nil` for none or when nothing usable could be read.
    func parse<Value: AttributeValue>(_ type: Value.Type) -> Value? {
        withBytes { bytes -> Value? in
            var collector = DiagnosticCollector()
            return Value.parse(wholeValue: bytes, into: &collector)
        } ?? nil
    }
}

extension AttributeText: Hashable {
    static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.trailer(let a, let aStart, let aEnd), .trailer(let b, let bStart, let bEnd)):
            return a[Int(aStart)..<Int(aEnd)].elementsEqual(b[Int(bStart)..<Int(bEnd)])
        case (.none, _), (_, .none), (.trailer, _), (_, .trailer): return false
        default:
            return lhs.withBytes { left in
                rhs.withBytes { right in
                    guard left.count == right.count else { return false }
                    for i in 0..<left.count where left[i] != right[i] { return false }
                    return true
                } ?? false
            } ?? false
        }
    }

    func hash(into hasher: inout Hasher) {
        if case .trailer(let input, let start, let end) = self {
            hasher.combine(-2)
            hasher.combine(input[Int(start)..<Int(end)].count)
            return
        }
        let hashed: Void? = withBytes { bytes in
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        if hashed == nil { hasher.combine(-1) }
    }
}
