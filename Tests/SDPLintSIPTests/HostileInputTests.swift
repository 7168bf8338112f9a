import Foundation
import SDPLintDiagnostics
import SDPLintSIP
import SDPLintTestSupport
import Testing

private let options = SIPParseOptions(checksBody: false)

private func request(_ extraHeaders: [UInt8], body: [UInt8] = []) -> [UInt8] {
    Array(
        """
        OPTIONS sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKhostile\r\nMax-Forwards: \
        70\r\nTo: <sip:bob@example.com>\r\nFrom: <sip:eve@example.org>;tag=h\r\nCall-ID: \
        hostile@192.0.2.1\r\nCSeq: 1 OPTIONS\r\n
        """
        .utf8)
        + extraHeaders + Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
}

private func codes(_ result: SIPParseResult) -> Set<String> { codes(result.parsed) }
private func codes(_ result: ParseResult<SIPMessage>) -> Set<String> { Set(result.diagnostics.map(\.code.rawValue)) }

@Suite struct HostileInputTests {
    /// RFC 5763 §7.2 writes "From <sip:…>" without the colon: the unreadable line is the
    /// finding (SIP106), and the From it should have been is not reported again as missing.
    @Test func aMandatoryHeaderWithoutItsColonIsOneFinding() {
        let text = String(decoding: request([]), as: UTF8.self)
            .replacingOccurrences(of: "From: <sip:eve", with: "From <sip:eve")
        let result = SIPMessage.parse(bytes: Array(text.utf8), options: options)
        #expect(result.diagnostics.map(\.code.rawValue) == ["SIP106"])
        let removed = String(decoding: request([]), as: UTF8.self)
            .replacingOccurrences(of: "From: <sip:eve@example.org>;tag=h\r\n", with: "")
        #expect(codes(SIPMessage.parse(bytes: Array(removed.utf8), options: options)) == ["SIP200"])
    }

    @Test func aOneMegabyteHeaderIsReportedWithItsLocation() {
        let input = request(Array("X-Big: ".utf8) + [UInt8](repeating: 0x61, count: 1 << 20) + [0x0D, 0x0A])
        let result = SIPMessage.parse(bytes: input, options: options)
        let finding = result.diagnostics.first { $0.code.rawValue == SIPRules.headerLineTooLong.code.rawValue }
        #expect(finding?.location.line == 8)
        #expect(finding?.location.column == 1)
        #expect(result.value.serialized() == input)
        #expect(result.value.callID == "hostile@192.0.2.1")
        #expect(!result.value.headers.contains("X-Big"))
    }

    @Test(.timeLimit(.minutes(1)))
    func oneHundredThousandHeadersStopAtTheLimit() {
        var extra: [UInt8] = []
        for index in 0..<100_000 { extra += Array("X-H\(index): v\r\n".utf8) }
        let input = request(extra)
        let result = SIPMessage.parse(bytes: input, options: options)
        let findings = result.diagnostics.filter { $0.code.rawValue == SIPRules.tooManyHeaders.code.rawValue }
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == SIPParseOptions.Limits().maxHeaderCount + 2)
        #expect(result.value.headers.count == SIPParseOptions.Limits().maxHeaderCount + 1)
        #expect(result.value.serialized() == input)
        // The mandatory headers before the limit were read.
        #expect(result.value.cseq == CSeq(1, .options))
    }

    @Test func nulBytesAreReportedOncePerLineAndFindingsAreBounded() {
        var extra: [UInt8] = []
        for _ in 0..<5_000 { extra += Array("X-Nul: a".utf8) + [0, 0, 0] + [0x0D, 0x0A] }
        let result = SIPMessage.parse(bytes: request(extra), options: options)
        #expect(result.diagnostics.count <= SIPParseOptions.Limits().maxDiagnostics + 1)
        #expect(result.diagnostics.first?.code.rawValue == SIPRules.controlCharacter.code.rawValue)
        #expect(result.diagnostics.first?.location.line == 8)
        #expect(result.diagnostics.first?.location.column == 9)
        #expect(result.diagnostics.last?.code.rawValue == SIPRules.tooManyFindings.code.rawValue)
    }

    @Test func binaryBodiesAreKeptExactly() {
        var generator = SeededGenerator(seed: 7)
        let body = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let input = request(Array("Content-Type: application/octet-stream\r\n".utf8), body: body)
        let result = SIPMessage.parse(bytes: input)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.value.body == body)
        #expect(result.value.serialized() == input)
    }

    @Test func everyPrefixOfAMessageParsesAndWritesBack() throws {
        let input = try Fixture(path: "corpus/baresip/dtls-srtp.01-request-invite.sip").bytes()
        for length in 0..<input.count {
            let prefix = Array(input[..<length])
            let result = SIPMessage.parse(bytes: prefix, options: options)
            #expect(result.value.serialized() == prefix, "prefix of \(length) bytes")
            #expect(result.hasErrors, "a truncated message must be reported (\(length) bytes)")
        }
    }

    @Test func contentLengthLargerThanTheDataIsTruncation() {
        let input = Array(request([]).dropLast(4)) + Array("\r\n\r\nabc".utf8)
        var patched = input
        // Content-Length: 0 → 9 while only 3 body bytes follow.
        if let index = patched.lastIndex(of: UInt8(ascii: "0")) { patched[index] = UInt8(ascii: "9") }
        let result = SIPMessage.parse(bytes: patched, options: options)
        #expect(codes(result).contains(SIPRules.contentLengthMismatch.code.rawValue))
        #expect(result.value.body == Array("abc".utf8))
        #expect(result.value.serialized() == patched)
    }

    @Test func everyByteInAHeaderNameOrValueIsHandled() {
        for byte in UInt8.min...UInt8.max {
            for header in [[byte] + Array("X: v\r\n".utf8), Array("X-V: a".utf8) + [byte] + Array("b\r\n".utf8)] {
                let input = request(header)
                let result = SIPMessage.parse(bytes: input, options: options)
                #expect(result.value.serialized() == input, "byte \(byte)")
                let allowedInValue = byte >= 0x20 && byte != 0x7F || byte == 0x09
                if header.first == byte {
                    let tokenByte =
                        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || Array("-.!%*_+`'~".utf8).contains(byte)
                    if !tokenByte && byte != 0x0A && byte != 0x0D && byte != 0x20 && byte != 0x09 {
                        #expect(result.hasErrors, "byte \(byte) cannot start a header name")
                    }
                } else if !allowedInValue && byte != 0x0A && byte != 0x0D {
                    #expect(codes(result).contains(SIPRules.controlCharacter.code.rawValue), "byte \(byte) in a value")
                }
            }
        }
    }

    @Test func randomlyDamagedMessagesNeverTrapAndWriteBack() throws {
        var generator = SeededGenerator(seed: 3261)
        let messages = try Fixture.capturedSIP.map { try $0.bytes() }
        for round in 0..<2_000 {
            var input = messages[round % messages.count]
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<input.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: input[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: input.remove(at: index)
                default: input.insert(Array(":;,<>\"\r\n \t@%[]".utf8).randomElement(using: &generator) ?? 0, at: index)
                }
            }
            let result = SIPMessage.parse(bytes: input)
            #expect(result.value.serialized() == input, "round \(round)")
        }
    }
}

@Suite struct StreamBehaviourTests {
    private let a = request([])
    private let b = Array(
        String(decoding: request([]), as: UTF8.self).replacingOccurrences(of: "hostile", with: "another").utf8)

    @Test func readsKeepAlivesBetweenMessages() {
        var decoder = SIPStreamDecoder(options: options)
        let results = decoder.decode(Array("\r\n\r\n".utf8) + a + Array("\r\n".utf8) + b + Array("\r\n\r\n".utf8))
        #expect(results.map { $0.message.serialized() } == [a, b])
        #expect(results.allSatisfy { $0.diagnostics.isEmpty })
        #expect(decoder.keepAliveBytes == 10)
        #expect(results[0].streamOffset == 4 && results[0].streamLine == 3)
        #expect(results[1].streamOffset == 4 + a.count + 2)
        #expect(decoder.finish().isEmpty)
        #expect(decoder.diagnostics.isEmpty)
    }

    @Test func returnsNilUntilTheBodyIsComplete() {
        let body = Array("0123456789".utf8)
        let message = request(Array("Content-Type: text/plain\r\n".utf8), body: body)
        var decoder = SIPStreamDecoder(options: options)
        decoder.append(message.dropLast())
        #expect(decoder.next() == nil)
        decoder.append([message[message.count - 1]])
        #expect(decoder.next()?.message.body == body)
    }

    @Test func reportsAMessageCutByTheEndOfTheStream() {
        var decoder = SIPStreamDecoder(options: options)
        let message = request(Array("Content-Type: text/plain\r\n".utf8), body: Array("0123456789".utf8))
        #expect(decoder.decode(message.dropLast(4)).isEmpty)
        let rest = decoder.finish()
        #expect(rest.count == 1)
        #expect(rest.first?.diagnostics.contains { $0.code.rawValue == SIPRules.truncated.code.rawValue } == true)
        #expect(rest.first?.message.serialized() == Array(message.dropLast(4)))
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func reportsAHeaderSectionCutByTheEndOfTheStream() {
        var decoder = SIPStreamDecoder(options: options)
        #expect(decoder.decode(a.prefix(60)).isEmpty)
        let rest = decoder.finish()
        #expect(rest.first?.diagnostics.contains { $0.code.rawValue == SIPRules.truncated.code.rawValue } == true)
        #expect(rest.first?.message.serialized() == Array(a.prefix(60)))
    }

    @Test func skipsGarbageAndKeepsTheNextMessage() {
        var decoder = SIPStreamDecoder(options: options)
        let garbage = Array("hello there\r\n\u{1}\u{2}binary\r\n".utf8)
        let results = decoder.decode(a + garbage + b) + decoder.finish()
        #expect(results.map { $0.message.serialized() } == [a, b])
        #expect(decoder.diagnostics.map(\.code.rawValue) == [SIPRules.skippedBytes.code.rawValue])
        #expect(decoder.diagnostics.first?.location.bytes == a.count..<(a.count + garbage.count))
        #expect(decoder.diagnostics.first?.location.line == 10)
    }

    @Test func aMessageWithoutContentLengthHasNoBodyOnAStream() throws {
        let ack = try Fixture(path: "corpus/linphone/audio-ice/04-request-ack.sip").bytes()
        var decoder = SIPStreamDecoder(options: options)
        let results = decoder.decode(ack + a)
        #expect(results.count == 2)
        #expect(results[0].diagnostics.map(\.code.rawValue) == [SIPRules.contentLengthMissing.code.rawValue])
        #expect(results[0].message.serialized() == ack)
        #expect(results[1].message.serialized() == a)
    }

    @Test func anOverlongLineDoesNotGrowTheBuffer() {
        var decoder = SIPStreamDecoder(options: options)
        let limits = SIPParseOptions.Limits()
        var results: [SIPParseResult] = []
        results += decoder.decode(Array("INVITE sip:x@example.com SIP/2.0\r\nX-Long: ".utf8))
        let chunk = [UInt8](repeating: 0x61, count: 64 << 10)
        var peak = 0
        for _ in 0..<64 {
            results += decoder.decode(chunk)
            peak = max(peak, decoder.bufferedByteCount)
        }
        results += decoder.decode(Array("\r\n\r\n".utf8) + a)
        results += decoder.finish()
        #expect(peak <= limits.maxMessageBytes + chunk.count)
        #expect(
            results.first?.diagnostics.contains { $0.code.rawValue == SIPRules.messageTooLarge.code.rawValue } == true)
        #expect(results.last?.message.serialized() == a)
    }

    @Test func aHugeContentLengthIsReportedAndTheNextMessageSurvives() {
        var decoder = SIPStreamDecoder(options: options)
        let liar = Array(
            String(decoding: request([]), as: UTF8.self).replacingOccurrences(
                of: "Content-Length: 0", with: "Content-Length: 999999999"
            ).utf8)
        let results = decoder.decode(liar + a) + decoder.finish()
        #expect(results.first?.diagnostics.contains { $0.code.rawValue == SIPRules.bodyTooLarge.code.rawValue } == true)
        #expect(results.last?.message.serialized() == a)
    }

    @Test func datagramsAreMessagesOrKeepAlives() throws {
        #expect(SIPDatagram.decode(Array("\r\n\r\n".utf8)) == .keepAlive(byteCount: 4))
        let ack = try Fixture(path: "corpus/linphone/audio-ice/04-request-ack.sip").bytes()
        let result = try #require(SIPDatagram.decode(ack).result)
        #expect(result.diagnostics.isEmpty)
        // Without Content-Length the body is the rest of the datagram.
        let withBody = ack + Array("tail".utf8)
        #expect(SIPDatagram.decode(withBody).result?.message.body == Array("tail".utf8))
        #expect(SIPDatagram.decode([]).result?.diagnostics.first?.code.rawValue == SIPRules.emptyMessage.code.rawValue)
    }
}
