import Foundation

/// How many inputs each property draws: 300 by default, which keeps the whole target within a
/// few seconds of a debug build on two cores; `PROPERTY_ITERATIONS=20000 swift test --filter
/// PropertyTests` searches harder.
let iterations = ProcessInfo.processInfo.environment["PROPERTY_ITERATIONS"].flatMap { Int($0) } ?? 300
