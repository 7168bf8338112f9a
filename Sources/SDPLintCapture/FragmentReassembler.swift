/// Puts fragmented IPv4 and IPv6 datagrams back together, within fixed bounds.
///
/// Fragments are kept per datagram (RFC 791 §3.2: source, destination, protocol and
/// identification; RFC 8200 §4.5: source, destination and identification) in a buffer of at
/// most 65535 bytes, with the ranges received. A datagram is complete when its last fragment
/// (MF = 0) set its length and every byte below it arrived. Datagrams that wait longer than the
/// age bounds, or that would push memory past its bound, are given up and reported.
struct FragmentReassembler {
    struct Limits: Sendable, Hashable {
        var maximumDatagrams = 1024
        var maximumBytes = 32 << 20
        var maximumFragmentsPerDatagram = 1024
        /// Frames after the first fragment within which the datagram must complete.
        var maximumAgeFrames = 10_000
        /// Capture seconds within which it must complete (Linux's ipfrag_time is 30).
        var maximumAgeSeconds: Int64 = 30
    }

    struct Key: Hashable {
        var source: IPAddress
        var destination: IPAddress
        var identification: UInt32
        /// The upper protocol for IPv4, part of its key; 0 for IPv6, whose key has none.
        var protocolNumber: UInt8
    }

    private struct Datagram {
        var data: [UInt8] = []
        /// Received byte ranges, sorted and merged.
        var covered: [Range<Int>] = []
        var total: Int?
        var frames: [Int] = []
        var fragments = 0
        var protocolNumber: UInt8
        var firstFrame: Int
        var firstTime: Timestamp
        var offset: Int?
        var isIPv6: Bool
    }

    enum Outcome {
        case pending
        case complete(payload: [UInt8], protocolNumber: UInt8, frames: [Int])
        /// The datagram was dropped; the issue says why.
        case dropped(CaptureIssue)
    }

    let limits: Limits
    private var datagrams: [Key: Datagram] = [:]
    /// Keys in the order their first fragment arrived, with that frame, for ageing.
    private var order: [(key: Key, firstFrame: Int)] = []
    private var orderHead = 0
    private var bytes = 0
    private(set) var reassembled = 0

    init(limits: Limits) { self.limits = limits }

    var pendingDatagrams: Int { datagrams.count }
    var bufferedBytes: Int { bytes }

    /// Adds one fragment.
    ///
    /// - Parameters:
    ///   - data: the packet; `range` is the fragment's data within it.
    ///   - offset: where the data goes in the datagram, in bytes.
    ///   - more: the MF bit.
    ///   - recordOffset: the file offset of the frame, for reports.
    mutating func add(
        key: Key, isIPv6: Bool, protocolNumber: UInt8, offset: Int, more: Bool, data: [UInt8], range: Range<Int>,
        frame: Int, time: Timestamp, recordOffset: Int, issues: inout [CaptureIssue]
    ) -> Outcome {
        let length = range.count
        let end = offset + length
        let version = isIPv6 ? "IPv6" : "IPv4"
        // RFC 791 and RFC 8200 §4.5: a datagram holds at most 65535 bytes, and every fragment
        // but the last carries a multiple of 8.
        guard end <= 65535 else {
            return drop(
                key,
                CaptureIssue(
                    rule: CaptureRules.malformedHeader, frame: frame, offset: recordOffset,
                    message: "\(version) fragment ends at byte \(end) of its datagram, past 65535"))
        }
        if more, length % 8 != 0 {
            return drop(
                key,
                CaptureIssue(
                    rule: CaptureRules.malformedHeader, frame: frame, offset: recordOffset,
                    message: "\(version) fragment of \(length) bytes is not the last, yet not a multiple of 8"))
        }
        if datagrams[key] == nil {
            makeRoom(for: end, at: frame, time: time, issues: &issues)
            datagrams[key] = Datagram(
                protocolNumber: protocolNumber, firstFrame: frame, firstTime: time, isIPv6: isIPv6)
            order.append((key, frame))
        }
        guard var datagram = datagrams.removeValue(forKey: key) else { return .pending }
        datagram.frames.append(frame)
        datagram.fragments += 1
        if datagram.offset == nil { datagram.offset = recordOffset }
        // In IPv6 the Next Header of the fragment with offset 0 names the payload (§4.5).
        if offset == 0 { datagram.protocolNumber = protocolNumber }

        func conflict(_ message: String) -> Outcome {
            bytes -= datagram.data.count
            return .dropped(
                CaptureIssue(
                    rule: CaptureRules.overlappingFragments, frame: frame, offset: recordOffset,
                    message:
                        """
                        \(version) datagram \(key.identification) from \(key.source) to \(key.destination) (frames \
                        \(Self.list(datagram.frames))): \(message); dropped
                        """
                ))
        }
        guard datagram.fragments <= limits.maximumFragmentsPerDatagram else {
            bytes -= datagram.data.count
            return .dropped(
                CaptureIssue(
                    rule: CaptureRules.reassemblyLimit, frame: frame, offset: recordOffset,
                    message:
                        """
                        \(version) datagram \(key.identification) from \(key.source) came in more than \
                        \(limits.maximumFragmentsPerDatagram) fragments; dropped
                        """
                ))
        }
        if !more {
            if let total = datagram.total, total != end {
                return conflict("two last fragments end at \(total) and \(end)")
            }
            if let last = datagram.covered.last, last.upperBound > end {
                return conflict("bytes up to \(last.upperBound) arrived beyond the end \(end)")
            }
            datagram.total = end
        } else if let total = datagram.total, end > total {
            return conflict("a fragment ends at \(end), beyond the end \(total) set by the last fragment")
        }
        // Overlap: an exact repeat of bytes already received is a duplicate (harmless); any
        // other overlap is refused for IPv6 (RFC 5722) and, for IPv4, when the bytes differ.
        var duplicate = length > 0
        for piece in datagram.covered where piece.overlaps(offset..<end) {
            let lower = max(piece.lowerBound, offset)
            let upper = min(piece.upperBound, end)
            let same = datagram.data[lower..<upper].elementsEqual(
                data[(range.lowerBound + lower - offset)..<(range.lowerBound + upper - offset)])
            if !same { return conflict("fragments overlap at bytes \(lower)..<\(upper) with different contents") }
            if isIPv6, !(piece.lowerBound <= offset && end <= piece.upperBound) {
                return conflict("fragments overlap at bytes \(lower)..<\(upper)")
            }
        }
        duplicate = duplicate && datagram.covered.contains { $0.lowerBound <= offset && end <= $0.upperBound }
        if !duplicate, length > 0 {
            if datagram.data.count < end {
                bytes += end - datagram.data.count
                datagram.data.append(contentsOf: [UInt8](repeating: 0, count: end - datagram.data.count))
            }
            datagram.data.replaceSubrange(offset..<end, with: data[range])
            Self.insert(offset..<end, into: &datagram.covered)
        }
        if let total = datagram.total, datagram.covered.count == 1, datagram.covered[0] == 0..<total {
            bytes -= datagram.data.count
            reassembled += 1
            return .complete(payload: datagram.data, protocolNumber: datagram.protocolNumber, frames: datagram.frames)
        }
        if let total = datagram.total, total == 0 {
            bytes -= datagram.data.count
            reassembled += 1
            return .complete(payload: [], protocolNumber: datagram.protocolNumber, frames: datagram.frames)
        }
        datagrams[key] = datagram
        return .pending
    }

    /// Gives up datagrams that have waited past the age bounds.
    mutating func expire(frame: Int, time: Timestamp, issues: inout [CaptureIssue]) {
        while orderHead < order.count {
            let (key, first) = order[orderHead]
            guard let datagram = datagrams[key], datagram.firstFrame == first else {
                orderHead += 1
                continue
            }
            let age = frame - datagram.firstFrame
            let seconds = time.seconds.subtractingReportingOverflow(datagram.firstTime.seconds)
            guard
                age > limits.maximumAgeFrames || (!seconds.overflow && seconds.partialValue > limits.maximumAgeSeconds)
            else { break }
            issues.append(giveUp(key, because: "was still incomplete \(age) frames later"))
            orderHead += 1
        }
        compactOrder()
    }

    /// Gives up every datagram still waiting: the capture is over.
    mutating func finish(issues: inout [CaptureIssue]) {
        for (key, _) in order[orderHead...] where datagrams[key] != nil {
            issues.append(giveUp(key, because: "was still incomplete when the capture ended"))
        }
        order.removeAll()
        orderHead = 0
    }

    private mutating func makeRoom(for size: Int, at frame: Int, time: Timestamp, issues: inout [CaptureIssue]) {
        while datagrams.count >= limits.maximumDatagrams || bytes + size > limits.maximumBytes, orderHead < order.count
        {
            let (key, first) = order[orderHead]
            orderHead += 1
            guard let datagram = datagrams[key], datagram.firstFrame == first else { continue }
            var issue = giveUp(
                key, because: "was given up to bound memory (\(datagrams.count) datagrams, \(bytes) bytes pending)")
            issue.rule = CaptureRules.reassemblyLimit
            issues.append(issue)
        }
        compactOrder()
    }

    private mutating func giveUp(_ key: Key, because reason: String) -> CaptureIssue {
        guard let datagram = datagrams.removeValue(forKey: key) else {
            return CaptureIssue(
                rule: CaptureRules.incompleteDatagram, frame: nil, offset: nil,
                message: "datagram \(key.identification) \(reason)")
        }
        bytes -= datagram.data.count
        let received = datagram.covered.reduce(0) { $0 + $1.count }
        let expected = datagram.total.map { "of \($0)" } ?? "(the last fragment never came)"
        return CaptureIssue(
            rule: CaptureRules.incompleteDatagram, frame: datagram.frames.last, offset: datagram.offset,
            message:
                "\(datagram.isIPv6 ? "IPv6" : "IPv4") datagram \(key.identification) from \(key.source) to \(key.destination), \(received) bytes received \(expected) in frames \(Self.list(datagram.frames)), \(reason)"
        )
    }

    private mutating func drop(_ key: Key, _ issue: CaptureIssue) -> Outcome {
        if let datagram = datagrams.removeValue(forKey: key) { bytes -= datagram.data.count }
        return .dropped(issue)
    }

    private mutating func compactOrder() {
        if orderHead > 1024, orderHead * 2 > order.count {
            order.removeSubrange(0..<orderHead)
            orderHead = 0
        }
    }

    /// Adds a range to a sorted list of disjoint ranges, merging neighbours.
    static func insert(_ range: Range<Int>, into list: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        var result: [Range<Int>] = []
        result.reserveCapacity(list.count + 1)
        var placed = false
        for piece in list {
            if piece.upperBound < lower {
                result.append(piece)
            } else if piece.lowerBound > upper {
                if !placed {
                    result.append(lower..<upper)
                    placed = true
                }
                result.append(piece)
            } else {
                lower = min(lower, piece.lowerBound)
                upper = max(upper, piece.upperBound)
            }
        }
        if !placed { result.append(lower..<upper) }
        list = result
    }

    static func list(_ frames: [Int]) -> String {
        frames.count <= 8
            ? frames.map(String.init).joined(separator: ", ")
            : frames.prefix(4).map(String.init).joined(separator: ", ") + ", … "
                + frames.suffix(2).map(String.init).joined(separator: ", ")
    }
}
