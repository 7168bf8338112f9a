#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Where a reader's bytes come from: a file, memory, or a decompressor in front of either.
package protocol ByteSource: AnyObject {
    /// Appends at most about `count` bytes to `buffer` (a decompressor may append more) and
    /// says how many; 0 means the input is over.
    func read(into buffer: inout [UInt8], upTo count: Int) throws(CaptureError) -> Int
    /// Whether a read would return at once: bytes have arrived, or the input is over. A
    /// reader that hands over what it has when nothing more is ready asks this.
    var isReady: Bool { get }
}

extension ByteSource {
    /// Memory and decompressors are always ready.
    package var isReady: Bool { true }
}

/// A file read in chunks, so that a capture of any size is never held whole. A read returns
/// what the file has ready: from a pipe or a terminal, what has arrived so far, so that a live
/// stream's records are read as they come rather than once a chunk has filled.
package final class FileSource: ByteSource {
    private let descriptor: Int32
    private var position = 0
    /// Where read(2) puts bytes before they are appended: allocated, never zeroed, so that a
    /// megabyte asked for a file of two kilobytes costs only the pages written.
    private var scratch = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    package init(path: String) throws(CaptureError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CaptureError(.unreadable, offset: 0, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
        scratch.deallocate()
    }

    /// Whether bytes have arrived or the input is over; a regular file always is.
    package var isReady: Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) != 0
    }

    /// The size of a regular file, or `nil` for a pipe, a device or a terminal.
    package var size: Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    package func read(into buffer: inout [UInt8], upTo count: Int) throws(CaptureError) -> Int {
        guard count > 0 else { return 0 }
        // Read through a scratch buffer allocated once: appending its bytes is a copy, where
        // growing `buffer` by `count` zeros first would write every byte twice.
        if scratch.count < count {
            scratch.deallocate()
            scratch = .allocate(byteCount: count, alignment: 16)
        }
        guard let base = scratch.baseAddress else { return 0 }
        var got = -1
        while got < 0 {
            got = readBytes(descriptor, base, count)
            // A signal (the listener's stop, a resize) interrupts a read that had nothing yet.
            if got < 0 && errno != EINTR {
                throw CaptureError(.unreadable, offset: position, "read error: \(String(cString: strerror(errno)))")
            }
        }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<got]))
        position += got
        return got
    }
}

/// read(2), named apart from ``FileSource/read(into:upTo:)``, which it would be inside it.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Bytes already in memory.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: inout [UInt8], upTo count: Int) throws(CaptureError) -> Int {
        let end = position + min(max(0, count), bytes.count - position)
        buffer.append(contentsOf: bytes[position..<end])
        defer { position = end }
        return end - position
    }
}

/// Bytes already read from a source, handed out again before the rest of it: what was read
/// to look at the magic number is not lost when a decompressor takes over.
package final class PrefixedSource: ByteSource {
    private var prefix: [UInt8]
    private var position = 0
    private let rest: any ByteSource

    package init(prefix: [UInt8], rest: any ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    package func read(into buffer: inout [UInt8], upTo count: Int) throws(CaptureError) -> Int {
        guard position < prefix.count else { return try rest.read(into: &buffer, upTo: count) }
        let end = position + min(max(1, count), prefix.count - position)
        buffer.append(contentsOf: prefix[position..<end])
        let count = end - position
        position = end
        if position == prefix.count {
            prefix = []
            position = 0
        }
        return count
    }
}

/// A buffered window over a ``ByteSource`` that knows the file offset of every byte.
///
/// Readers ask for the bytes of one record at a time; the window keeps at most one chunk plus
/// one record, so memory stays flat whatever the file size.
struct ChunkedInput {
    private let source: any ByteSource
    private(set) var buffer: [UInt8] = []
    /// The index in `buffer` of the next unread byte.
    private(set) var position = 0
    /// The file offset of `buffer[0]`.
    private var base = 0
    private var exhausted = false
    let chunkSize: Int

    init(source: any ByteSource, chunkSize: Int = 1 << 20) {
        self.source = source
        self.chunkSize = max(4096, chunkSize)
    }

    /// The file offset of the next unread byte.
    var offset: Int { base + position }
    /// How many bytes are buffered past the read position.
    var available: Int { buffer.count - position }

    /// Makes `count` bytes available past the read position, reading as needed.
    /// - Returns: `false` when the input ends first (`available` then says how many there are).
    mutating func fill(_ count: Int) throws(CaptureError) -> Bool {
        if available >= count { return true }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            base += position
            position = 0
        }
        while available < count, !exhausted {
            if try source.read(into: &buffer, upTo: max(chunkSize, count - available)) == 0 { exhausted = true }
        }
        return available >= count
    }

    /// Whether the input is over: nothing buffered and nothing more to read.
    mutating func atEnd() throws(CaptureError) -> Bool {
        try !fill(1)
    }

    /// Steps over `count` bytes, which must be available.
    mutating func consume(_ count: Int) { position = min(buffer.count, position + max(0, count)) }

    @inline(__always) func u16(_ at: Int, bigEndian: Bool) -> UInt16 { buffer.u16(position + at, bigEndian: bigEndian) }
    @inline(__always) func u32(_ at: Int, bigEndian: Bool) -> UInt32 { buffer.u32(position + at, bigEndian: bigEndian) }
    @inline(__always) func u64(_ at: Int, bigEndian: Bool) -> UInt64 { buffer.u64(position + at, bigEndian: bigEndian) }
    @inline(__always) func u8(_ at: Int) -> UInt8 { buffer.u8(position + at) }
    /// The bytes `range`, relative to the read position.
    func copy(_ range: Range<Int>) -> [UInt8] {
        buffer.copy((position + range.lowerBound)..<(position + range.upperBound))
    }
}
