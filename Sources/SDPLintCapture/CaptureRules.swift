public import SDPLintDiagnostics

/// The checks of the Capture module: reading capture files and gzip streams, and putting
/// packets back together.
///
/// Codes are stable: `CAP1xx` are about the file (its format, records and blocks, and the
/// headers inside packets), `CAP2xx` about reassembly (IP fragments, TCP streams), `CAP3xx`
/// about gzip. A code is never reused for another meaning.
public enum CaptureRules {
    /// Every rule of the module, in code order.
    public static let all: [Rule] = [
        badMagic, truncatedFile, blockLengthMismatch, absurdLength, unsupportedVersion, unreadable,
        unknownInterface, invalidOption, snaplenTruncated, malformedHeader, unsupportedLinkType,
        capturedLongerThanOriginal, hepMalformed,
        tcpGap, incompleteDatagram, overlappingFragments, reassemblyLimit, tcpMidstream,
        gzipTruncated, gzipBadHeader, gzipBadChecksum, gzipCorruptData, gzipTrailingGarbage, gzipOutputLimit,
    ]

    static let pcap = "draft-ietf-opsawg-pcap"
    static let pcapng = "draft-ietf-opsawg-pcapng"

    // MARK: - The file

    public static let badMagic = Rule(
        code: "CAP101", name: "bad-magic", severity: .error,
        severityRationale: """
            Error: without one of the magic numbers of pcap (draft-ietf-opsawg-pcap §4), pcapng or gzip the format of \
            the file is unknown, so none of it can be read and no signaling is taken from it.
            """,
        summary: "The file does not start with a pcap, pcapng or gzip magic number.",
        explanation: """
            A pcap file starts with 0xA1B2C3D4 (microseconds) or 0xA1B23C4D (nanoseconds) in \
            either byte order; a pcapng file with a Section Header Block, type 0x0A0D0D0A; a gzip \
            file with 1F 8B. Anything else is another format (an ERF or snoop capture, a text \
            export, a file cut at the front): save it again as pcap or pcapng.
            """,
        reference: Reference(pcap, section: "4"))

    public static let truncatedFile = Rule(
        code: "CAP102", name: "truncated-file", severity: .error,
        severityRationale: """
            Error: the capture cannot be read past the incomplete record, so any signaling after the cut is lost from \
            the analysis; only the packets before it are read.
            """,
        summary: "The file ends inside a header, a packet record or a block.",
        explanation: """
            The last record is incomplete: the capture was copied while it was still being \
            written, or cut by a transfer. Every packet before that record is read; the rest is \
            lost. Stop the capture before copying it.
            """,
        reference: Reference(pcap, section: "5"))

    public static let blockLengthMismatch = Rule(
        code: "CAP103", name: "block-length-mismatch", severity: .error,
        severityRationale: """
            Error: a pcapng reader finds each block from the length of the one before (§3.1); when the lengths \
            contradict each other the next block cannot be located, reading stops and the signaling after it is lost.
            """,
        summary: "A pcapng block's lengths contradict each other or its contents.",
        explanation: """
            A block carries its total length at its start and again at its end; the length is a \
            multiple of 4 and at least 12, and the fields inside (a packet's captured length, an \
            option's length) must fit in it. When they do not, the reader cannot find the next \
            block and stops.
            """,
        reference: Reference(pcapng, section: "3.1"))

    public static let absurdLength = Rule(
        code: "CAP104", name: "absurd-length", severity: .error,
        severityRationale: """
            Error: a length this large can only come from a corrupt file; the reader refuses it and stops there, so \
            the packets from that point on are lost from the analysis.
            """,
        summary: "A record or block claims a length far beyond any real packet.",
        explanation: """
            No link carries packets of many megabytes; such a length comes from a corrupt file. \
            The reader refuses it instead of allocating that much memory, and stops.
            """,
        reference: Reference(pcap, section: "5"))

    public static let unsupportedVersion = Rule(
        code: "CAP105", name: "unsupported-version", severity: .error,
        severityRationale: """
            Error: another major version means another layout (draft-ietf-opsawg-pcapng §4.1), so the data cannot be \
            read and the signaling in it is lost from the analysis.
            """,
        summary: "The pcap or pcapng version is one this reader does not know.",
        explanation: """
            pcap files are version 2.4 (readers accept any 2.x); pcapng sections are version 1.0. \
            Another major version means a different layout.
            """,
        reference: Reference(pcapng, section: "4.1"))

    public static let unreadable = Rule(
        code: "CAP106", name: "unreadable", severity: .error,
        severityRationale: """
            Error: the operating system would not open or read the file, so nothing in it can be analysed.
            """,
        summary: "The file could not be opened or read.",
        explanation: "The operating system reported an error; the message names it.",
        reference: Reference(pcap))

    public static let unknownInterface = Rule(
        code: "CAP107", name: "unknown-interface", severity: .warning,
        severityRationale: """
            Warning: the packet points to an Interface Description Block its section lacks (pcapng §4.3), so its link \
            type is unknown and that packet is skipped, while the rest of the capture is read.
            """,
        summary: "A packet names an interface that its section did not describe.",
        explanation: """
            Every packet block of a pcapng section refers to an Interface Description Block of \
            the same section by its index. Without it the link type is unknown, so the packet is \
            counted and skipped.
            """,
        reference: Reference(pcapng, section: "4.3"))

    public static let invalidOption = Rule(
        code: "CAP108", name: "invalid-option", severity: .warning,
        severityRationale: """
            Warning: a malformed option (pcapng §3.5) is ignored and its default used, so a value such as the \
            timestamp resolution may be wrong, but the packets themselves are still read.
            """,
        summary: "A pcapng option is malformed or has a value that cannot be used.",
        explanation: """
            Options are a code, a length and a value padded to 32 bits, ended by opt_endofopt. An \
            option that runs past its block, or an if_tsresol finer than 10^-19 or 2^-63 seconds, \
            is ignored and the default used.
            """,
        reference: Reference(pcapng, section: "3.5"))

    public static let snaplenTruncated = Rule(
        code: "CAP109", name: "snaplen-truncated", severity: .warning,
        severityRationale: """
            Warning: the snapshot length cut this packet, so a SIP message in it cannot be read whole, but the other \
            packets of the capture are read as usual.
            """,
        summary: "A packet was captured shorter than it was sent, so its payload is incomplete.",
        explanation: """
            The capture's snapshot length cut the packet: the captured length is below the \
            original length. SIP messages in it cannot be read whole. Capture with the default \
            snapshot length (`-s 0` for tcpdump).
            """,
        reference: Reference(pcap, section: "5"),
        bad: "tcpdump -s 96 -i any -w sip.pcap port 5060",
        good: "tcpdump -i any -w sip.pcap port 5060")

    public static let malformedHeader = Rule(
        code: "CAP110", name: "malformed-header", severity: .warning,
        severityRationale: """
            Warning: a header that breaks its format (RFC 791 §3.1 for IPv4) makes only this packet unusable; it is \
            counted and skipped and the rest of the capture is read.
            """,
        summary: "A link, IP, UDP or TCP header inside a packet is malformed.",
        explanation: """
            A length field points past the captured bytes, a header is shorter than its minimum, \
            or a version field is wrong. The packet is counted and skipped.
            """,
        reference: .rfc(791, "3.1"))

    public static let unsupportedLinkType = Rule(
        code: "CAP111", name: "unsupported-link-type", severity: .info,
        severityRationale: """
            Note: link types such as 802.11, USB or Bluetooth are valid in pcapng (§4.2) but not decoded by this \
            reader; their packets are counted and skipped, which is reported as information.
            """,
        summary: "Packets of an interface use a link type this reader does not decode.",
        explanation: """
            Ethernet, Linux cooked (SLL, SLL2), raw IP and BSD loopback are decoded; packets of \
            other link types (802.11, USB, Bluetooth…) are counted and skipped.
            """,
        reference: Reference(pcapng, section: "4.2"))

    public static let capturedLongerThanOriginal = Rule(
        code: "CAP112", name: "captured-longer-than-original", severity: .warning,
        severityRationale: """
            Warning: a record cannot hold more bytes than the packet had on the wire (draft-ietf-opsawg-pcap §5), so \
            the writer erred and the lengths are doubtful, but the bytes are still read.
            """,
        summary: "A packet's captured length is larger than its original length.",
        explanation: """
            A capture cannot hold more bytes of a packet than were on the wire; the writer made \
            a mistake. The captured bytes are used as they are.
            """,
        reference: Reference(pcap, section: "5"))

    public static let hepMalformed = Rule(
        code: "CAP113", name: "hep-malformed", severity: .warning,
        severityRationale: """
            Warning: a HEP packet whose chunks break the HEP3 layout (or that is another HEP version) cannot be \
            read, so the message it carries is missing from its dialog; the packets around it are still read.
            """,
        summary: "A HEP packet is malformed, or is not HEP version 3.",
        explanation: """
            HEP3 packets start with `HEP3` and their total length, then chunks of a vendor, a type \
            and a length that counts the 6-byte chunk header. The message needs its payload chunk \
            (15, or 16 gzip-compressed) and the source and destination addresses and ports. HEP \
            versions 1 and 2 have a fixed header instead; agents such as Kamailio's siptrace \
            (`hep_version`) and heplify send version 3 when told to. Bytes that are not a packet \
            are skipped to the next `HEP3`.
            """,
        reference: Reference("HEP3 rev. 12"),
        bad: "modparam(\"siptrace\", \"hep_version\", 2)",
        good: "modparam(\"siptrace\", \"hep_version\", 3)")

    // MARK: - Reassembly

    public static let tcpGap = Rule(
        code: "CAP201", name: "tcp-gap", severity: .warning,
        severityRationale: """
            Warning: a SIP message that spans the missing bytes cannot be read, but the parts of the stream on either \
            side of the hole and the rest of the capture are still read.
            """,
        summary: "Bytes of a TCP stream are missing from the capture.",
        explanation: """
            A segment was never captured (the capture dropped it, or started or ended between \
            segments), so the stream has a hole. The bytes around the hole are not joined: a SIP \
            message that spans it cannot be read.
            """,
        reference: .rfc(9293, "3.10.7.4"))

    public static let incompleteDatagram = Rule(
        code: "CAP202", name: "incomplete-ip-datagram", severity: .warning,
        severityRationale: """
            Warning: without all its fragments (RFC 791 §3.2) the datagram and any SIP message in it are lost, but \
            this affects only that datagram; the rest of the capture is read.
            """,
        summary: "Some fragments of an IP datagram are missing, so it could not be reassembled.",
        explanation: """
            A UDP datagram larger than the path MTU (a SIP INVITE with a large SDP) is sent in \
            fragments; when one is not captured, or arrives too late, the datagram is lost. SIP \
            over TCP avoids this (RFC 3261 §18.1.1 asks for TCP above 1300 bytes).
            """,
        reference: .rfc(791, "3.2"))

    public static let overlappingFragments = Rule(
        code: "CAP203", name: "overlapping-fragments", severity: .warning,
        severityRationale: """
            Warning: overlapping fragments are forbidden in IPv6 (RFC 8200 §4.5, RFC 5722) and ambiguous in IPv4, so \
            the doubtful datagram is dropped while the rest of the capture is read.
            """,
        summary: "Fragments of an IP datagram overlap with different bytes, or an IPv6 fragment overlaps.",
        explanation: """
            Overlapping fragments are an evasion technique: two readers may reassemble different \
            datagrams. IPv6 forbids them (RFC 5722); for IPv4 an overlap that repeats the same \
            bytes is accepted. Otherwise the datagram is dropped.
            """,
        reference: .rfc(8200, "4.5"))

    public static let reassemblyLimit = Rule(
        code: "CAP204", name: "reassembly-limit", severity: .warning,
        severityRationale: """
            Warning: to keep memory bounded the oldest buffered fragments or segments are given up, so part of the \
            capture is missing from the analysis, but reading goes on.
            """,
        summary: "Reassembly buffers were full, so buffered data was released with a gap.",
        explanation: """
            The reader bounds the fragments and out-of-order segments it keeps, so a hostile or \
            very lossy capture cannot exhaust memory. When a bound is hit the oldest state is \
            given up and reported.
            """,
        reference: .rfc(9293, "3.10.7.4"))

    public static let tcpMidstream = Rule(
        code: "CAP205", name: "tcp-midstream", severity: .info,
        severityRationale: """
            Note: capturing a connection that is already open is normal; without its SYN (RFC 9293 §3.5) the stream is \
            read from the first captured segment and only a message under way is incomplete.
            """,
        summary: "A TCP connection was already open when the capture started.",
        explanation: """
            No SYN was captured, so the stream is read from the first captured segment; a SIP \
            message already under way at that point is incomplete.
            """,
        reference: .rfc(9293, "3.5"))

    // MARK: - gzip

    public static let gzipTruncated = Rule(
        code: "CAP301", name: "gzip-truncated", severity: .error,
        severityRationale: """
            Error: the member is cut off before its end (RFC 1952 §2.2), so the capture cannot be read past that point \
            and the signaling there is lost; the bytes decompressed before it are kept.
            """,
        summary: "The gzip file ends before its last member is complete.",
        explanation: """
            The compressed data or its 8-byte trailer (CRC-32 and length) is cut off; the file \
            was copied while being written or transferred partially. The bytes decompressed so \
            far are still read.
            """,
        reference: .rfc(1952, "2.2"))

    public static let gzipBadHeader = Rule(
        code: "CAP302", name: "gzip-bad-header", severity: .error,
        severityRationale: """
            Error: a member header that breaks RFC 1952 §2.3.1 is not gzip, so the data cannot be decompressed and the \
            capture inside it cannot be read.
            """,
        summary: "A gzip member header is invalid.",
        explanation: """
            A member starts with ID1 ID2 = 1F 8B, CM = 8 (deflate) and flags whose reserved bits \
            are zero. Anything else is not gzip.
            """,
        reference: .rfc(1952, "2.3.1"))

    public static let gzipBadChecksum = Rule(
        code: "CAP303", name: "gzip-bad-checksum", severity: .error,
        severityRationale: """
            Error: a CRC-32 or ISIZE that does not match (RFC 1952 §2.3.1) shows the file is damaged, so the \
            decompressed bytes cannot be trusted and the analysis of them is unreliable.
            """,
        summary: "A gzip member's CRC-32 or size does not match its data.",
        explanation: """
            The trailer's CRC32 and ISIZE are computed over the uncompressed data; a mismatch \
            means the file was damaged. The decompressed bytes are returned but may be wrong.
            """,
        reference: .rfc(1952, "2.3.1"))

    public static let gzipCorruptData = Rule(
        code: "CAP304", name: "gzip-corrupt-data", severity: .error,
        severityRationale: """
            Error: deflate data that breaks RFC 1951 §3.2 cannot be decompressed past the damage, so the capture \
            cannot be read from there and its signaling is lost.
            """,
        summary: "The deflate data of a gzip member is invalid.",
        explanation: "The compressed blocks break the DEFLATE format (RFC 1951); the file is damaged.",
        reference: .rfc(1951, "3.2"))

    public static let gzipTrailingGarbage = Rule(
        code: "CAP305", name: "gzip-trailing-garbage", severity: .warning,
        severityRationale: """
            Warning: the bytes after the last member are not gzip (RFC 1952 §2.2) and are ignored, as gzip(1) does \
            with a warning; every member before them is read.
            """,
        summary: "Bytes after the last gzip member are not another member.",
        explanation: """
            A gzip file is a series of members; what follows the last one is ignored by gzip(1) \
            with a warning, and so it is here.
            """,
        reference: .rfc(1952, "2.2"))

    public static let gzipOutputLimit = Rule(
        code: "CAP306", name: "gzip-output-limit", severity: .error,
        severityRationale: """
            Error: decompression stops at the limit, so the capture past that point cannot be read and the signaling \
            in it is lost from the analysis.
            """,
        summary: "The decompressed data is larger than the limit.",
        explanation: """
            A small gzip file can expand to gigabytes (a "zip bomb"); decompression stops at the \
            limit, and the bytes up to it are returned.
            """,
        reference: .rfc(1952, "2.2"))
}

extension CaptureRules: RuleSet {
    public static let title = "Packet captures and gzip files (pcap, pcapng, RFC 1952)"
}
