/// When a packet was captured: seconds since 1970-01-01 00:00:00 UTC and a fraction in
/// nanoseconds.
///
/// Captures store microseconds, nanoseconds or (pcapng) any power of 10 or of 2; finer
/// resolutions are truncated to nanoseconds, which is all a SIP trace needs.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since the Unix epoch.
    public var seconds: Int64
    /// Nanoseconds within the second, 0 ..< 1_000_000_000.
    public var nanoseconds: UInt32

    public init(seconds: Int64, nanoseconds: UInt32) {
        let carry = Int64(nanoseconds / 1_000_000_000)
        self.seconds = seconds.addingReportingOverflow(carry).overflow ? seconds : seconds + carry
        self.nanoseconds = nanoseconds % 1_000_000_000
    }

    /// A count of `unitsPerSecond`-long ticks since the epoch, as pcapng stores it.
    init(ticks: UInt64, unitsPerSecond: UInt64, offsetSeconds: Int64 = 0) {
        let divisor = max(1, unitsPerSecond)
        let whole = ticks / divisor
        let remainder = ticks % divisor
        // remainder × 10^9 / divisor < 10^9, computed in 128 bits so no resolution overflows.
        let product = remainder.multipliedFullWidth(by: 1_000_000_000)
        let nanos = divisor.dividingFullWidth((product.high, product.low)).quotient
        let seconds = Int64(clamping: whole)
        let shifted = seconds.addingReportingOverflow(offsetSeconds)
        self.init(seconds: shifted.overflow ? seconds : shifted.partialValue, nanoseconds: UInt32(clamping: nanos))
    }

    /// Seconds as a floating-point number, for display and time windows.
    public var timeInterval: Double { Double(seconds) + Double(nanoseconds) / 1e9 }

    /// `1732541234.123456789`.
    public var description: String {
        let fraction = String(nanoseconds)
        return "\(seconds).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
