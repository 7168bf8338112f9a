/// Up to six byte ranges held in place, for the fields of one value: no array to allocate on the
/// parser's hot path. (`InlineArray` would do, but is available from macOS 26 / iOS 26 only.)
struct FieldRanges {
    static let capacity = 6
    private var storage: (Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>)

    @inline(__always)
    init(repeating range: Range<Int>) {
        storage = (range, range, range, range, range, range)
    }

    /// The range at `index`, which must be below ``capacity``.
    @inline(__always)
    subscript(index: Int) -> Range<Int> {
        get {
            switch index {
            case 0: storage.0
            case 1: storage.1
            case 2: storage.2
            case 3: storage.3
            case 4: storage.4
            default: storage.5
            }
        }
        set {
            switch index {
            case 0: storage.0 = newValue
            case 1: storage.1 = newValue
            case 2: storage.2 = newValue
            case 3: storage.3 = newValue
            case 4: storage.4 = newValue
            default: storage.5 = newValue
            }
        }
    }
}
