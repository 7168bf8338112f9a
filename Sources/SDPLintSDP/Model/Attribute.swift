public import SDPLintDiagnostics

/// One `a=` line, exactly as written: a name and, unless it is a property attribute, the text
/// after the first colon.
///
/// Attributes are kept raw and in document order so that serialization gives back every byte;
/// typed views (`RTPMap`, `Fingerprint`, `Candidate`, …) are read from the raw value on demand
/// with ``as(_:)`` and written back with ``init(_:)``.
///
/// [RFC 8866 §5.13](https://www.rfc-editor.org/rfc/rfc8866#section-5.13)
/// ```
/// attribute-field = %s"a" "=" attribute CRLF
/// attribute       = (attribute-name ":" attribute-value) / attribute-name
/// ```
public struct Attribute: Sendable, Hashable, CustomStringConvertible {
    /// The attribute name, before the first colon.
    public var name: Name
    /// Everything after the first colon, unchanged (leading spaces included), or `nil` for a
    /// property attribute such as `a=rtcp-mux`. An empty string means the line ended with a colon.
    ///
    /// A parsed value is kept as a range of the parsed input and made into a `String` each time
    /// it is read here; ``as(_:)`` reads it in place.
    public var value: String? {
        get { text.string }
        set { text = AttributeText(newValue) }
    }
    /// The line this was read from (`SourceLine.none` when built in code); not part of equality.
    public internal(set) var sourceLine: SourceLine = .none
    /// The value as stored.
    var text: AttributeText

    /// An attribute read from line `sourceLine`.
    @inline(__always)
    init(name: Name, text: AttributeText, sourceLine: SourceLine) {
        self.name = name
        self.text = text
        self.sourceLine = sourceLine
    }

    public init(name: Name, value: String? = nil) {
        self.name = name
        self.text = AttributeText(value)
    }

    /// A typed attribute written in its canonical form.
    public init<Value: AttributeValue>(_ typed: Value) {
        self.name = Value.attributeName
        self.text = .string(typed.valueText)
    }

    /// The line without `a=`: `name` or `name:value`.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Appends `name[:value]` (without `a=` and without a line ending).
    public func write(to output: inout String) {
        write(into: &output)
    }

    func write<Sink: TextSink>(into output: inout Sink) {
        switch name.storage {
        case .known(let known): output.write(literal: known.literal)
        case .other(let text): output.write(text)
        }
        switch text {
        case .none:
            break
        case .string(let value):
            output.write(literal: ":")
            output.write(value)
        case .parsed(let input, let start, let end):
            output.write(literal: ":")
            // The parser made this range of this input (AttributeText), so it lies within it.
            input.withUnsafeBufferPointer {
                output.write(utf8: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]))
            }
        case .trailer(let input, let start, let end):
            input.withUnsafeBufferPointer {
                output.write(utf8: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]))
            }
        }
    }

    /// The white space written after a property attribute's name (`a=rtcp-mux␠`), if any.
    package var trailingWhitespace: String? {
        guard case .trailer(let input, let start, let end) = text else { return nil }
        return String(decoding: input[Int(start)..<Int(end)], as: UTF8.self)
    }

    /// The typed view of this attribute, or `nil` when the name differs or the value does not
    /// parse.
    public func `as`<Value: AttributeValue>(_ type: Value.Type) -> Value? {
        guard name == Value.attributeName else { return nil }
        return text.parse(Value.self)
    }
}

extension Attribute {
    /// An attribute name (RFC 8866 `attribute-name = token`).
    ///
    /// Names are an open vocabulary: the static members cover the WebRTC/JSEP and SIP set, and
    /// any other token is kept as written. Names compare exactly, as libwebrtc and the IANA
    /// registry treat them; a known name in another case is reported by the parser. A known
    /// name is stored as a small tag rather than a string, so the thousands of attributes a
    /// parser makes cost no reference counting for their names.
    public struct Name: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        enum Storage: Sendable, Hashable {
            case known(KnownAttribute)
            case other(String)
        }

        let storage: Storage

        init(known: KnownAttribute) { storage = .known(known) }

        public init(rawValue: String) {
            storage = KnownAttribute(name: rawValue).map(Storage.known) ?? .other(rawValue)
        }

        public init(_ rawValue: String) { self.init(rawValue: rawValue) }
        public init(stringLiteral value: String) { self.init(rawValue: value) }

        public var rawValue: String {
            switch storage {
            case .known(let known): known.nameString
            case .other(let name): name
            }
        }

        public var description: String { rawValue }

        /// Whether this name is the registered property attribute for a media direction.
        public var direction: Direction? { Direction(rawValue: rawValue) }

        var known: KnownAttribute? {
            if case .known(let known) = storage { return known }
            return nil
        }

        /// Whether this is one of the names sdplint knows (the static members), as written.
        public var isKnown: Bool { known != nil }

        /// Whether this is a known property attribute, written without a value (RFC 8866 §5.13).
        package var isProperty: Bool { known?.isFlag ?? false }
    }
}

extension Attribute.Name {
    // RFC 8866 §6
    public static var rtpmap: Self { Self(known: .rtpmap) }
    public static var fmtp: Self { Self(known: .fmtp) }
    public static var ptime: Self { Self(known: .ptime) }
    public static var maxptime: Self { Self(known: .maxptime) }
    public static var framerate: Self { Self(known: .framerate) }
    public static var sendrecv: Self { Self(known: .sendrecv) }
    public static var sendonly: Self { Self(known: .sendonly) }
    public static var recvonly: Self { Self(known: .recvonly) }
    public static var inactive: Self { Self(known: .inactive) }
    public static var orient: Self { Self(known: .orient) }
    public static var type: Self { Self(known: .type) }
    public static var charset: Self { Self(known: .charset) }
    public static var sdplang: Self { Self(known: .sdplang) }
    public static var lang: Self { Self(known: .lang) }
    public static var quality: Self { Self(known: .quality) }
    public static var tool: Self { Self(known: .tool) }
    public static var cat: Self { Self(known: .cat) }
    public static var keywds: Self { Self(known: .keywds) }
    // RTP/AVPF and RTCP
    public static var rtcp: Self { Self(known: .rtcp) }  // RFC 3605
    public static var rtcpFeedback: Self { Self(known: .rtcpFeedback) }  // RFC 4585
    public static var rtcpMux: Self { Self(known: .rtcpMux) }  // RFC 5761
    public static var rtcpMuxOnly: Self { Self(known: .rtcpMuxOnly) }  // RFC 8858
    public static var rtcpReducedSize: Self { Self(known: .rtcpReducedSize) }  // RFC 5506
    public static var rtcpXR: Self { Self(known: .rtcpXR) }  // RFC 3611
    public static var extmap: Self { Self(known: .extmap) }  // RFC 8285
    public static var extmapAllowMixed: Self { Self(known: .extmapAllowMixed) }  // RFC 8285
    // Grouping, identification, streams
    public static var mid: Self { Self(known: .mid) }  // RFC 5888
    public static var group: Self { Self(known: .group) }  // RFC 5888
    public static var msid: Self { Self(known: .msid) }  // RFC 8830
    public static var msidSemantic: Self { Self(known: .msidSemantic) }  // draft-ietf-mmusic-msid (legacy)
    public static var ssrc: Self { Self(known: .ssrc) }  // RFC 5576
    public static var ssrcGroup: Self { Self(known: .ssrcGroup) }  // RFC 5576
    public static var rid: Self { Self(known: .rid) }  // RFC 8851
    public static var simulcast: Self { Self(known: .simulcast) }  // RFC 8853
    public static var bundleOnly: Self { Self(known: .bundleOnly) }  // RFC 9143
    public static var label: Self { Self(known: .label) }  // RFC 4574
    public static var content: Self { Self(known: .content) }  // RFC 4796
    // ICE (RFC 8839, RFC 8840)
    public static var candidate: Self { Self(known: .candidate) }
    public static var remoteCandidates: Self { Self(known: .remoteCandidates) }
    public static var iceUfrag: Self { Self(known: .iceUfrag) }
    public static var icePwd: Self { Self(known: .icePwd) }
    public static var iceOptions: Self { Self(known: .iceOptions) }
    public static var iceLite: Self { Self(known: .iceLite) }
    public static var iceMismatch: Self { Self(known: .iceMismatch) }
    public static var icePacing: Self { Self(known: .icePacing) }
    public static var endOfCandidates: Self { Self(known: .endOfCandidates) }
    // DTLS and keys
    public static var fingerprint: Self { Self(known: .fingerprint) }  // RFC 8122
    public static var setup: Self { Self(known: .setup) }  // RFC 4145
    public static var connection: Self { Self(known: .connection) }  // RFC 4145
    public static var tlsID: Self { Self(known: .tlsID) }  // RFC 8842
    public static var crypto: Self { Self(known: .crypto) }  // RFC 4568
    public static var identity: Self { Self(known: .identity) }  // RFC 8827
    // SCTP data channels (RFC 8841, and the legacy draft-ietf-mmusic-sctp-sdp-05)
    public static var sctpPort: Self { Self(known: .sctpPort) }
    public static var maxMessageSize: Self { Self(known: .maxMessageSize) }
    public static var sctpmap: Self { Self(known: .sctpmap) }
    // Video
    public static var imageattr: Self { Self(known: .imageattr) }  // RFC 6236
}
