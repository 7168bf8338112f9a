import Foundation
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

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
        ".sdp", ".json", ".ndjson", ".jsonl", ".sip", ".xml", ".txt", ".gz", ".pcap", ".pcapng",
    ]

    /// Expands the arguments: "-" is standard input, a directory yields the inputs below it.
    public static func expand(_ arguments: [String]) -> [Result<Item, Problem>] {
        var items: [Result<Item, Problem>] = []
        for argument in arguments {
            if argument == "-" {
                items.append(.success(Item(path: "<stdin>", file: nil)))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                items.append(.failure(Problem(path: argument, message: "no such file or directory")))
                continue
            }
            guard isDirectory.boolValue else {
                items.append(.success(Item(path: argument, file: argument)))
                continue
            }
            guard FileManager.default.isReadableFile(atPath: argument),
                let enumerator = FileManager.default.enumerator(atPath: argument)
            else {
                items.append(
                    .failure(Problem(path: argument, message: "the directory cannot be read (check its permissions)")))
                continue
            }
            var found: [String] = []
            var special: [String] = []
            for case let relative as String in enumerator
            where suffixes.contains(where: { relative.lowercased().hasSuffix($0) }) {
                let path = argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
                var isSubdirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isSubdirectory),
                    !isSubdirectory.boolValue
                else { continue }
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
        guard let file = item.file, isRegularFile(file), let handle = FileHandle(forReadingAtPath: file) else {
            return nil
        }
        defer { try? handle.close() }
        return [UInt8](handle.readData(ofLength: count))
    }

    /// Whether `path` is a regular file (following symbolic links): not a FIFO, a socket or a
    /// device, which opening can block on and reading can consume.
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}

/// Runs work over many inputs on every core, handing results back in input order a window
/// at a time, so output is stable and memory stays flat however many inputs there are.
public enum Batch {
    public static func forEach<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        window: Int? = nil,
        work: @Sendable (Input) -> Output,
        deliver: (Int, Output) -> Void
    ) {
        let window = window ?? ProcessInfo.processInfo.activeProcessorCount * 16
        var start = 0
        while start < inputs.count {
            let end = min(inputs.count, start + max(1, window))
            let slice = Array(inputs[start..<end])
            let results = Results<Output>(count: slice.count)
            DispatchQueue.concurrentPerform(iterations: slice.count) { index in
                results.set(index, work(slice[index]))
            }
            for (offset, output) in results.values.enumerated() {
                if let output { deliver(start + offset, output) }
            }
            start = end
        }
    }

    /// Slots filled concurrently, each by exactly one worker.
    final class Results<Output: Sendable>: @unchecked Sendable {
        private var storage: [Output?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Output) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        var values: [Output?] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
