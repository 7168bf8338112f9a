// ComplexityBenchmark: whether parsing time and peak memory grow linearly with input size.
//
// For each parser and input shape it builds inputs of about 1 KB, 100 KB and 10 MB, parses
// each repeatedly (at least 0.2 s or 3 passes per run), and prints the median over the runs of
// the cost per input byte, and the peak memory the parse added (Linux VmHWM, reset before each
// case through /proc/self/clear_refs, minus the resident size before the parse). Flat columns
// across the three sizes mean linear time and memory.
//
//   swift run -c release ComplexityBenchmark [--runs N] [--sizes 1000,100000,10000000] [--only NAME]
//
// The parsers run with limits raised above the inputs, so the parse itself is measured rather
// than the early stop at a limit.
import Glibc
import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
import SDPLintSDP
import SDPLintSIP

// MARK: Measuring

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// A field of /proc/self/status, in KiB (VmRSS, VmHWM).
func status(_ field: String) -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix(field + ":") {
            return Int(text.dropFirst(field.count + 1).filter(\.isNumber)) ?? 0
        }
    }
    return 0
}

/// Resets the peak resident size to the current one (Linux 4.0+: "5" to clear_refs).
func resetPeak() {
    guard let file = fopen("/proc/self/clear_refs", "w") else { return }
    fputs("5", file)
    fclose(file)
}

/// glibc's `malloc_trim`, which the Glibc module does not export: returns free heap pages to
/// the system.
let mallocTrim: (@convention(c) (Int) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
}()

struct Measurement {
    var nanosecondsPerByte: Double
    var peakKiB: Int
}

/// The median cost per byte over `runs` runs, and the largest peak the parse added.
///
/// Before each run, freed heap memory goes back to the system (`malloc_trim`), so the parse
/// cannot hide its allocations in pages an earlier one left resident.
func measure(_ input: [UInt8], runs: Int, _ parse: ([UInt8]) -> Int) -> Measurement {
    var costs: [Double] = []
    var peak = 0
    var sink = parse(input)  // warm-up: lazily initialized tables and metadata
    for _ in 0..<runs {
        _ = mallocTrim?(0)
        resetPeak()
        let before = status("VmRSS")
        var passes = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            sink &+= parse(input)
            passes += 1
            elapsed = now() - start
        } while elapsed < 0.2 || passes < 3
        peak = max(peak, status("VmHWM") - before)
        costs.append(elapsed / Double(passes) / Double(max(1, input.count)) * 1e9)
    }
    if sink == 42 { print("") }  // keeps the results alive
    costs.sort()
    return Measurement(nanosecondsPerByte: costs[costs.count / 2], peakKiB: max(0, peak))
}

// MARK: Inputs

/// Repeats `unit` until the text is at least `size` bytes, between `head` and `tail`.
func repeated(_ head: String, _ unit: (Int) -> String, _ size: Int, tail: String = "") -> [UInt8] {
    var bytes = Array(head.utf8)
    bytes.reserveCapacity(size + 4096)
    var index = 0
    while bytes.count + tail.utf8.count < size {
        bytes += Array(unit(index).utf8)
        index += 1
    }
    return bytes + Array(tail.utf8)
}

let sdpHead =
    "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\na=msid-semantic: WMS\r\n"
let audioSection = """
    m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r
    c=IN IP4 0.0.0.0\r
    a=rtcp:9 IN IP4 0.0.0.0\r
    a=ice-ufrag:Kx3b\r
    a=ice-pwd:1Rm0s1n1ve8DqJZ1r8a5NKxW\r
    a=ice-options:trickle\r
    a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\r
    a=setup:actpass\r
    a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r
    a=sendrecv\r
    a=rtcp-mux\r
    a=rtpmap:111 opus/48000/2\r
    a=rtcp-fb:111 transport-cc\r
    a=fmtp:111 minptime=10;useinbandfec=1\r
    a=rtpmap:63 red/48000/2\r
    a=fmtp:63 111/111\r
    a=rtpmap:9 G722/8000\r
    a=rtpmap:0 PCMU/8000\r
    a=rtpmap:8 PCMA/8000\r
    a=rtpmap:13 CN/8000\r
    a=rtpmap:110 telephone-event/48000\r
    a=rtpmap:126 telephone-event/8000\r
    a=candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host generation 0 network-id 1\r
    a=candidate:2 1 udp 1686052607 198.51.100.7 61000 typ srflx raddr 192.0.2.10 rport 54321 generation 0\r

    """

func candidateLine(_ i: Int) -> String {
    """
    candidate:\(i % 997) 1 udp \(2_122_260_223 - i % 1000) 192.0.2.\(i % 250 + 1) \(10_000 + i % 50_000) typ host \
    generation 0 ufrag abcd network-id 1
    """
}

func sipMessage(_ i: Int, body: String = "") -> String {
    """
    INVITE sip:bob@example.com SIP/2.0\r
    Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK\(i)\r
    Max-Forwards: 70\r
    From: "Alice" <sip:alice@example.com>;tag=\(i)\r
    To: <sip:bob@example.com>\r
    Call-ID: \(i)@example.com\r
    CSeq: \(i % 1000 + 1) INVITE\r
    Contact: <sip:alice@192.0.2.1:5060>\r
    Content-Type: application/sdp\r
    Content-Length: \(body.utf8.count)\r
    \r
    \(body)
    """
}

func jsonEscaped(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\r": output += "\\r"
        case "\n": output += "\\n"
        default: output.unicodeScalars.append(scalar)
        }
    }
    return output
}

/// One input shape of one parser: how to build an input of a size, and how to parse it.
struct Shape {
    var parser: String
    var name: String
    var make: (Int) -> [UInt8]
    var parse: ([UInt8]) -> Int
}

let sdpOptions = SDPParseOptions(
    limits: .init(
        maxBytes: 1 << 30, maxLines: 100_000_000, maxLineLength: 1 << 30, maxMediaSections: 10_000_000,
        maxDiagnostics: 1_000))
let sipOptions = SIPParseOptions(
    limits: .init(
        maxMessageBytes: 1 << 30, maxHeaderLineLength: 1 << 30, maxHeaderCount: 10_000_000, maxBodyBytes: 1 << 30,
        maxDiagnostics: 200))

func parseSDP(_ bytes: [UInt8]) -> Int {
    let result = SessionDescription.parse(bytes: bytes, options: sdpOptions)
    return result.value.media.count + result.diagnostics.count
}

let shapes: [Shape] = [
    Shape(
        parser: "SDP", name: "WebRTC audio sections", make: { repeated(sdpHead, { _ in audioSection }, $0) },
        parse: parseSDP),
    Shape(
        parser: "SDP", name: "many a= lines (one section)",
        make: { repeated(sdpHead + "m=audio 9 RTP/AVP 0\r\n", { "a=x-attr:\($0)\r\n" }, $0) }, parse: parseSDP),
    Shape(
        parser: "SDP", name: "many m= sections",
        make: { repeated(sdpHead, { "m=audio \($0 % 65_535 + 1) RTP/AVP 0\r\n" }, $0) }, parse: parseSDP),
    Shape(
        parser: "SDP", name: "one long a= value",
        make: { size in
            Array(
                (sdpHead + "m=audio 9 RTP/AVP 0\r\na=x-long:"
                    + String(repeating: "v", count: max(0, size - sdpHead.utf8.count - 40)) + "\r\n").utf8)
        }, parse: parseSDP),
    Shape(
        parser: "SDP", name: "candidate lines",
        make: { repeated(sdpHead + "m=audio 9 RTP/AVP 0\r\n", { "a=\(candidateLine($0))\r\n" }, $0) }, parse: parseSDP),
    Shape(
        parser: "SDP", name: "error on every line",
        make: { repeated(sdpHead, { "m=audio x RTP/AVP\r\nb=AS:y\r\n\($0)=bad\r\n" }, $0) }, parse: parseSDP),
    Shape(
        parser: "SDP fragment", name: "trickle candidates",
        make: {
            repeated(
                "a=ice-ufrag:Kx3b\r\na=ice-pwd:1Rm0s1n1ve8DqJZ1r8a5NKxW\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n",
                { "a=\(candidateLine($0))\r\n" }, $0)
        },
        parse: { bytes in
            let result = SDPFragment.parse(bytes: bytes, options: sdpOptions)
            return result.value.media.count + result.diagnostics.count
        }),
    Shape(
        parser: "Candidate", name: "one per line, parsed one by one",
        make: { repeated("", { candidateLine($0) + "\n" }, $0) },
        parse: { bytes in
            var count = 0
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                if Candidate.parse(String(decoding: line, as: UTF8.self)).value != nil { count += 1 }
            }
            return count
        }),
    Shape(
        parser: "Candidate", name: "one with many extension attributes",
        make: { size in
            repeated("1 1 udp 2122260223 192.0.2.1 54321 typ host", { " x-ext\($0) v" }, size)
        }, parse: { bytes in Candidate.parse(String(decoding: bytes, as: UTF8.self)).diagnostics.count }),
    Shape(
        parser: "SIP", name: "one message, large SDP body",
        make: { size in
            let body = String(decoding: repeated(sdpHead, { _ in audioSection }, max(0, size - 400)), as: UTF8.self)
            return Array(sipMessage(0, body: body).utf8)
        }, parse: { SIPMessage.parse(bytes: $0, framing: .stream, options: sipOptions).diagnostics.count }),
    Shape(
        parser: "SIP", name: "one message, many headers",
        make: { size in
            var text = String(
                decoding: repeated(String(sipMessage(0).dropLast(4)), { "X-Header-\($0): value \($0)\r\n" }, size - 4),
                as: UTF8.self)
            text += "\r\n"
            return Array(text.utf8)
        }, parse: { SIPMessage.parse(bytes: $0, framing: .stream, options: sipOptions).value.headers.count }),
    Shape(
        parser: "SIP", name: "stream of small messages (decoder)", make: { repeated("", { sipMessage($0) }, $0) },
        parse: { bytes in
            var decoder = SIPStreamDecoder(options: sipOptions)
            var count = 0
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 1460)
                count += decoder.decode(bytes[offset..<end]).count
                offset = end
            }
            return count + decoder.finish().count
        }),
    Shape(
        parser: "JSON", name: "webrtc-internals-like dump (document)",
        make: { size in
            let sdp = jsonEscaped(sdpHead + audioSection)
            return repeated(
                "{\"PeerConnections\":{\"1-1\":{\"updateLog\":[",
                { i in
                    "\(i == 0 ? "" : ","){\"time\":\"\(1_700_000_000_000 + i)\",\"type\":\"setLocalDescription\",\"value\":\"type: offer, sdp: \(sdp)\"}"
                }, size, tail: "]}}}")
        }, parse: { JSONDocument.parse(bytes: $0).value == nil ? 0 : 1 }),
    Shape(
        parser: "JSON", name: "one string of escapes",
        make: { size in
            repeated("\"", { _ in "\\n\\\"\\u00e9" }, size, tail: "\"")
        }, parse: { JSONValue.parse(bytes: $0).value == nil ? 0 : 1 }),
    Shape(
        parser: "JSON", name: "wide object, long keys",
        make: { size in
            repeated(
                "{", { i in "\(i == 0 ? "" : ",")\"\(String(repeating: "k", count: 200))\(i)\":\(i)" }, size, tail: "}")
        }, parse: { JSONValue.parse(bytes: $0).value == nil ? 0 : 1 }),
    Shape(
        parser: "JSON", name: "nested 500 deep, repeated",
        make: { size in
            repeated(
                "[",
                { i in (i == 0 ? "" : ",") + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) },
                size, tail: "]")
        }, parse: { JSONValue.parse(bytes: $0).value == nil ? 0 : 1 }),
    Shape(
        parser: "NDJSON", name: "candidate envelopes",
        make: {
            repeated("", { "{\"candidate\":\"\(candidateLine($0))\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}\n" }, $0)
        }, parse: { NDJSON.parse(bytes: $0).value.count }),
]

// MARK: Main

var runs = 5
var sizes = [1_000, 100_000, 10_000_000]
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--runs": runs = arguments.next().flatMap { Int($0) } ?? runs
    case "--sizes": sizes = arguments.next().map { $0.split(separator: ",").compactMap { Int($0) } } ?? sizes
    case "--only": only = arguments.next()
    default:
        print("usage: ComplexityBenchmark [--runs N] [--sizes 1000,100000,10000000] [--only TEXT]")
        exit(2)
    }
}

let header = sizes.map { "ns/B @\(label($0))" } + sizes.map { "peak @\(label($0))" }
print("| parser | input shape | " + header.joined(separator: " | ") + " |")
print("|---|---|" + String(repeating: "---:|", count: header.count))

func label(_ size: Int) -> String {
    size >= 1_000_000 ? "\(size / 1_000_000) MB" : size >= 1_000 ? "\(size / 1_000) KB" : "\(size) B"
}

/// `value` with `digits` decimals (no Foundation here).
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = Int((value * scale).rounded())
    let whole = String(rounded / Int(scale))
    guard digits > 0 else { return whole }
    var fraction = String(rounded % Int(scale))
    while fraction.count < digits { fraction = "0" + fraction }
    return whole + "." + fraction
}

func memory(_ kib: Int) -> String {
    kib >= 10_240 ? "\(kib / 1024) MiB" : "\(kib) KiB"
}

for shape in shapes where only.map({ "\(shape.parser) \(shape.name)".contains($0) }) ?? true {
    var costs: [String] = []
    var peaks: [String] = []
    for size in sizes {
        let input = shape.make(size)
        let result = measure(input, runs: size >= 10_000_000 ? min(runs, 3) : runs, shape.parse)
        costs.append(fixed(result.nanosecondsPerByte, 2))
        peaks.append(
            "\(memory(result.peakKiB)) (\(fixed(Double(result.peakKiB * 1024) / Double(max(1, input.count)), 1))×)")
    }
    print("| \(shape.parser) | \(shape.name) | " + (costs + peaks).joined(separator: " | ") + " |")
    fflush(nil)
}
