import SDPLintDiagnostics
import SDPLintSIP
import SDPLintTestSupport
import Testing

/// Every captured message, concatenated as they would travel on one connection.
private let corpusMessages: [[UInt8]] = Fixture.capturedSIP.compactMap { try? $0.bytes() }
private let corpusStream: [UInt8] = corpusMessages.flatMap { $0 }

/// Feeds `stream` to a decoder `chunkSize` bytes at a time and returns what came out.
private func decode(
    _ stream: [UInt8], chunkSize: Int, options: SIPParseOptions = .lenient
) -> (results: [SIPParseResult], decoder: SIPStreamDecoder) {
    var decoder = SIPStreamDecoder(options: options)
    var results: [SIPParseResult] = []
    var offset = 0
    while offset < stream.count {
        let end = min(stream.count, offset + chunkSize)
        results += decoder.decode(stream[offset..<end])
        offset = end
    }
    results += decoder.finish()
    return (results, decoder)
}

/// The chunk sizes 1…N, N the length of the whole stream, cut into groups that run in parallel.
private let chunkSizeGroups: [ClosedRange<Int>] = {
    let total = corpusStream.count
    let groups = 16
    let step = (total + groups - 1) / groups
    return stride(from: 1, through: total, by: step).map { $0...min(total, $0 + step - 1) }
}()

@Suite struct StreamDecoderTests {
    @Test(arguments: chunkSizeGroups)
    func everyChunkSizeGivesTheSameMessages(_ sizes: ClosedRange<Int>) {
        for size in sizes {
            let (results, decoder) = decode(corpusStream, chunkSize: size, options: SIPParseOptions(checksBody: false))
            guard results.count == corpusMessages.count else {
                Issue.record("chunk size \(size): \(results.count) messages, expected \(corpusMessages.count)")
                return
            }
            for (result, expected) in zip(results, corpusMessages) where result.message.serialized() != expected {
                Issue.record("chunk size \(size): message at \(result.streamOffset) differs")
                return
            }
            #expect(decoder.diagnostics.isEmpty)
            #expect(decoder.bufferedByteCount == 0)
        }
    }
}
