/// What a ``CaptureDecoder`` found in a capture, in capture order: datagrams, stream bytes,
/// stream holes and boundaries, and problems.
///
/// An enum because consumers switch over it; new kinds of event would be new cases, and the
/// SIP decoder that consumes them lives in this package.
public enum CaptureEvent: Sendable, Hashable {
    /// A whole UDP datagram, reassembled from IP fragments when it was fragmented.
    case udp(UDPDatagram)
    /// The next bytes of one direction of a TCP connection, in stream order.
    case tcpData(TCPSegment)
    /// Bytes of one direction of a TCP connection that the capture does not have.
    case tcpGap(TCPGap)
    /// One direction of a TCP connection begins (a SYN, or the first segment of a connection
    /// already open when the capture started). Stream offsets restart at 0.
    case tcpStart(TCPBoundary)
    /// One direction of a TCP connection ends (its FIN was reached in order, or a RST).
    case tcpEnd(TCPBoundary)
    /// A problem that did not stop the decoding, or (last) the fault that did.
    case issue(CaptureIssue)
}

/// A UDP datagram (RFC 768) and the frames that carried it.
public struct UDPDatagram: Sendable, Hashable {
    public var flow: Flow
    /// The UDP payload: the bytes after the 8-byte header, up to the UDP Length.
    public var payload: [UInt8]
    /// Every frame that carried a piece of it, in capture order; one for an unfragmented
    /// datagram. The last is where it was complete (Wireshark shows it there).
    public var frames: [Int]
    /// The capture time of the last frame.
    public var time: Timestamp

    public init(flow: Flow, payload: [UInt8], frames: [Int], time: Timestamp) {
        self.flow = flow
        self.payload = payload
        self.frames = frames
        self.time = time
    }

    /// The frame where the datagram was complete.
    public var frame: Int { frames.last ?? 0 }
}

/// Bytes of a TCP stream, all carried by one frame.
///
/// Each event holds the bytes of one segment that were new (retransmitted bytes are dropped),
/// so every byte of a reassembled stream maps to a frame: the byte at stream offset `n` is in
/// the event whose `streamOffset ..< streamOffset + payload.count` contains `n`.
public struct TCPSegment: Sendable, Hashable {
    /// The direction the bytes travelled.
    public var flow: Flow
    /// The new bytes, in order.
    public var payload: [UInt8]
    /// The frame that carried them.
    public var frame: Int
    public var time: Timestamp
    /// The offset of `payload[0]` in this direction's stream since its ``CaptureEvent/tcpStart(_:)``;
    /// gaps count as the bytes they stand for, so offsets stay those of the sender.
    public var streamOffset: UInt64

    public init(flow: Flow, payload: [UInt8], frame: Int, time: Timestamp, streamOffset: UInt64) {
        self.flow = flow
        self.payload = payload
        self.frame = frame
        self.time = time
        self.streamOffset = streamOffset
    }
}

/// A hole in a TCP stream: bytes the sender sent that the capture does not have.
public struct TCPGap: Sendable, Hashable {
    /// Why the bytes are missing.
    public enum Cause: Sendable, Hashable {
        /// Segments were not captured; later segments arrived and the hole was never filled.
        case segmentsMissing
        /// The capture's snapshot length cut the end of a segment.
        case snapLength
        /// The reorder buffer was full, so buffered segments were released past the hole.
        case bufferLimit
    }

    public var flow: Flow
    /// Where the hole starts in this direction's stream.
    public var streamOffset: UInt64
    /// How many bytes are missing.
    public var length: UInt64
    /// The last frame that carried bytes of this direction before the hole, if any.
    public var frameBefore: Int?
    /// The frame whose bytes follow the hole (or that was cut, for ``Cause/snapLength``).
    public var frameAfter: Int
    public var time: Timestamp
    public var cause: Cause

    public init(
        flow: Flow, streamOffset: UInt64, length: UInt64, frameBefore: Int?, frameAfter: Int, time: Timestamp,
        cause: Cause
    ) {
        self.flow = flow
        self.streamOffset = streamOffset
        self.length = length
        self.frameBefore = frameBefore
        self.frameAfter = frameAfter
        self.time = time
        self.cause = cause
    }

    /// The gap as a finding: ``CaptureRules/tcpGap``, or ``CaptureRules/reassemblyLimit``
    /// when the reader's own buffer limit made it, or ``CaptureRules/snaplenTruncated``.
    public var issue: CaptureIssue {
        let between = frameBefore.map { "between frames \($0) and \(frameAfter)" } ?? "before frame \(frameAfter)"
        switch cause {
        case .segmentsMissing:
            return CaptureIssue(
                rule: CaptureRules.tcpGap, frame: frameAfter, offset: nil,
                message: "\(length) bytes of \(flow) are missing \(between), at stream offset \(streamOffset)")
        case .snapLength:
            return CaptureIssue(
                rule: CaptureRules.snaplenTruncated, frame: frameAfter, offset: nil,
                message: "the capture cut the last \(length) bytes of the TCP segment of \(flow) in frame \(frameAfter)"
            )
        case .bufferLimit:
            return CaptureIssue(
                rule: CaptureRules.reassemblyLimit, frame: frameAfter, offset: nil,
                message:
                    """
                    the reorder buffer of \(flow) was full: \(length) missing bytes \(between) were skipped at \
                    stream offset \(streamOffset)
                    """
            )
        }
    }
}

/// The start or the end of one direction of a TCP connection.
public struct TCPBoundary: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A SYN was captured.
        case handshake
        /// The connection was open before the capture: no SYN was seen.
        case midstream
        /// The FIN was reached with every byte before it.
        case fin
        /// A RST ended the connection.
        case reset
    }

    public var flow: Flow
    public var frame: Int
    public var time: Timestamp
    public var kind: Kind

    public init(flow: Flow, frame: Int, time: Timestamp, kind: Kind) {
        self.flow = flow
        self.frame = frame
        self.time = time
        self.kind = kind
    }
}
