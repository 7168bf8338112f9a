import SDPLintDiagnostics
import SDPLintJSON
import SDPLintTestSupport
import Testing

/// Every JSON capture of the corpus: envelopes from aiortc, Chromium, Firefox, GStreamer and
/// cross-implementation runs, webrtc-internals dumps and about:webrtc reports.
@Suite struct CorpusTests {
    static let documents: [Fixture] = Fixture.files(in: "corpus", suffix: ".json")
    static let streams: [Fixture] = Fixture.files(in: "corpus", suffix: ".ndjson")
    /// Written by `JSON.stringify(value)`: compact, canonically escaped.
    static let compact: [Fixture] = documents.filter {
        $0.path.hasPrefix("corpus/chromium/") || $0.path.hasPrefix("corpus/firefox/")
    }
    /// Written by `JSON.stringify(value, null, 1)` (webrtc-internals) and `(value, null, 2)`
    /// (about:webrtc).
    static let pretty: [(Fixture, Int)] =
        documents.filter { $0.path.hasPrefix("corpus/chromium-internals/") }.map { ($0, 1) }
        + documents.filter { $0.path.hasPrefix("corpus/firefox-aboutwebrtc/") }.map { ($0, 2) }

    @Test func findsTheCorpus() {
        #expect(Self.documents.count > 150)
        #expect(Self.streams.count > 20)
        #expect(Self.pretty.count == 7)
        for folder in [
            "aiortc", "chromium", "firefox", "chromium-internals", "firefox-aboutwebrtc", "gstreamer", "cross",
        ] {
            #expect(Self.documents.contains { $0.path.hasPrefix("corpus/\(folder)/") }, "no JSON in \(folder)")
        }
    }

    @Test(arguments: documents)
    func parsesWithoutFindingsAndRoundTrips(_ fixture: Fixture) throws {
        let bytes = try fixture.bytes()
        let parsedValue = JSONValue.parse(bytes: bytes)
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(value)
        for pretty in [false, true] {
            let text = parsed.serialized(pretty: pretty)
            #expect(try JSONValue(parsing: text) == parsed)
        }
        // The document parse reads the same value.
        let document = try JSONDocument(parsing: bytes)
        #expect(document.value == parsed)
        #expect(document.root.location?.line == 1)
    }

    @Test(arguments: compact)
    func compactCapturesSerializeByteForByte(_ fixture: Fixture) throws {
        let text = try fixture.text()
        #expect(try JSONValue(parsing: text).serialized() == text)
    }

    @Test(arguments: pretty)
    func dumpsSerializeByteForByteInTheirOwnLayout(_ fixture: Fixture, indent: Int) throws {
        let text = try fixture.text()
        let value = try JSONValue(parsing: text)
        #expect(value.serialized(format: .pretty(indent: indent)) == text)
    }

    @Test(arguments: streams)
    func streamsParseLineByLine(_ fixture: Fixture) throws {
        let text = try fixture.text()
        let records = NDJSON.parse(text).value
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(records.count == lines.count)
        for (record, line) in zip(records, lines) {
            #expect(record.diagnostics.isEmpty, "\(record.diagnostics)")
            let value = try #require(record.value)
            #expect(value.serialized() == String(line))
            // Firefox ends gathering with an empty candidate.
            let candidate = try #require(value["candidate"]?.stringValue)
            #expect(candidate.isEmpty || candidate.hasPrefix("candidate:"))
        }
        #expect(NDJSON.serialized(records.compactMap(\.value)) == text + (text.hasSuffix("\n") ? "" : "\n"))
    }

    /// The values of webrtc-internals are JSON texts themselves; they parse too.
    @Test func internalsUpdateLogValuesAreJSON() throws {
        let dump = try JSONValue(
            parsing: Fixture(path: "corpus/chromium-internals/call-audio-video-datachannel.json").text())
        let connections = try #require(dump["PeerConnections"]?.objectValue)
        var parsedDescriptions = 0
        for connection in connections {
            for event in connection.value["updateLog"]?.arrayValue ?? [] {
                guard let type = event["type"]?.stringValue,
                    type.hasPrefix("setLocalDescription") || type.hasPrefix("setRemoteDescription"),
                    let text = event["value"]?.stringValue, text.hasPrefix("{")
                else { continue }
                let description = try JSONValue(parsing: text)
                #expect(description["sdp"]?.stringValue?.hasPrefix("v=0\r\n") == true)
                parsedDescriptions += 1
            }
        }
        #expect(parsedDescriptions >= 4)
    }
}
