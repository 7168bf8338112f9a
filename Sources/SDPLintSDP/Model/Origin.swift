public import SDPLintDiagnostics

extension SessionDescription {
    /// The `o=` line: who created the session, its identity, and the version of this description.
    ///
    /// [RFC 8866 §5.2](https://www.rfc-editor.org/rfc/rfc8866#section-5.2)
    /// ```
    /// origin-field = %s"o" "=" username SP sess-id SP sess-version SP
    ///                nettype SP addrtype SP unicast-address CRLF
    /// ```
    public struct Origin: Sendable, Hashable, CustomStringConvertible {
        /// The user's login on the originating host, or "-" (`username = non-ws-string`).
        public var username: String { didSet { verbatim = nil } }
        /// A numeric string unique for the username and host (`sess-id = 1*DIGIT`). Kept as text:
        /// it identifies, it is not counted with. JSEP (RFC 8829 §5.2.1) keeps it below 2^63.
        public var sessionID: String { didSet { verbatim = nil } }
        /// Incremented on every change of the description (RFC 3264 §8; `sess-version = 1*DIGIT`).
        public var sessionVersion: UInt64 { didSet { verbatim = nil } }
        /// `nettype = token`, "IN" for the Internet.
        public var networkType: String { didSet { verbatim = nil } }
        /// `addrtype = token`, "IP4" or "IP6".
        public var addressType: Connection.AddressType { didSet { verbatim = nil } }
        /// The creating host's address or name (`unicast-address`).
        public var address: String { didSet { verbatim = nil } }
        /// The original text after `o=`, kept while it differs from the canonical form.
        var verbatim: String?
        /// The line this was read from (`SourceLine.none` when built in code); not part of equality.
        public internal(set) var sourceLine: SourceLine = .none

        public init(
            username: String = "-",
            sessionID: String,
            sessionVersion: UInt64,
            networkType: String = "IN",
            addressType: Connection.AddressType = .ip4,
            address: String = "127.0.0.1"
        ) {
            self.username = username
            self.sessionID = sessionID
            self.sessionVersion = sessionVersion
            self.networkType = networkType
            self.addressType = addressType
            self.address = address
        }

        /// The value after `o=`.
        public var description: String {
            var text = ""
            write(to: &text)
            return text
        }

        /// Appends the value after `o=`.
        public func write(to output: inout String) {
            write(into: &output)
        }

        func write<Sink: TextSink>(into output: inout Sink) {
            if let verbatim {
                output.write(verbatim)
                return
            }
            output.write(username)
            output.write(literal: " ")
            output.write(sessionID)
            output.write(literal: " ")
            output.write(decimal: sessionVersion)
            output.write(literal: " ")
            output.write(networkType)
            output.write(literal: " ")
            output.write(addressType.rawValue)
            output.write(literal: " ")
            output.write(address)
        }
    }
}
