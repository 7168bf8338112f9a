import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP

// SDPBenchmark: parse and serialize throughput of the SDP module over a folder of .sdp files,
// measured the way ../shared/bench/anchors measures the C and Python parsers: every file is
// loaded first, a 0.3 s warm-up, a calibrated timed loop of about 1.5 s in which each pass
// parses every file and releases the result, ns per SDP = elapsed / (passes × files).
//
//   swift run -c release SDPBenchmark DIR [DIR…] [--runs N] [--target SECONDS] [--no-checks]
//
// Prints one Markdown table row per folder: the median of N runs.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let read = fread(&chunk, 1, chunk.count, file)
        if read <= 0 { break }
        bytes += chunk[0..<read]
    }
    return bytes
}

func sdpFiles(in directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        if name.hasSuffix(".sdp") { names.append(directory + "/" + name) }
    }
    return names.sorted()
}

/// Runs `body` (one pass over every file) in a calibrated loop; returns seconds per pass.
func measure(target: Double, _ body: () -> Int) -> Double {
    var sink = 0
    let warmupEnd = now() + 0.3
    while now() < warmupEnd { sink &+= body() }
    var passes = 1
    while true {
        let start = now()
        for _ in 0..<passes { sink &+= body() }
        let elapsed = now() - start
        if elapsed > 0.05 {
            passes = max(1, Int(Double(passes) * target / elapsed))
            break
        }
        passes *= 4
    }
    let start = now()
    for _ in 0..<passes { sink &+= body() }
    let elapsed = now() - start
    if sink == 42 { print("") }  // keep the work observable
    return elapsed / Double(passes)
}

/// Something to observe about a parse result, read without copying it: a copy of the
/// description would retain (and then release) every string and array in it, work the C
/// harnesses do not do after their parse.
func mediaCount(_ result: borrowing ParseResult<SessionDescription>) -> Int {
    result.value.media.count
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

var directories: [String] = []
var runs = 3
var target = 1.5
var only: String?
var fixedPasses: Int?
var candidateFile: String?
var dumping = false
var options = SDPParseOptions.lenient
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--target": target = Double(arguments.popFirst() ?? "") ?? target
    case "--only": only = arguments.popFirst()  // parse | string | serialize | edited, for profiling
    case "--passes": fixedPasses = Int(arguments.popFirst() ?? "")  // untimed, for instruction counts
    case "--candidates": candidateFile = arguments.popFirst()  // a file of candidate lines
    case "--dump": dumping = true  // every finding, the model and the output, to diff two builds
    case "--no-checks": options.checks = false  // the model only: SDPParseOptions.checks off
    default: directories.append(argument)
    }
}
if let candidateFile {
    // Candidate lines per second, as Benchmarks/anchors/candidates.py measures aiortc and
    // sdp_transform: the value after "candidate:", parsed to a typed Candidate.
    guard let bytes = readFile(candidateFile) else {
        print("cannot read \(candidateFile)")
        exit(2)
    }
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        .map { $0.hasPrefix("a=") ? String($0.dropFirst(2)) : $0 }
    if dumping {
        // Every candidate and its findings, to diff two builds.
        for line in lines {
            let parsed = Candidate.parse(line)
            let (candidate, diagnostics) = (parsed.value, parsed.diagnostics)
            print("== \(line.debugDescription)")
            dump(candidate)
            dump(diagnostics)
            print(candidate.map { $0.description.debugDescription } ?? "nil", candidate?.isCanonical ?? false)
        }
        exit(0)
    }
    if let fixedPasses {
        // Untimed, for instruction counts under callgrind (see the folder mode below).
        var n = 0
        for _ in 0..<fixedPasses {
            for line in lines { n &+= Candidate.parse(line).value?.port.hashValue ?? 0 }
        }
        print("passes: \(fixedPasses), lines: \(lines.count), sink: \(n)")
        exit(0)
    }
    var times: [Double] = []
    for _ in 0..<runs {
        times.append(
            measure(target: target) {
                var n = 0
                for line in lines { n &+= Candidate.parse(line).value?.port.hashValue ?? 0 }
                return n
            })
    }
    let perLine = median(times) / Double(lines.count)
    print("| parser | lines | ns/line (median) | lines/s |")
    print("|---|---:|---:|---:|")
    print("| sdplint Candidate.parse | \(lines.count) | \(Int(perLine * 1e9)) | \(Int(1 / perLine)) |")
    exit(0)
}
if dumping {
    // What a change to the parser must not change, as text: the findings, the whole model
    // (internal fields included, through `dump`), the serialization, and the same for the
    // input read as an RFC 8840 fragment and strictly. Diff the output of two builds.
    for directory in directories {
        for path in sdpFiles(in: directory) {
            guard let input = readFile(path) else { continue }
            print("== \(path)")
            for options in [SDPParseOptions.lenient, SDPParseOptions.strict] {
                let result = SessionDescription.parse(bytes: input, options: options)
                dump(result.diagnostics)
                dump(result.value)
                print(result.value.serialized().debugDescription)
            }
            let fragment = SDPFragment.parse(bytes: input)
            dump(fragment.diagnostics)
            dump(fragment.value)
            print(fragment.value.serialized().debugDescription)
        }
    }
    exit(0)
}
if directories.isEmpty {
    print("usage: SDPBenchmark DIR [DIR…] [--runs N] [--target SECONDS]")
    exit(2)
}

print(
    """
    | folder | files | avg bytes | parse ns/SDP (median) | parse MB/s | serialize ns/SDP | serialize edited ns/SDP | \
    parse(String) ns/SDP | peak RSS MiB | errors | not byte-identical |
    """
)
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for directory in directories {
    let inputs = sdpFiles(in: directory).compactMap(readFile)
    guard !inputs.isEmpty else { continue }
    let texts = inputs.map { String(decoding: $0, as: UTF8.self) }
    let totalBytes = inputs.reduce(0) { $0 + $1.count }
    // Untouched descriptions serialize by copying the input they keep; `edited` ones have had
    // an edit that changes nothing, so they are written from the model, line by line.
    var parsed: [SessionDescription] = []
    var edited: [SessionDescription] = []
    var errors = 0
    var changed = 0
    for input in inputs {
        let result = SessionDescription.parse(bytes: input)
        if result.hasErrors { errors += 1 }
        var rewritten = result.value
        rewritten.lineEnding = result.value.lineEnding
        if Array(result.value.serialized().utf8) != input || Array(rewritten.serialized().utf8) != input {
            changed += 1
        }
        parsed.append(result.value)
        edited.append(rewritten)
    }
    if let fixedPasses {
        // A fixed amount of work and no timing: run under `valgrind --tool=callgrind` to count
        // instructions, which unlike time does not depend on what else the machine is doing.
        var n = 0
        for _ in 0..<fixedPasses {
            if only == "serialize" {
                for description in parsed { n &+= description.serialized().utf8.count }
            } else if only == "edited" {
                for description in edited { n &+= description.serialized().utf8.count }
            } else {
                for input in inputs { n &+= mediaCount(SessionDescription.parse(bytes: input, options: options)) }
            }
        }
        print("passes: \(fixedPasses), files: \(inputs.count), sink: \(n)")
        continue
    }
    var parseTimes: [Double] = []
    var stringTimes: [Double] = []
    var serializeTimes: [Double] = []
    var editedTimes: [Double] = []
    for _ in 0..<runs {
        if only != nil && only != "parse" {
            parseTimes.append(0)
        } else {
            parseTimes.append(
                measure(target: target) {
                    var n = 0
                    for input in inputs { n &+= mediaCount(SessionDescription.parse(bytes: input, options: options)) }
                    return n
                })
        }
        if only != nil && only != "string" {
            stringTimes.append(0)
        } else {
            stringTimes.append(
                measure(target: target) {
                    var n = 0
                    for text in texts { n &+= mediaCount(SessionDescription.parse(text, options: options)) }
                    return n
                })
        }
        if only != nil && only != "serialize" {
            serializeTimes.append(0)
        } else {
            serializeTimes.append(
                measure(target: target) {
                    var n = 0
                    for description in parsed { n &+= description.serialized().utf8.count }
                    return n
                })
        }
        if only != nil && only != "edited" {
            editedTimes.append(0)
        } else {
            editedTimes.append(
                measure(target: target) {
                    var n = 0
                    for description in edited { n &+= description.serialized().utf8.count }
                    return n
                })
        }
    }
    func nanoseconds(_ times: [Double]) -> String {
        let value = median(times)
        return value > 0 ? String(Int(value / Double(inputs.count) * 1e9)) : "–"
    }
    let parseMedian = median(parseTimes)
    let megabytes = parseMedian > 0 ? String(Int(Double(totalBytes) / parseMedian / 1e6)) : "–"
    let name =
        (directory.split(separator: "/").last.map(String.init) ?? directory) + (options.checks ? "" : " (checks off)")
    print(
        """
        | \(name) | \(inputs.count) | \(totalBytes / inputs.count) | \(nanoseconds(parseTimes)) | \(megabytes) | \
        \(nanoseconds(serializeTimes)) | \(nanoseconds(editedTimes)) | \(nanoseconds(stringTimes)) | \(Int(peakRSSMiB())) | \(errors) | \
        \(changed) |
        """
    )
}
