import Dispatch
import SDPLintCapture
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

#if canImport(FoundationEssentials)
import FoundationEssentials  // not all of Foundation: see Package.swift
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where inputs come from: files, directories (walked recursively, in sorted order) and
/// standard input, read with a size limit so that one huge file cannot exhaust memory.
public enum Inputs {
    /// One input named or found on the command line.
    public struct Item: Sendable, Hashable {
        /// The path as shown in reports ("<stdin>" for standard input).
        public var path: String
        /// The path to read, or `nil` for standard input.
        public var file: String?
    }

    /// A problem with an input that stops it being checked; reported with exit status 2.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The file suffixes a directory walk picks up.
    public static let suffixes = [
        ".sdp", ".json", ".ndjson", ".jsonl", ".sip", ".xml", ".txt", ".gz", ".pcap", ".pcapng", ".hep",
    ]

    /// Expands the arguments: "-" is standard input, a directory yields the inputs below it.
    public static func expand(_ arguments: [String]) -> [Result<Item, Problem>] {
        var items: [Result<Item, Problem>] = []
        for argument in arguments {
            if argument == "-" {
                items.append(.success(Item(path: "<stdin>", file: nil)))
                continue
            }
            guard let type = fileType(argument) else {
                items.append(.failure(Problem(path: argument, message: "no such file or directory")))
                continue
            }
            guard type == S_IFDIR else {
                items.append(.success(Item(path: argument, file: argument)))
                continue
            }
            guard FileManager.default.isReadableFile(atPath: argument),
                let relatives = try? FileManager.default.subpathsOfDirectory(atPath: argument)
            else {
                items.append(
                    .failure(Problem(path: argument, message: "the directory cannot be read (check its permissions)")))
                continue
            }
            var found: [String] = []
            var special: [String] = []
            for relative in relatives where suffixes.contains(where: { relative.lowercased().hasSuffix($0) }) {
                let path = argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
                guard let type = fileType(path), type != S_IFDIR else { continue }
                // A FIFO or a device found by a walk would block it or never end: it is read only
                // when named on its own.
                guard isRegularFile(path) else {
                    special.append(path)
                    continue
                }
                found.append(path)
            }
            for path in special.sorted() {
                items.append(
                    .failure(
                        Problem(
                            path: path, message: "not a regular file (a FIFO, socket or device); name it to read it")))
            }
            if found.isEmpty && special.isEmpty {
                items.append(
                    .failure(
                        Problem(
                            path: argument,
                            message: "the directory holds no files to check (\(suffixes.joined(separator: ", ")))")))
            }
            items += found.sorted().map { .success(Item(path: $0, file: $0)) }
        }
        return items
    }

    /// The first `count` bytes of a regular file, to tell what it is before reading it all;
    /// `nil` for standard input, a FIFO or a device (whose bytes can be read only once), or a
    /// file that cannot be opened.
    public static func peek(_ item: Item, count: Int = 64) -> [UInt8]? {
        guard let file = item.file, isRegularFile(file), let source = try? FileSource(path: file) else { return nil }
        // A regular file's read returns what it has, up to `count`; only a short file gives less.
        var bytes: [UInt8] = []
        while bytes.count < count, let read = try? source.read(into: &bytes, upTo: count - bytes.count), read > 0 {}
        return bytes
    }

    /// The size of a file in bytes, following symbolic links; 0 when it cannot be told.
    static func size(of path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Whether `path` is a regular file (following symbolic links): not a FIFO, a socket or a
    /// device, which opening can block on and reading can consume.
    static func isRegularFile(_ path: String) -> Bool {
        fileType(path) == S_IFREG
    }

    /// The type bits of a file's mode (`S_IFREG`, `S_IFDIR`, …), following symbolic links;
    /// `nil` when there is no such file.
    static func fileType(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }
}

/// Runs work over many inputs on every core and hands the results back in input order, each
/// as soon as it and every one before it are done, so output is stable and memory stays flat
/// however many inputs there are.
///
/// Memory is bounded two ways: no input starts more than `window` places ahead of the next
/// one to deliver, and the inputs started and not yet delivered never cost more than `budget`
/// together (an input that alone costs more runs when nothing else does). Inputs start in
/// order, so the next one to deliver never waits for one after it: there is no deadlock.
public enum Batch {
    /// - Parameters:
    ///   - inputs: The inputs, in the order their results are delivered.
    ///   - window: How far ahead of delivery work may run; by default 16 inputs per core.
    ///   - budget: What the inputs in flight may cost together, in the unit `cost` uses.
    ///   - cost: What an input costs from the start of its work until its result is delivered:
    ///     for ``CheckCommand``, the bytes checking it is estimated to need at its peak.
    ///   - work: The work, run on every core.
    ///   - deliver: Called with each result in input order, one at a time, on whichever
    ///     thread finished the result's work or one before it.
    public static func forEach<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        window: Int? = nil,
        budget: Int = .max,
        cost: (Input) -> Int = { _ in 0 },
        work: @Sendable (Input) -> Output,
        deliver: (Int, Output) -> Void
    ) {
        guard !inputs.isEmpty else { return }
        // One input needs no count of cores, which reads the CPU quota of the process's cgroup
        // from files through `URL` (0.3 M instructions, as much as parsing a browser offer).
        let workers = inputs.count == 1 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let state = State<Output>(
            costs: inputs.map { min(max(0, cost($0)), max(0, budget)) }, budget: max(0, budget),
            window: max(1, window ?? workers * 16))
        withoutActuallyEscaping(deliver) { deliver in
            let deliverer = Deliverer(deliver)
            DispatchQueue.concurrentPerform(iterations: min(workers, inputs.count)) { _ in
                while let index = state.start() {
                    state.finish(index, work(inputs[index]), deliverer)
                }
            }
        }
    }

    /// The caller's `deliver`, called by one worker at a time (``State`` sees to that).
    final class Deliverer<Output>: @unchecked Sendable {
        let call: (Int, Output) -> Void
        init(_ call: @escaping (Int, Output) -> Void) { self.call = call }
    }

    /// What the workers share: which input starts next, the results not yet delivered, and
    /// what the inputs in flight cost.
    final class State<Output: Sendable>: @unchecked Sendable {
        private let condition = Condition()
        private let costs: [Int]
        private let budget: Int
        private let window: Int
        private var nextToStart = 0
        private var nextToDeliver = 0
        private var inFlight = 0
        private var delivering = false
        private var results: [Int: Output] = [:]

        init(costs: [Int], budget: Int, window: Int) {
            self.costs = costs
            self.budget = budget
            self.window = window
        }

        /// The next input to work on, once it fits the window and the budget; `nil` when every
        /// input has started.
        func start() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while nextToStart < costs.count {
                let index = nextToStart
                if index < nextToDeliver + window && inFlight + costs[index] <= budget {
                    nextToStart += 1
                    inFlight += costs[index]
                    return index
                }
                condition.wait()
            }
            return nil
        }

        /// Keeps a result and, unless another worker is delivering, delivers every result that
        /// is next in order, releasing what each cost.
        func finish(_ index: Int, _ result: Output, _ deliverer: Deliverer<Output>) {
            condition.lock()
            results[index] = result
            guard !delivering else { return condition.unlock() }
            delivering = true
            while let next = results.removeValue(forKey: nextToDeliver) {
                let position = nextToDeliver
                condition.unlock()
                deliverer.call(position, next)
                condition.lock()
                inFlight -= costs[position]
                nextToDeliver += 1
                condition.broadcast()
            }
            delivering = false
            condition.unlock()
        }
    }
}
