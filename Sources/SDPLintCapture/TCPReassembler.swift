/// Turns TCP segments into ordered stream bytes per direction (RFC 9293 §3.10.7.4, "segment
/// text"), the way a receiver would, but never joining bytes across a hole.
///
/// Sequence numbers are compared in serial arithmetic (RFC 9293 §3.4: "sequence numbers are
/// 32 bits… arithmetic is modulo 2^32"), so streams that wrap are read straight through.
/// Retransmitted bytes are dropped (the first copy wins), out-of-order segments wait in a
/// bounded buffer, and holes become ``TCPGap`` events with the frames around them.
struct TCPReassembler {
    struct Limits: Sendable, Hashable {
        /// Out-of-order segments kept per direction.
        var maximumSegmentsPerFlow = 1024
        /// Out-of-order bytes kept per direction.
        var maximumBytesPerFlow = 4 << 20
        /// Out-of-order bytes kept over all directions.
        var maximumBytes = 64 << 20
        /// Directions tracked at once; past it, the least recently active are forgotten.
        var maximumFlows = 100_000
    }

    struct Flags {
        var syn = false, fin = false, rst = false
    }

    private struct Segment {
        var sequence: UInt32
        var payload: ArraySlice<UInt8>
        /// Bytes of the segment the capture cut off after `payload`.
        var missingTail: Int
        var frame: Int
        var time: Timestamp
        var length: Int { payload.count + missingTail }
    }

    private struct Direction {
        /// The next sequence number expected; `nil` before the first segment.
        var next: UInt32?
        /// The stream offset of `next`.
        var offset: UInt64 = 0
        var pending: [Segment] = []
        var pendingBytes = 0
        /// The first sequence number of the stream, when its SYN was seen.
        var initial: UInt32?
        var finSequence: UInt32?
        var finFrame = 0
        var finTime = Timestamp(seconds: 0, nanoseconds: 0)
        var closed = false
        var lastDataFrame: Int?
        var lastSeen = 0
    }

    let limits: Limits
    private var directions: [Flow: Direction] = [:]
    private var totalPending = 0
    private(set) var retransmissions = 0

    init(limits: Limits) { self.limits = limits }

    /// Serial-number distance from `b` to `a` (RFC 1982 style): positive when `a` is after `b`.
    @inline(__always)
    static func distance(_ a: UInt32, _ b: UInt32) -> Int { Int(Int32(bitPattern: a &- b)) }

    /// Takes one segment and appends what it makes known to `events`.
    mutating func receive(
        flow: Flow, sequence: UInt32, flags: Flags, payload: ArraySlice<UInt8>, missingTail: Int,
        frame: Int, time: Timestamp, events: inout [CaptureEvent]
    ) {
        if directions[flow] == nil, directions.count >= limits.maximumFlows { forgetIdleFlows(events: &events) }
        var direction = directions.removeValue(forKey: flow) ?? Direction()
        defer {
            direction.lastSeen = frame
            directions[flow] = direction
        }
        if flags.rst {
            flush(&direction, flow: flow, frame: frame, time: time, events: &events)
            if direction.next != nil, !direction.closed {
                events.append(.tcpEnd(TCPBoundary(flow: flow, frame: frame, time: time, kind: .reset)))
            }
            direction = Direction()
            return
        }
        var dataSequence = sequence
        if flags.syn {
            dataSequence = sequence &+ 1
            // A repeated SYN of the same connection changes nothing; any other SYN starts a
            // new connection on this 4-tuple (RFC 9293 §3.10.7.4, a reused port).
            if direction.initial != dataSequence {
                flush(&direction, flow: flow, frame: frame, time: time, events: &events)
                direction = Direction()
                direction.next = dataSequence
                direction.initial = dataSequence
                events.append(.tcpStart(TCPBoundary(flow: flow, frame: frame, time: time, kind: .handshake)))
            }
        } else if direction.next == nil {
            // Pure ACKs say nothing about the stream; the stream starts at the first byte or FIN.
            guard !payload.isEmpty || missingTail > 0 || flags.fin else { return }
            direction.next = dataSequence
            events.append(.tcpStart(TCPBoundary(flow: flow, frame: frame, time: time, kind: .midstream)))
        }
        guard let next = direction.next else { return }
        let segment = Segment(
            sequence: dataSequence, payload: payload, missingTail: missingTail, frame: frame, time: time)
        if flags.fin, direction.finSequence == nil {
            direction.finSequence = dataSequence &+ UInt32(truncatingIfNeeded: segment.length)
            direction.finFrame = frame
            direction.finTime = time
        }
        if segment.length > 0 {
            let ahead = Self.distance(dataSequence, next)
            if ahead <= 0 {
                if ahead + segment.length <= 0 {
                    retransmissions += 1
                } else {
                    deliver(segment, skipping: -ahead, into: &direction, flow: flow, events: &events)
                }
            } else {
                buffer(segment, into: &direction, flow: flow, events: &events)
            }
        }
        drain(&direction, flow: flow, events: &events)
    }

    /// Releases everything still buffered, with gaps for the holes: the capture is over.
    mutating func finish(events: inout [CaptureEvent]) {
        for flow in directions.keys.sorted(by: { (directions[$0]?.lastSeen ?? 0) < (directions[$1]?.lastSeen ?? 0) }) {
            guard var direction = directions.removeValue(forKey: flow) else { continue }
            let frame = direction.pending.last?.frame ?? direction.lastSeen
            let time = direction.pending.last?.time ?? Timestamp(seconds: 0, nanoseconds: 0)
            flush(&direction, flow: flow, frame: frame, time: time, events: &events)
        }
    }

    var bufferedBytes: Int { totalPending }

    private func deliver(
        _ segment: Segment, skipping skip: Int, into direction: inout Direction, flow: Flow,
        events: inout [CaptureEvent]
    ) {
        let captured = segment.payload.count
        if skip < captured {
            let bytes = segment.payload.dropFirst(skip)
            events.append(
                .tcpData(
                    TCPSegment(
                        flow: flow, payload: Array(bytes), frame: segment.frame, time: segment.time,
                        streamOffset: direction.offset)))
            direction.offset &+= UInt64(bytes.count)
            direction.lastDataFrame = segment.frame
        }
        let missing = segment.length - max(skip, captured)
        if missing > 0 {
            events.append(
                .tcpGap(
                    TCPGap(
                        flow: flow, streamOffset: direction.offset, length: UInt64(missing),
                        frameBefore: direction.lastDataFrame, frameAfter: segment.frame, time: segment.time,
                        cause: .snapLength)))
            direction.offset &+= UInt64(missing)
        }
        direction.next = (direction.next ?? segment.sequence) &+ UInt32(truncatingIfNeeded: segment.length - skip)
    }

    private mutating func buffer(
        _ segment: Segment, into direction: inout Direction, flow: Flow, events: inout [CaptureEvent]
    ) {
        var segment = segment
        // A copy, so that a waiting segment does not keep its whole frame alive.
        segment.payload = ArraySlice(Array(segment.payload))
        // The same segment twice (a retransmission of one still waiting) is kept once.
        if direction.pending.contains(where: { $0.sequence == segment.sequence && $0.length >= segment.length }) {
            retransmissions += 1
            return
        }
        let index =
            direction.pending.firstIndex { Self.distance($0.sequence, segment.sequence) > 0 } ?? direction.pending.count
        direction.pending.insert(segment, at: index)
        direction.pendingBytes += segment.payload.count
        totalPending += segment.payload.count
        while !direction.pending.isEmpty,
            direction.pending.count > limits.maximumSegmentsPerFlow
                || direction.pendingBytes > limits.maximumBytesPerFlow
                || totalPending > limits.maximumBytes
        {
            skipToFirstPending(&direction, flow: flow, cause: .bufferLimit, events: &events)
            drain(&direction, flow: flow, events: &events)
        }
        if totalPending > limits.maximumBytes { releaseAll(events: &events) }
    }

    /// Delivers buffered segments that have become next in line, and the FIN once reached.
    private mutating func drain(_ direction: inout Direction, flow: Flow, events: inout [CaptureEvent]) {
        while let first = direction.pending.first, let next = direction.next, Self.distance(first.sequence, next) <= 0 {
            direction.pending.removeFirst()
            direction.pendingBytes -= first.payload.count
            totalPending -= first.payload.count
            let ahead = Self.distance(first.sequence, next)
            if ahead + first.length <= 0 {
                retransmissions += 1
            } else {
                deliver(first, skipping: -ahead, into: &direction, flow: flow, events: &events)
            }
        }
        if let fin = direction.finSequence, let next = direction.next, fin == next, !direction.closed {
            direction.closed = true
            direction.next = next &+ 1
            events.append(
                .tcpEnd(TCPBoundary(flow: flow, frame: direction.finFrame, time: direction.finTime, kind: .fin)))
        }
    }

    /// Declares the bytes before the first buffered segment missing and moves past them.
    private mutating func skipToFirstPending(
        _ direction: inout Direction, flow: Flow, cause: TCPGap.Cause, events: inout [CaptureEvent]
    ) {
        guard let first = direction.pending.first, let next = direction.next else { return }
        let missing = Self.distance(first.sequence, next)
        guard missing > 0 else { return }
        events.append(
            .tcpGap(
                TCPGap(
                    flow: flow, streamOffset: direction.offset, length: UInt64(missing),
                    frameBefore: direction.lastDataFrame, frameAfter: first.frame, time: first.time, cause: cause)))
        direction.offset &+= UInt64(missing)
        direction.next = first.sequence
    }

    /// Releases everything a direction holds, with gaps, up to its FIN when one was seen.
    private mutating func flush(
        _ direction: inout Direction, flow: Flow, frame: Int, time: Timestamp, events: inout [CaptureEvent]
    ) {
        while !direction.pending.isEmpty {
            skipToFirstPending(&direction, flow: flow, cause: .segmentsMissing, events: &events)
            drain(&direction, flow: flow, events: &events)
        }
        if let fin = direction.finSequence, let next = direction.next, !direction.closed {
            let missing = Self.distance(fin, next)
            if missing > 0 {
                events.append(
                    .tcpGap(
                        TCPGap(
                            flow: flow, streamOffset: direction.offset, length: UInt64(missing),
                            frameBefore: direction.lastDataFrame, frameAfter: frame, time: time, cause: .segmentsMissing
                        )))
                direction.offset &+= UInt64(missing)
                direction.next = fin
                drain(&direction, flow: flow, events: &events)
            }
        }
    }

    /// Past the global bound: every direction gives up its holes.
    private mutating func releaseAll(events: inout [CaptureEvent]) {
        for flow in Array(directions.keys) {
            guard var direction = directions.removeValue(forKey: flow) else { continue }
            while !direction.pending.isEmpty {
                skipToFirstPending(&direction, flow: flow, cause: .bufferLimit, events: &events)
                drain(&direction, flow: flow, events: &events)
            }
            directions[flow] = direction
        }
    }

    /// Forgets closed directions, then the least recently active half.
    private mutating func forgetIdleFlows(events: inout [CaptureEvent]) {
        for (flow, direction) in directions where direction.closed && direction.pending.isEmpty {
            directions.removeValue(forKey: flow)
        }
        guard directions.count >= limits.maximumFlows else { return }
        let oldest = directions.sorted { $0.value.lastSeen < $1.value.lastSeen }.prefix(directions.count / 2)
        for (flow, _) in oldest {
            guard var direction = directions.removeValue(forKey: flow) else { continue }
            flush(
                &direction, flow: flow, frame: direction.lastSeen,
                time: direction.pending.last?.time ?? Timestamp(seconds: 0, nanoseconds: 0), events: &events)
        }
    }
}
