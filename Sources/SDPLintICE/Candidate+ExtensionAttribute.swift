extension Candidate {
    /// One name/value pair after the candidate type, such as `generation 0`, kept as written.
    ///
    /// RFC 8839 §5.1 <https://www.rfc-editor.org/rfc/rfc8839#section-5.1>
    ///
    /// ```
    /// cand-extension        = extension-att-name SP extension-att-value
    /// extension-att-name    = token
    /// extension-att-value   = *VCHAR
    /// ```
    public struct ExtensionAttribute: Sendable, Hashable, CustomStringConvertible {
        /// `extension-att-name = token`, such as `generation` or `network-cost`.
        public var name: String
        /// `extension-att-value = *VCHAR`, such as `0` or `50`.
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// `name value`.
        public var description: String { name + " " + value }
    }

    /// The value of the first extension attribute called `name` (compared exactly), or `nil`.
    ///
    /// - Complexity: O(n) in the number of extension attributes.
    public func extensionValue(named name: String) -> String? {
        extensionAttributes.first { $0.name == name }?.value
    }

    /// The ICE generation, counted up at each ICE restart (libwebrtc's `generation` attribute).
    public var generation: UInt32? { extensionValue(named: "generation").flatMap { UInt32($0) } }

    /// The username fragment the candidate belongs to (libwebrtc's `ufrag` attribute), which
    /// tells candidates of an ICE restart apart.
    public var ufrag: String? { extensionValue(named: "ufrag") }

    /// The network interface the candidate was gathered on (libwebrtc's `network-id` attribute).
    public var networkID: UInt16? { extensionValue(named: "network-id").flatMap { UInt16($0) } }

    /// The cost of the network, from 0 to 999: 10 for Ethernet, 50 for unknown/loopback, 900
    /// for cellular (libwebrtc's `network-cost` attribute).
    public var networkCost: UInt16? { extensionValue(named: "network-cost").flatMap { UInt16($0) } }
}
