// Packets per second of PacketReader alone and of the whole CaptureDecoder, on a capture
// given on the command line (make a large one as Fixtures/PROVENANCE.md says, into /tmp).
//
//   swift run -c release CaptureBenchmark /tmp/sipp-10k.pcapng
//
// On the project's 2-core machine (2026-11-25), 10 000 sipp calls at 500 calls/s captured with
// dumpcap on loopback in a network namespace (`sipp -sn uac -r 500 -m 10000`):
//   UDP, 60 000 frames, 28 MB:  PacketReader 1.7 M packets/s; CaptureDecoder 0.76 M packets/s
//   TCP, 76 269 frames, 31 MB:  PacketReader 2.4 M packets/s; CaptureDecoder 0.83 M packets/s
//   36 TCP captures joined with mergecap -a, 1.1 GB: 2.7 M frames in 3.5 s, max RSS 13 MB.
import SDPLintCapture

#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func milliseconds(_ seconds: Double) -> String { "\(Int(seconds * 1000)) ms" }

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    print("usage: CaptureBenchmark CAPTURE")
    exit(2)
}

do {
    var start = now()
    let reader = try PacketReader(path: path)
    var packets = 0
    var bytes = 0
    while let packet = try reader.next() {
        packets += 1
        bytes += packet.data.count
    }
    var seconds = now() - start
    print(
        "PacketReader:   \(packets) packets, \(bytes) bytes in \(milliseconds(seconds)): \(Int(Double(packets) / seconds)) packets/s, \(Int(Double(bytes) / seconds / 1e6)) MB/s"
    )

    start = now()
    let decoder = try CaptureDecoder(path: path)
    var udp = 0
    var tcp = 0
    var issues = 0
    while let event = decoder.next() {
        switch event {
        case .udp: udp += 1
        case .tcpData: tcp += 1
        case .issue: issues += 1
        default: break
        }
    }
    seconds = now() - start
    print(
        """
        CaptureDecoder: \(decoder.statistics.frames) frames in \(milliseconds(seconds)): \
        \(Int(Double(decoder.statistics.frames) / seconds)) packets/s (\(udp) UDP datagrams, \(tcp) TCP segments, \
        \(issues) issues)
        """
    )
} catch {
    print("error: \(error)")
    exit(1)
}
