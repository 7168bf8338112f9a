/// One parser entry point driven by arbitrary bytes: what the libFuzzer harness runs for each
/// input, and what the regression tests replay saved crashers through.
///
/// A target never traps by itself when the code under test is right. Besides "does not crash",
/// some targets check a cheap oracle (our own writer's output parses back equal, a stream
/// decoded in chunks gives what it gives in one piece); a broken oracle comes back as a
/// ``Violation`` so the harness can abort (and libFuzzer save the input) while a test records
/// an issue instead.
///
/// Adding a target is one entry in ``all``: the harness, `Scripts/fuzz`, `Scripts/fuzz-smoke`
/// and the regression tests all read that list.
public struct FuzzTarget: Sendable {
    /// The name `Scripts/fuzz` and `FUZZ_TARGET` take, and the folder under
    /// `Fixtures/fuzz-regressions/` that holds its saved crashers.
    public let name: String
    /// What the target drives, one line.
    public let summary: String
    /// The dictionary file under `Fuzz/dictionaries/`, without `.dict`.
    public let dictionary: String
    /// Where its seed inputs come from, under `Fixtures/`.
    public let seeds: [SeedSource]
    /// The longest input libFuzzer makes (`-max_len`); the default follows the largest seed,
    /// which for multi-megabyte dumps would make every run slow.
    public let maxLength: Int
    /// Runs the input through the code under test; returns the oracles it broke.
    public let run: @Sendable (_ input: [UInt8]) -> [Violation]

    public init(
        name: String, summary: String, dictionary: String, seeds: [SeedSource], maxLength: Int = 16 << 10,
        run: @escaping @Sendable (_ input: [UInt8]) -> [Violation]
    ) {
        self.name = name
        self.summary = summary
        self.dictionary = dictionary
        self.seeds = seeds
        self.maxLength = maxLength
        self.run = run
    }

    /// The target with this name.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// An oracle a target checks that the input broke, such as "the writer's output does not
/// parse back to the same value".
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Files under `Fixtures/` that seed a target, and how each becomes one or more seed inputs.
public struct SeedSource: Sendable, Hashable {
    /// How a fixture file becomes seeds.
    public enum Shape: Sendable, Hashable {
        /// The file as it is.
        case whole
        /// Each non-empty line on its own (candidate lists, NDJSON).
        case lines
        /// Each line that starts with this prefix, on its own (`a=candidate:` from SDP files).
        case linesStarting(String)
        /// The file from its first `m=` line on: the shape of an SDP fragment (RFC 8840).
        case fromFirstMediaLine
        /// The file followed by its sibling whose name has `suffix` in place of the matched
        /// one (`X.offer` then `X.answer`); files without that sibling give nothing.
        case followedBySibling(suffix: String)
        /// The file's bytes as stored: a `.gz` file stays compressed, for targets that read gzip
        /// themselves. Every other shape sees `.gz` files decompressed.
        case stored
        /// A chrome://webrtc-internals dump with each event value that is JSON text rewritten in
        /// the older text form Chromium once wrote (`type: offer, sdp: …`, `sdpMid: 0,
        /// sdpMLineIndex: 0, candidate: …`); dumps without such values give nothing.
        case legacyWebRTCInternals
    }

    /// A folder relative to `Fixtures/`, searched recursively.
    public var folder: String
    /// The file name suffixes taken (`.sdp`, `.json`).
    public var suffixes: [String]
    public var shape: Shape

    public init(_ folder: String, _ suffixes: [String], _ shape: Shape = .whole) {
        self.folder = folder
        self.suffixes = suffixes
        self.shape = shape
    }

    /// The seed inputs one fixture file gives.
    ///
    /// - Parameters:
    ///   - file: The file's bytes.
    ///   - path: Its path, which names its siblings.
    ///   - read: Reads another file by path, or gives `nil`.
    public func inputs(from file: [UInt8], path: String, read: (String) -> [UInt8]?) -> [[UInt8]] {
        switch shape {
        case .followedBySibling(let suffix):
            guard let matched = suffixes.first(where: { path.hasSuffix($0) }), matched != suffix,
                let sibling = read(String(path.dropLast(matched.count)) + suffix)
            else { return [] }
            return [file + sibling]
        case .whole, .stored:
            return [file]
        case .legacyWebRTCInternals:
            return LegacyWebRTCInternals.rewriting(file).map { [$0] } ?? []
        case .lines:
            return Self.lines(of: file).filter { !$0.isEmpty }
        case .linesStarting(let prefix):
            let prefix = Array(prefix.utf8)
            return Self.lines(of: file).filter { $0.starts(with: prefix) }
        case .fromFirstMediaLine:
            var start = 0
            while start < file.count {
                if file[start...].starts(with: [UInt8(ascii: "m"), UInt8(ascii: "=")]) {
                    return [Array(file[start...])]
                }
                guard let lf = file[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }
                start = lf + 1
            }
            return []
        }
    }

    private static func lines(of file: [UInt8]) -> [[UInt8]] {
        file.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }
}
