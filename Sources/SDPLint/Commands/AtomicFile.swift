import CSDPLintProcess

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

/// A file written under a temporary name beside its destination and renamed over it once it
/// is complete, so that a reader of the destination sees the old file or the whole new one,
/// never a part: what `format --write` rewrites and the reports `--output` names.
///
/// The temporary file is in the destination's directory (a rename is atomic only within one
/// file system) and is named `.NAME.sdplint-XXXXXX`. While it exists its path is held where a
/// signal handler can reach it (``AtomicFile/handleTerminationSignals()``), so an interrupted
/// run leaves nothing behind. sdplint writes one named file at a time, so there is one such
/// path.
package final class AtomicFile {
    /// The destination.
    package let path: String
    /// The temporary file's descriptor, or -1 once closed.
    package private(set) var descriptor: Int32
    /// The temporary file, or `nil` when the destination is written directly.
    private let temporary: String?
    /// Whether the temporary file is gone: renamed over the destination, or removed.
    private var committed = false

    /// Creates the temporary file beside `path`, with the destination's permissions when it
    /// exists (`format --write` keeps a file's mode) and the umask's otherwise. A destination
    /// that is not a regular file (a FIFO, `/dev/stdout`, a device) is opened and written as
    /// it is: there is nothing to rename over it.
    ///
    /// - Throws: ``AtomicFile/Failure`` when the directory or the destination cannot be written.
    package init(replacing path: String) throws(Failure) {
        self.path = path
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(path: path, errno: errno) }
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).sdplint-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw Failure(path: path, errno: errno) }
        self.descriptor = descriptor
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.temporary = temporary
        if exists {
            fchmod(descriptor, existing.st_mode & 0o7777)
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
        }
        sdplint_set_pending_file(temporary)
    }

    deinit { discard() }

    /// Writes all of `bytes`, retrying short and interrupted writes.
    ///
    /// - Throws: ``AtomicFile/Failure`` (a full disk, a quota).
    package func write(_ bytes: some Collection<UInt8>) throws(Failure) {
        let failed =
            bytes.withContiguousStorageIfAvailable { Self.write($0, to: descriptor) }
            ?? Array(bytes).withUnsafeBufferPointer { Self.write($0, to: descriptor) }
        if let failed { throw Failure(path: path, errno: failed) }
    }

    /// Flushes the temporary file to the disk, closes it and renames it over the destination.
    ///
    /// - Throws: ``AtomicFile/Failure`` when any of these fails; the temporary file is removed
    ///   and the destination is as it was.
    package func commit() throws(Failure) {
        guard let temporary else {
            let failed = close(descriptor) == 0 ? nil : errno
            descriptor = -1
            if let failed { throw Failure(path: path, errno: failed) }
            return
        }
        let synced = fsync(descriptor) == 0 ? nil : errno
        let closed = close(descriptor) == 0 ? nil : errno
        descriptor = -1
        if let failed = synced ?? closed {
            discard()
            throw Failure(path: path, errno: failed)
        }
        guard rename(temporary, path) == 0 else {
            let failed = errno
            discard()
            throw Failure(path: path, errno: failed)
        }
        committed = true
        sdplint_set_pending_file(nil)
    }

    /// Closes and removes the temporary file, leaving the destination as it was.
    package func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        guard let temporary, !committed else { return }
        unlink(temporary)
        committed = true
        sdplint_set_pending_file(nil)
    }

    /// Why a named file could not be written: "report.sarif: No space left on device".
    package struct Failure: Error, CustomStringConvertible {
        package var path: String
        package var reason: String

        init(path: String, errno: Int32) {
            self.path = path
            reason = String(cString: strerror(errno))
        }

        package var description: String { "\(path): could not be written: \(reason)" }
    }

    /// Writes all of `buffer` to `descriptor`; the `errno` of a failure.
    package static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = writeBytes(descriptor, base + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return written == 0 ? ENOSPC : errno
            }
        }
        return nil
    }

    // MARK: - Interruption

    /// Installs the handlers that end a run on SIGINT, SIGTERM or SIGHUP after removing the
    /// temporary file being written, if any: the process then ends by the signal itself, so a
    /// shell sees the conventional status (130 for an interrupt). A signal the run was started
    /// with ignored (`nohup`) stays ignored. SIGPIPE gets its default action back, so a closed
    /// pipe ends the run quietly, as it does `grep`; these signals are unblocked, should a
    /// parent have left them blocked. The handlers are C (`sdplint_process.c`): only
    /// async-signal-safe calls.
    package static func handleTerminationSignals() { sdplint_handle_termination_signals() }

    /// Makes the first SIGINT or SIGTERM a request to stop listening (``stopRequested``); a
    /// second one ends the run as before.
    package static func stopOnInterrupt() { sdplint_begin_listening() }

    /// Whether an interrupt asked a listener to stop.
    package static var stopRequested: Bool { sdplint_stop_requested() != 0 }
}

/// write(2), named apart from ``AtomicFile/write(_:to:)``, which it would be inside it.
private func writeBytes(_ descriptor: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
