/// How the parser treats what it reads.
public struct SIPParseOptions: Sendable, Hashable {
    /// In strict mode every rule reports at its strict severity; the default lenient mode
    /// tolerates what deployed SIP stacks tolerate and reports it as a warning.
    public var strict: Bool
    /// Whether the body is read by its Content-Type (SDP, multipart) and its findings reported
    /// after the message's, at their line in the message.
    public var checksBody: Bool
    public var limits: Limits

    public init(strict: Bool = false, checksBody: Bool = true, limits: Limits = Limits()) {
        self.strict = strict
        self.checksBody = checksBody
        self.limits = limits
    }

    public static let lenient = SIPParseOptions()
    public static let strict = SIPParseOptions(strict: true)

    /// Bounds on one message, so hostile input costs bounded time and memory. Exceeding one
    /// is an `SIP3xx` error; what was within the bounds is still read.
    public struct Limits: Sendable, Hashable {
        /// The largest message, start line, headers and body together, in bytes.
        public var maxMessageBytes: Int
        /// The longest header line (with its continuation lines), in bytes.
        public var maxHeaderLineLength: Int
        /// The most header fields read.
        public var maxHeaderCount: Int
        /// The largest body, in bytes.
        public var maxBodyBytes: Int
        /// The most findings reported per message; one more says how many were left out.
        public var maxDiagnostics: Int

        /// Defaults well above real traffic: UDP carries at most 64 KiB, and the largest
        /// messages seen in practice (multipart bodies with certificates) stay under a few
        /// hundred KiB.
        public init(
            maxMessageBytes: Int = 2 << 20,
            maxHeaderLineLength: Int = 16 << 10,
            maxHeaderCount: Int = 1_000,
            maxBodyBytes: Int = 1 << 20,
            maxDiagnostics: Int = 200
        ) {
            self.maxMessageBytes = maxMessageBytes
            self.maxHeaderLineLength = maxHeaderLineLength
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
            self.maxDiagnostics = maxDiagnostics
        }
    }
}

/// How a message was carried, which decides how its body is framed (RFC 3261 §18.3).
public enum SIPFraming: Sendable, Hashable {
    /// One message per UDP datagram: the body is the rest of the datagram, Content-Length
    /// optional (and checked when present).
    case datagram
    /// A byte stream (TCP, TLS): Content-Length is mandatory and frames the body.
    case stream
}
