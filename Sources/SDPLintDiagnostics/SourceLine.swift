/// The 1-based line a model element was read from, in the text its parse result holds, so an
/// analysis of the model can point at the line without reading the text again.
///
/// It says where, not what: two elements are equal whatever lines they were read from, so a
/// `SourceLine` compares equal to every other and adds nothing to a hash. Elements built in
/// code have none.
public struct SourceLine: Sendable, Hashable, CustomStringConvertible {
    /// The line number, 0 for none: four bytes in every element.
    @usableFromInline let storage: UInt32

    /// No line: an element built in code.
    @inlinable public static var none: SourceLine { SourceLine(storage: 0) }

    @inlinable init(storage: UInt32) { self.storage = storage }

    /// The 1-based line `number`; numbers that do not fit are none.
    @inlinable public init(_ number: Int) {
        storage = number > 0 && number <= Int(UInt32.max) ? UInt32(number) : 0
    }

    /// The line number, or `nil` for an element built in code.
    @inlinable public var number: Int? { storage == 0 ? nil : Int(storage) }

    public var description: String { number.map { "line \($0)" } ?? "no line" }

    /// Always true: where an element was read takes no part in what it is.
    @inlinable public static func == (lhs: SourceLine, rhs: SourceLine) -> Bool { true }

    @inlinable public func hash(into hasher: inout Hasher) {}
}
