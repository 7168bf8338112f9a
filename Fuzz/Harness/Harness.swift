import Foundation
import SDPLintFuzzTargets

// One binary for every target. Built two ways (Fuzz/README.md):
//
// - with `--sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING`: libFuzzer supplies `main`
//   and calls `LLVMFuzzerTestOneInput`; `FUZZ_TARGET` picks the target;
// - in a plain `swift build`: a replay tool, `sdplint-fuzz TARGET FILE...`, that runs saved
//   inputs through a target without sanitizers and says how long each took.
//
// Both modes also answer `FUZZ_TARGET=list` (the targets and their dictionaries) and
// `FUZZ_WRITE_SEEDS=DIR` (the target's seed inputs, made from Fixtures/, written into DIR).

/// The target chosen for this process.
nonisolated(unsafe) var selected: FuzzTarget?

/// Handles the environment requests every mode shares; returns false when the process should
/// stop.
func configure(target name: String?) -> Bool {
    guard let name, !name.isEmpty else {
        FileHandle.standardError.write(
            Data("set FUZZ_TARGET to one of: \(FuzzTarget.all.map(\.name).joined(separator: " "))\n".utf8))
        exit(2)
    }
    if name == "list" {
        for target in FuzzTarget.all {
            print("\(target.name)\t\(target.dictionary)\t\(target.maxLength)\t\(target.summary)")
        }
        exit(0)
    }
    guard let target = FuzzTarget.named(name) else {
        FileHandle.standardError.write(
            Data("unknown target \(name); targets: \(FuzzTarget.all.map(\.name).joined(separator: " "))\n".utf8))
        exit(2)
    }
    selected = target
    if let directory = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] {
        let fixtures = ProcessInfo.processInfo.environment["FUZZ_FIXTURES"] ?? "Fixtures"
        let count = writeSeeds(of: target, from: fixtures, into: directory)
        print("\(count) seeds for \(target.name) in \(directory)")
        exit(0)
    }
    return true
}

/// Writes the target's seeds into `directory`, one file each, named by content so duplicates
/// collapse. Compressed fixtures come decompressed unless the target reads gzip itself.
func writeSeeds(of target: FuzzTarget, from fixtures: String, into directory: String) -> Int {
    let files = FileManager.default
    try? files.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var written = Set<String>()
    for seed in target.seedInputs(fixtures: fixtures) {
        let name = "seed-" + fingerprint(seed.bytes)
        guard written.insert(name).inserted else { continue }
        _ = files.createFile(atPath: (directory as NSString).appendingPathComponent(name), contents: Data(seed.bytes))
    }
    return written.count
}

/// A 64-bit FNV-1a hash in hex: enough to name seed files uniquely.
func fingerprint(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(hash, radix: 16)
}

func report(_ violations: [Violation], target: FuzzTarget) {
    guard !violations.isEmpty else { return }
    let text = violations.map { "\(target.name): \($0)" }.joined(separator: "\n")
    // An abort makes libFuzzer save the input as a crash, like a trap in the code under test.
    fatalError(text)
}

#if FUZZING

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = configure(target: ProcessInfo.processInfo.environment["FUZZ_TARGET"])
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selected else { return 0 }
    let input = data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? []
    report(target.run(input), target: target)
    return 0
}

#else

@main
enum Replay {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var name = ProcessInfo.processInfo.environment["FUZZ_TARGET"]
        if !arguments.isEmpty && FuzzTarget.named(arguments[0]) != nil || arguments.first == "list" {
            name = arguments.removeFirst()
        }
        guard configure(target: name), let target = selected else { return }
        if arguments.isEmpty {
            print("usage: sdplint-fuzz TARGET FILE...   (replays each file through the target)")
            exit(2)
        }
        let clock = ContinuousClock()
        var failed = false
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                failed = true
                continue
            }
            var violations: [Violation] = []
            let elapsed = clock.measure { violations = target.run([UInt8](data)) }
            print(
                "\(path): \(data.count) bytes, \(elapsed)\(violations.isEmpty ? "" : ", " + violations.map(\.message).joined(separator: "; "))"
            )
            failed = failed || !violations.isEmpty
        }
        exit(failed ? 1 : 0)
    }
}

#endif
