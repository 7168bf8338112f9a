import SDPLintDiagnostics

/// Reads the packets of a pcap or pcapng file one at a time, in chunks, so memory stays flat
/// whatever the file size. A gzip-compressed capture is decompressed on the fly.
///
/// A pull-style reader: call ``next()`` until it returns `nil`. When the file is damaged,
/// every packet before the fault is returned first, then ``next()`` throws a
/// ``CaptureError`` naming the offset of the record or block it could not read; after that it
/// returns `nil`. Problems that do not stop reading (an unknown interface, a bad option) are
/// collected in ``issues``.
///
/// ```swift
/// let reader = try PacketReader(path: "sip.pcapng")
/// while let packet = try reader.next() {
///     print(packet.frame, packet.timestamp, packet.data.count)
/// }
/// ```
///
/// A class: it owns an open file, which copies could not share safely.
public final class PacketReader {
    /// The two capture file formats.
    public enum Format: Sendable, Hashable, CustomStringConvertible {
        /// The classic libpcap format: draft-ietf-opsawg-pcap.
        case pcap
        /// The next-generation block format: draft-ietf-opsawg-pcapng.
        case pcapng

        public var description: String { self == .pcap ? "pcap" : "pcapng" }
    }

    /// Limits that protect the reader from corrupt files.
    public struct Options: Sendable, Hashable {
        /// The longest record or block accepted; longer is ``CaptureError/Code/absurdLength``.
        /// 16 MiB, far above the 262144-byte packets of the largest real link types.
        public var maximumRecordLength: Int = 16 << 20
        /// How many bytes to read from the file at a time.
        public var chunkSize: Int = 1 << 20
        /// The most issues kept in ``PacketReader/issues`` before they are only counted.
        public var maximumIssues: Int = 1000

        public init() {}
    }

    /// The format of the file.
    public let format: Format
    /// Whether the file is gzip-compressed (offsets then count decompressed bytes).
    public let isCompressed: Bool
    /// Whether classic pcap timestamps are in nanoseconds (magic 0xA1B23C4D).
    public internal(set) var nanosecondTimestamps = false
    /// The interfaces of the current section (for pcap, the one the file header describes).
    public internal(set) var interfaces: [CaptureInterface] = []
    /// How many pcapng sections were read so far.
    public internal(set) var sections = 0
    /// The frame number of the last packet read.
    public private(set) var frames = 0
    /// Problems that did not stop the reading, in file order.
    public private(set) var issues: [CaptureIssue] = []
    /// Issues past ``Options/maximumIssues``, counted only.
    public private(set) var droppedIssues = 0

    let options: Options
    var input: ChunkedInput
    /// The byte order of the current section or file.
    var bigEndian = false
    private var done = false

    /// Opens a capture file.
    ///
    /// - Throws: ``CaptureError`` when the file cannot be read, or does not start with a pcap,
    ///   pcapng or gzip magic number, or its header is truncated or of an unknown version.
    public convenience init(path: String, options: Options = Options()) throws(CaptureError) {
        try self.init(source: FileSource(path: path), options: options)
    }

    /// Reads a capture held in memory.
    public convenience init(bytes: [UInt8], options: Options = Options()) throws(CaptureError) {
        try self.init(source: MemorySource(bytes), options: options)
    }

    init(source: any ByteSource, options: Options) throws(CaptureError) {
        self.options = options
        var input = ChunkedInput(source: source, chunkSize: options.chunkSize)
        var compressed = false
        _ = try input.fill(4)
        if Gzip.isGzip(input.copy(0..<min(3, input.available))), input.available >= 2 {
            let read = PrefixedSource(prefix: input.copy(0..<input.available), rest: source)
            input = ChunkedInput(source: GzipSource(read), chunkSize: options.chunkSize)
            compressed = true
            _ = try input.fill(4)
        }
        isCompressed = compressed
        guard input.available >= 4 else {
            throw CaptureError(
                .truncated, offset: 0, "the file holds \(input.available) bytes, too few for a capture file header")
        }
        let magic = input.u32(0, bigEndian: true)
        switch magic {
        case 0x0A0D_0D0A:
            format = .pcapng
        case 0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1:
            format = .pcap
            bigEndian = magic == 0xA1B2_C3D4 || magic == 0xA1B2_3C4D
            nanosecondTimestamps = magic == 0xA1B2_3C4D || magic == 0x4D3C_B2A1
        default:
            let hex = String(magic, radix: 16, uppercase: true)
            throw CaptureError(
                .badMagic, offset: 0,
                "the file starts with 0x\(String(repeating: "0", count: 8 - hex.count))\(hex), which is not a pcap, pcapng or gzip magic number"
            )
        }
        self.input = input
        if format == .pcap { try readPCAPHeader() }
    }

    /// The next packet, or `nil` at the end of the file.
    ///
    /// - Throws: ``CaptureError`` when the file is damaged at this point; later calls return `nil`.
    public func next() throws(CaptureError) -> Packet? {
        guard !done else { return nil }
        do throws(CaptureError) {
            let packet = try format == .pcap ? nextPCAPRecord() : nextPCAPNGPacket()
            if packet == nil { done = true }
            return packet
        } catch {
            done = true
            throw error
        }
    }

    /// Returns the issues collected so far and forgets them.
    public func takeIssues() -> [CaptureIssue] {
        defer { issues.removeAll() }
        return issues
    }

    func report(_ rule: Rule, frame: Int?, offset: Int, _ message: String) {
        guard issues.count < options.maximumIssues else {
            droppedIssues += 1
            return
        }
        issues.append(CaptureIssue(rule: rule, frame: frame, offset: offset, message: message))
    }

    /// The next frame number, or an error when the count would overflow.
    func nextFrame(at offset: Int) throws(CaptureError) -> Int {
        guard frames < Int.max else { throw CaptureError(.absurdLength, offset: offset, "too many packets") }
        frames += 1
        return frames
    }
}
