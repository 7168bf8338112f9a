internal import CSDPLintInflate

/// gzip files (RFC 1952): a magic check, and whole-buffer or whole-file decompression that
/// returns what it could decode when the file is damaged.
///
/// https://www.rfc-editor.org/rfc/rfc1952
public enum Gzip {
    /// 512 MiB: more than any browser dump, far less than a decompression bomb.
    public static let defaultOutputLimit = 512 << 20

    /// What a decompression produced: the bytes decoded (up to the fault, if any), how many
    /// members were complete, and the fault.
    public struct Result: Sendable, Hashable {
        /// The decompressed bytes, in order, up to where decoding stopped.
        public var bytes: [UInt8]
        /// The number of complete members.
        public var members: Int
        /// Why decoding stopped early, or `nil` when every member was complete and valid.
        public var error: CaptureError?
    }

    /// Whether `bytes` start like a gzip member: ID1 ID2 = 1F 8B, and CM = 8 when present
    /// (RFC 1952 §2.3.1). Reads at most three bytes. Inlinable, so that callers in other
    /// modules read their own collection type directly.
    @inlinable
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        guard iterator.next() == 0x1F, iterator.next() == 0x8B else { return false }
        let method = iterator.next()
        return method == nil || method == 8
    }

    /// Decompresses every member of a gzip stream held in memory.
    ///
    /// Never throws: a damaged stream gives the bytes decoded before the fault and the fault.
    ///
    /// - Parameters:
    ///   - input: the compressed bytes.
    ///   - outputLimit: the most bytes to produce; more is an error (``CaptureError/Code/gzipOutputLimit``).
    /// - Complexity: O(*n*) in the size of the output.
    public static func decompress(_ input: [UInt8], outputLimit: Int = defaultOutputLimit) -> Result {
        let decoder = GzipDecoder(outputLimit: outputLimit)
        var output: [UInt8] = []
        do throws(CaptureError) {
            try decoder.decompress(input, into: &output)
            try decoder.finish()
            return Result(bytes: output, members: decoder.members, error: nil)
        } catch {
            return Result(bytes: output, members: decoder.members, error: error)
        }
    }

    /// Decompresses a gzip file, reading it in chunks.
    ///
    /// - Complexity: O(*n*) in the size of the output, memory O(output).
    public static func decompress(contentsOfFile path: String, outputLimit: Int = defaultOutputLimit) -> Result {
        let decoder = GzipDecoder(outputLimit: outputLimit)
        var output: [UInt8] = []
        var chunk: [UInt8] = []
        do throws(CaptureError) {
            let file = try FileSource(path: path)
            while true {
                chunk.removeAll(keepingCapacity: true)
                guard try file.read(into: &chunk, upTo: 1 << 20) > 0 else { break }
                try decoder.decompress(chunk, into: &output)
            }
            try decoder.finish()
            return Result(bytes: output, members: decoder.members, error: nil)
        } catch {
            return Result(bytes: output, members: decoder.members, error: error)
        }
    }
}

/// A streaming gzip decompressor over zlib's inflate: feed compressed chunks, get bytes out.
///
/// Handles multi-member files (RFC 1952 §2.2: "a gzip file consists of a series of members")
/// by resetting the inflater after each member. A class because zlib keeps a pointer back to
/// its stream, which therefore must not move, and must be freed exactly once.
public final class GzipDecoder {
    /// The `sdplint_inflater` (zlib's stream, behind `CSDPLintInflate`); `nil` when memory ran out.
    private let inflater: OpaquePointer?
    /// The most bytes this decoder will produce. It may be raised, or lowered to no less than
    /// ``produced``, between calls: a reader that finds out what the data is from its first
    /// bytes chooses then how much of it to hold.
    public var outputLimit: Int {
        didSet { outputLimit = max(outputLimit, produced) }
    }
    /// Compressed bytes accepted so far.
    public private(set) var consumed = 0
    /// Decompressed bytes produced so far.
    public private(set) var produced = 0
    /// Members decoded completely.
    public private(set) var members = 0
    /// The compressed offset where the current member started.
    private var memberStart = 0
    private var producedAtMemberStart = 0
    private var inMember = false
    private var failure: CaptureError?
    /// Where zlib writes before the bytes are appended to the caller's output.
    private var scratch = [UInt8](repeating: 0, count: 64 << 10)

    public init(outputLimit: Int = Gzip.defaultOutputLimit) {
        self.outputLimit = max(0, outputLimit)
        inflater = sdplint_inflater_new()
    }

    deinit {
        sdplint_inflater_free(inflater)
    }

    /// Decompresses the next chunk of compressed input, appending the output.
    ///
    /// - Throws: ``CaptureError`` for a bad header, bad data, a bad checksum, trailing garbage or
    ///   the output limit; the output decoded before the fault has been appended. Once it
    ///   threw, every later call throws the same error.
    public func decompress(_ chunk: [UInt8], into output: inout [UInt8]) throws(CaptureError) {
        if let failure { throw failure }
        var start = 0
        // avail_in is 32 bits: feed very large inputs in slices.
        while start < chunk.count {
            let end = min(chunk.count, start + (1 << 30))
            do throws(CaptureError) {
                try inflate(chunk, start..<end, into: &output)
            } catch {
                failure = error
                throw error
            }
            start = end
        }
    }

    /// Declares the input complete.
    ///
    /// - Throws: ``CaptureError/Code/gzipTruncated`` when the input ended inside a member, or
    ///   held no member at all.
    public func finish() throws(CaptureError) {
        if let failure { throw failure }
        if inMember || members == 0 {
            let error = CaptureError(
                .gzipTruncated, offset: consumed,
                members == 0 && !inMember
                    ? "the input holds no gzip member"
                    : """
                    the gzip stream ends inside member \(members + 1) (started at offset \(memberStart)), after \
                    \(produced) decompressed bytes
                    """
            )
            failure = error
            throw error
        }
    }

    private func inflate(_ chunk: [UInt8], _ range: Range<Int>, into output: inout [UInt8]) throws(CaptureError) {
        guard let inflater else {
            throw CaptureError(.gzipCorruptData, offset: consumed, "zlib could not allocate an inflate stream")
        }
        var next = range.lowerBound
        defer { consumed += next - range.lowerBound }
        func here() -> Int { consumed + next - range.lowerBound }
        try chunk.withUnsafeBufferPointer { (input) throws(CaptureError) in
            while true {
                if !inMember {
                    guard next < range.upperBound else { return }
                    try startMember(at: here())
                }
                // One byte more than the limit allows, to learn whether the data goes past it.
                let left = outputLimit - produced
                let room = min(left >= 64 << 10 ? 64 << 10 : left + 1, scratch.count)
                var used = 0
                var written = 0
                let status = scratch.withUnsafeMutableBufferPointer { buffer in
                    sdplint_inflater_inflate(
                        inflater, input.baseAddress.map { $0 + next }, range.upperBound - next, &used,
                        buffer.baseAddress, room, &written)
                }
                next += used
                output.append(contentsOf: scratch[0..<written])
                produced += written
                if produced > outputLimit {
                    output.removeLast(produced - outputLimit)
                    produced = outputLimit
                    throw CaptureError.outputLimit(outputLimit, offset: here())
                }
                switch status {
                case SDPLINT_INFLATE_MEMBER_END:
                    members += 1
                    inMember = false
                case SDPLINT_INFLATE_OK:
                    // Output space left over means zlib wants more input.
                    if next == range.upperBound, written < room { return }
                case SDPLINT_INFLATE_NEED_MORE where next == range.upperBound:
                    return
                default:
                    throw fault(at: here())
                }
            }
        }
    }

    private func startMember(at offset: Int) throws(CaptureError) {
        let status = inflater.map { sdplint_inflater_start_gzip_member($0) } ?? -1
        guard status == 0 else {
            throw CaptureError(.gzipCorruptData, offset: offset, "zlib could not start inflating (status \(status))")
        }
        inMember = true
        memberStart = offset
        producedAtMemberStart = produced
    }

    /// Sorts zlib's complaint into header, checksum or data faults by its message, which is
    /// the only place zlib says which check failed.
    private func fault(at offset: Int) -> CaptureError {
        let message =
            inflater.flatMap { sdplint_inflater_message($0) }.map { String(cString: $0) }
            ?? "zlib could not inflate the data"
        let header = [
            "incorrect header check", "unknown compression method", "unknown header flags set", "header crc mismatch",
        ]
        if header.contains(message) {
            if members > 0, produced == producedAtMemberStart {
                return CaptureError(
                    .gzipTrailingGarbage, offset: memberStart,
                    """
                    the bytes after gzip member \(members), from offset \(memberStart), are not a gzip member \
                    (\(message))
                    """
                )
            }
            return CaptureError(.gzipBadHeader, offset: offset, "gzip member \(members + 1): \(message)")
        }
        if message == "incorrect data check" {
            return CaptureError(
                .gzipBadChecksum, offset: offset,
                "gzip member \(members + 1): the CRC-32 in the trailer does not match the data")
        }
        if message == "incorrect length check" {
            return CaptureError(
                .gzipBadChecksum, offset: offset,
                "gzip member \(members + 1): the length in the trailer does not match the data")
        }
        return CaptureError(.gzipCorruptData, offset: offset, "gzip member \(members + 1): \(message)")
    }

}

/// Decompresses gzip data on the fly, so `capture.pcapng.gz` is read like `capture.pcapng` and
/// `messages.ndjson.gz` like `messages.ndjson`; without a limit on what it may inflate to until
/// one is set (``outputLimit``).
package final class GzipSource: ByteSource {
    private let inner: any ByteSource
    private let decoder: GzipDecoder
    private var compressed: [UInt8] = []
    private var finished = false
    /// A fault met while some output was already produced: reported on the next read, so the
    /// packets before it are delivered first.
    private var pending: CaptureError?

    package init(_ inner: any ByteSource) {
        self.inner = inner
        decoder = GzipDecoder(outputLimit: .max)
    }

    /// The most bytes to inflate to (``GzipDecoder/outputLimit``).
    package var outputLimit: Int {
        get { decoder.outputLimit }
        set { decoder.outputLimit = newValue }
    }

    /// Compressed bytes inflated so far.
    package var consumed: Int { decoder.consumed }

    package func read(into buffer: inout [UInt8], upTo count: Int) throws(CaptureError) -> Int {
        if let pending { throw pending }
        let before = buffer.count
        while buffer.count == before, !finished {
            compressed.removeAll(keepingCapacity: true)
            do throws(CaptureError) {
                // Small compressed reads bound the output of one read even for a bomb.
                if try inner.read(into: &compressed, upTo: 16 << 10) == 0 {
                    finished = true
                    try decoder.finish()
                } else {
                    try decoder.decompress(compressed, into: &buffer)
                }
            } catch {
                finished = true
                guard buffer.count > before else { throw error }
                pending = error
            }
        }
        return buffer.count - before
    }
}

extension CaptureError {
    /// The gzip data inflates to more than `limit` bytes: what the decoder throws, and what a
    /// reader that holds inflated data whole reports when it finds more than it may hold.
    package static func outputLimit(_ limit: Int, offset: Int) -> CaptureError {
        CaptureError(.gzipOutputLimit, offset: offset, "the decompressed data exceeds the limit of \(limit) bytes")
    }
}
