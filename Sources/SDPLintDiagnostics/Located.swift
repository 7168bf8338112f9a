/// A value and where it was read.
public struct Located<Value>: CustomStringConvertible {
    public var value: Value
    /// Where the value starts in the input; its byte range covers what it was read from.
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public var description: String { "\(location): \(value)" }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
