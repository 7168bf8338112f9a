extension Candidate {
    /// The priority RFC 8445 §5.1.2.1 assigns, or `nil` when an input is out of range.
    ///
    /// RFC 8445 §5.1.2.1 <https://www.rfc-editor.org/rfc/rfc8445#section-5.1.2.1>
    ///
    /// ```
    /// priority = (2^24)*(type preference) + (2^8)*(local preference) + (2^0)*(256 - component ID)
    /// ```
    ///
    /// ```swift
    /// Candidate.computePriority(typePreference: 126, localPreference: 65535, componentID: 1)
    /// // 2130706431, a host UDP candidate for RTP
    /// ```
    ///
    /// - Parameters:
    ///   - typePreference: 0 (lowest) to 126 (highest); see ``Kind-swift.struct/recommendedTypePreference``.
    ///   - localPreference: 0 to 65535; 65535 when the agent has a single IP address.
    ///   - componentID: 1 to 256.
    /// - Returns: The priority, from 1 to 2^31-1, or `nil` when `typePreference` is above 126 or
    ///   `componentID` is outside 1...256.
    public static func computePriority(typePreference: UInt8, localPreference: UInt16, componentID: UInt16) -> UInt32? {
        guard typePreference <= 126, (1...256).contains(componentID) else { return nil }
        // With these bounds the sum is at most 126·2^24 + 65535·2^8 + 255 < 2^31: no overflow.
        return UInt32(typePreference) << 24 | UInt32(localPreference) << 8 | UInt32(256 - componentID)
    }

    /// The type preference the priority encodes: its top 8 bits, `priority >> 24`
    /// (RFC 8445 §5.1.2.1).
    public var typePreference: UInt8 { UInt8(truncatingIfNeeded: priority >> 24) }

    /// The local preference the priority encodes: bits 8 to 23 (RFC 8445 §5.1.2.1).
    public var localPreference: UInt16 { UInt16(truncatingIfNeeded: priority >> 8) }

    /// The component ID the priority encodes: 256 minus its low 8 bits (RFC 8445 §5.1.2.1).
    /// For a priority computed by the formula this equals ``componentID``.
    public var componentFromPriority: UInt16 { 256 - UInt16(priority & 0xFF) }
}

/// The priority of a candidate pair, from the priorities of the controlling agent's candidate
/// (`G`) and the controlled agent's candidate (`D`).
///
/// Call it as `ICE.pairPriority(controlling:controlled:)`; it is a module-level function because
/// the module holds no type named after itself.
///
/// RFC 8445 §6.1.2.3 <https://www.rfc-editor.org/rfc/rfc8445#section-6.1.2.3>
///
/// ```
/// pair priority = 2^32*MIN(G,D) + 2*MAX(G,D) + (G>D?1:0)
/// ```
///
/// - Returns: The pair priority. Candidate priorities are at most 2^31-1, where the formula
///   cannot overflow; for the single larger input that would (both `UInt32.max`) the result
///   saturates at `UInt64.max`.
public func pairPriority(controlling: UInt32, controlled: UInt32) -> UInt64 {
    let low = UInt64(min(controlling, controlled))
    let high = UInt64(max(controlling, controlled))
    let (sum, overflow) = (low << 32).addingReportingOverflow(2 * high + (controlling > controlled ? 1 : 0))
    return overflow ? UInt64.max : sum
}
