internal import CSDPLintInflate

extension Gzip {
    /// Compresses `bytes` into one gzip member (RFC 1952 §2.3) at zlib's default level, with no
    /// file name and a zero modification time, so that nothing about the original file travels
    /// with its compressed form.
    ///
    /// https://www.rfc-editor.org/rfc/rfc1952#section-2.3
    ///
    /// - Returns: The gzip bytes, or `nil` when zlib cannot compress (it ran out of memory).
    /// - Complexity: O(*n*) in the size of `bytes`.
    public static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: sdplint_gzip_bound(bytes.count))
        var used = 0
        let capacity = output.count
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { buffer in
                sdplint_gzip_compress(input.baseAddress, input.count, buffer.baseAddress, capacity, &used)
            }
        }
        guard status == 0, used <= output.count else { return nil }
        output.removeSubrange(used...)
        return output
    }
}
