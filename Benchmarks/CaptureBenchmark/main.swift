// Packets per second of PacketReader alone and of the whole CaptureDecoder, on a capture
// given on the command line (make a large one as Fixtures/PROVENANCE.md says, into /tmp).
//
//   swift run -c release CaptureBenchmark /tmp/sipp-10k.pcapng
import Capture
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
    print("PacketReader:   \(packets) packets, \(bytes) bytes in \(milliseconds(seconds)): \(Int(Double(packets) / seconds)) packets/s, \(Int(Double(bytes) / seconds / 1e6)) MB/s")

    start = now()
    let decoder = try CaptureDecoder(path: path)
    var udp = 0, tcp = 0, issues = 0
    while let event = decoder.next() {
        switch event {
        case .udp: udp += 1
        case .tcpData: tcp += 1
        case .issue: issues += 1
        default: break
        }
    }
    seconds = now() - start
    print("CaptureDecoder: \(decoder.statistics.frames) frames in \(milliseconds(seconds)): \(Int(Double(decoder.statistics.frames) / seconds)) packets/s (\(udp) UDP datagrams, \(tcp) TCP segments, \(issues) issues)")
} catch {
    print("error: \(error)")
    exit(1)
}
