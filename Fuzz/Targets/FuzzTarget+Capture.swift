import SDPLint
import SDPLintCapture
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

extension FuzzTarget {
    /// A packet capture as `sdplint check` reads one: pcap or pcapng, gzip-compressed or not,
    /// down to UDP datagrams and reassembled TCP streams (IP fragments too), the SIP messages
    /// they carry framed and grouped into dialogs, then linted; and gzip on its own.
    ///
    /// Oracles: reading the capture in 4 KiB chunks gives the events it gives in one 1 MiB
    /// chunk; a gzip stream that decompresses without a fault gives the same bytes fed to the
    /// decoder in pieces. Memory stays bounded by the decoder's limits; `-max_len` 64 KiB keeps
    /// a gzip bomb to about 64 MiB of output.
    static let capture = FuzzTarget(
        name: "capture",
        summary:
            """
            CaptureDecoder (pcap, pcapng, gzip; whole and in 4 KiB chunks), PacketCapture SIP dialogs, \
            Linter.check, Gzip.decompress
            """,
        dictionary: "capture",
        seeds: [
            SeedSource("pcap", [".pcap", ".pcapng"]), SeedSource("pcap", [".gz"], .stored),
            SeedSource("hep", [".pcapng"]),
        ],
        maxLength: 64 << 10
    ) { input in
        var violations: [Violation] = []
        let whole = FuzzTarget.events(input, chunkSize: 1 << 20)
        let chunked = FuzzTarget.events(input, chunkSize: 4096)
        if whole != chunked {
            violations.append(
                Violation(
                    """
                    read in 4 KiB chunks the capture gives \(chunked?.count ?? 0) events, in one piece \
                    \(whole?.count ?? 0)
                    """
                ))
        }
        if whole != nil {
            let files = Linter.check(input, path: "fuzz.pcap", kind: Gzip.isGzip(input) ? .gzip : .pcap)
            var output = ""
            for file in files.prefix(8) { TextRenderer().render(file, into: &output) }
        }
        if Gzip.isGzip(input) {
            let result = Gzip.decompress(input, outputLimit: 8 << 20)
            let pieces = Int(input.last ?? 0) + 1
            let decoder = GzipDecoder(outputLimit: 8 << 20)
            var output: [UInt8] = []
            var fault: CaptureError?
            var offset = 0
            do throws(CaptureError) {
                while offset < input.count {
                    let end = min(input.count, offset + pieces)
                    try decoder.decompress(Array(input[offset..<end]), into: &output)
                    offset = end
                }
                try decoder.finish()
            } catch {
                fault = error
            }
            if result.error == nil && (fault != nil || output != result.bytes) {
                violations.append(
                    Violation(
                        "gzip fed in \(pieces)-byte pieces gives \(fault.map { "\($0)" } ?? "\(output.count) bytes"), in one piece \(result.bytes.count) bytes"
                    ))
            }
        }
        return violations
    }

    /// HEP version 3 packets one after another, as a collector receives them: framed, decoded
    /// chunk by chunk, turned into the events of a capture, their SIP grouped into dialogs and
    /// linted.
    ///
    /// Oracle: every packet the stream yields, written again (`HEPPacket.encoded()`), decodes
    /// to the same packet.
    static let hep = FuzzTarget(
        name: "hep",
        summary: "HEPStreamDecoder, HEPPacket.decode and encoded(), PacketCapture SIP dialogs, Linter.check",
        dictionary: "capture",
        seeds: [SeedSource("hep", [".hep"])],
        maxLength: 64 << 10
    ) { input in
        var violations: [Violation] = []
        var at = 0
        while at < input.count, case .packet(let packet, let length) = HEPPacket.decode(input, at: at) {
            let written = packet.encoded()
            if case .packet(let again, _) = HEPPacket.decode(written), again == packet {
            } else {
                violations.append(Violation("the packet at offset \(at), written again, does not decode to itself"))
            }
            at += length
        }
        let decoder = HEPStreamDecoder(bytes: input)
        var events = 0
        while events < 200_000, decoder.next() != nil { events += 1 }
        let files = Linter.check(input, path: "fuzz.hep", kind: .hep)
        var output = ""
        for file in files.prefix(8) { TextRenderer().render(file, into: &output) }
        return violations
    }

    /// Every event of the capture read with this chunk size, or `nil` when it does not open.
    private static func events(_ input: [UInt8], chunkSize: Int) -> [CaptureEvent]? {
        var options = PacketReader.Options()
        options.chunkSize = chunkSize
        guard let decoder = try? CaptureDecoder(bytes: input, options: options) else { return nil }
        var events: [CaptureEvent] = []
        // A 64 KiB input has at most a few thousand frames; the bound only guards the harness.
        while events.count < 200_000, let event = decoder.next() { events.append(event) }
        return events
    }
}
