import SDPLintDiagnostics
import SDPLintSDP
import SDPLintTestSupport
import Testing

@Suite struct RoundTripTests {
    @Test(arguments: Fixture.capturedSDP)
    func serializesEveryCaptureToItsExactBytes(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let parsed = SessionDescription.parse(bytes: input).value
        #expect(Array(parsed.serialized().utf8) == input, "serialization differs from the captured bytes")
        // Written from the model, not copied from the kept input: any edit drops that.
        var written = parsed
        written.lineEnding = parsed.lineEnding
        #expect(Array(written.serialized().utf8) == input, "the model writes different bytes")
    }

    @Test(arguments: Fixture.capturedSDP)
    func reparsingTheSerializationGivesAnEqualModel(_ fixture: Fixture) throws {
        let first = SessionDescription.parse(try fixture.text()).value
        let second = SessionDescription.parse(first.serialized()).value
        #expect(first == second)
    }

    /// An untouched parsed description serializes by copying its input; that copy must be what
    /// writing the model out gives, or edited and untouched descriptions would disagree. Every
    /// capture and invalid fixture, and variants of each capture made the ways the parser
    /// rewrites (lines out of order, missing, white space before v=, mixed or missing endings).
    @Test(arguments: Fixture.capturedSDP + Fixture.files(in: "invalid/sdp", suffix: ".sdp"))
    func theKeptInputIsWhatTheModelWrites(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        var variants = [input]
        let lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if lines.count > 4 {
            let joined = { (lines: [[UInt8]]) in Array(lines.joined(separator: [UInt8(ascii: "\n")])) }
            variants.append(joined(Array(lines[0..<2] + [lines[3], lines[2]] + lines[4...])))
            variants.append(joined(Array(lines[0..<1] + lines[2...])))
            variants.append(Array("  \r\n".utf8) + input)
            variants.append(Array(input.dropLast(2)))
            variants.append(joined(lines.map { $0.last == UInt8(ascii: "\r") ? Array($0.dropLast()) : $0 }))
            variants.append(
                joined(lines.enumerated().map { $0 == 3 && $1.last == UInt8(ascii: "\r") ? $1.dropLast() : $1 }))
            variants.append(joined(Array(lines[0..<3] + [lines[1]] + lines[3...])))
        }
        for (index, variant) in variants.enumerated() {
            let parsed = SessionDescription.parse(bytes: variant).value
            var rewritten = parsed
            rewritten.lineEnding = parsed.lineEnding  // any edit drops the kept input
            #expect(parsed.serialized() == rewritten.serialized(), "variant \(index)")
            #expect(parsed == rewritten)
        }
    }

    @Test func anEditIsWrittenAndAnUntouchedCopyStillGivesTheInput() throws {
        let text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=sendonly\r\n"
        let parsed = SessionDescription.parse(text).value
        var edited = parsed
        edited.media[0].attributes[0].name = .recvonly
        #expect(
            edited.serialized()
                == "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=recvonly\r\n")
        #expect(parsed.serialized() == text)
    }

    @Test(arguments: Fixture.capturedSDP)
    func capturesHaveNoErrors(_ fixture: Fixture) throws {
        let result = SessionDescription.parse(try fixture.text())
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }
}

/// `SDPParseOptions.checks` off skips the attribute and cross-reference checks, not the model.
@Suite struct UncheckedParseTests {
    static let unchecked = SDPParseOptions(checks: false)

    @Test(arguments: Fixture.capturedSDP + Fixture.files(in: "invalid/sdp", suffix: ".sdp"))
    func theModelIsTheSameWithoutChecks(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let checked = SessionDescription.parse(bytes: input)
        let unchecked = SessionDescription.parse(bytes: input, options: Self.unchecked)
        #expect(unchecked.value == checked.value)
        #expect(Array(unchecked.value.serialized().utf8) == Array(checked.value.serialized().utf8))
        // What is still reported is reported the same way.
        let all = Set(checked.diagnostics.map { "\($0.code.rawValue) \($0.location)" })
        #expect(unchecked.diagnostics.allSatisfy { all.contains("\($0.code.rawValue) \($0.location)") })
    }

    @Test func crossReferenceFindingsNeedTheChecks() {
        let text =
            """
            v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 96\r\nc=IN IP4 \
            0.0.0.0\r\na=rtpmap:97 opus/48000/2\r\n
            """
        let checked = SessionDescription.parse(text).diagnostics.map(\.code.rawValue)
        let unchecked = SessionDescription.parse(text, options: Self.unchecked).diagnostics.map(\.code.rawValue)
        // An rtpmap for a payload type the m= line does not list, and one listed without rtpmap.
        #expect(checked.contains("SDP300") && checked.contains("SDP302"))
        #expect(!unchecked.contains("SDP300") && !unchecked.contains("SDP302"))
    }
}
