import SDPLint
import SDPLintDiagnostics
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// `sdplint explain --error`: receivers' messages looked up among those recorded by the
/// conformance harness, with the rules that explain them and the line they name.
@Suite struct ReceiverErrorTests {
    /// The Swift reduction of a message is the harness's: each recorded example reduces to
    /// the pattern the harness wrote beside it.
    @Test func everyRecordedExampleReducesToItsPattern() {
        #expect(ReceiverErrors.entries.count > 100)
        for entry in ReceiverErrors.entries {
            #expect(ReceiverErrors.pattern(entry.example) == entry.pattern, "\(entry.example)")
        }
        #expect(
            Set(ReceiverErrors.entries.map(\.receiver)) == ["Chromium", "Firefox ESR", "aiortc", "GStreamer webrtcbin"])
    }

    /// Values in the message do not matter: another payload type, another mid, the DOM
    /// exception's name in front.
    @Test func aMessageWithOtherValuesMatchesItsPattern() throws {
        let message = """
            OperationError: Failed to execute 'setRemoteDescription' on 'RTCPeerConnection': Failed to parse \
            SessionDescription. a=rtcp-fb:96 Failed to get the value of attribute: rtcp-fb
            """
        let (matches, exact) = ReceiverErrors.matches(message)
        #expect(exact)
        let match = try #require(matches.first)
        #expect(match.receiver == "Chromium" && match.rules.map(\.code) == ["PRF133"])
        #expect(ReceiverErrors.places(in: message) == [.quotedLine("a=rtcp-fb:96")])
    }

    @Test func sipccListsWarningsFirstAndTheErrorNamesTheLine() {
        let message = """
            SIPCC Failed to parse SDP: SDP Parse Error on line 3:  Warning: No session name specified.
            SDP Parse Error on line 4:  Error parsing address hos for mcast.
            """
        #expect(
            ReceiverErrors.pattern(message)
                == "SIPCC Failed to parse SDP: SDP Parse Error on line {n}: Error parsing address hos for mcast.")
        #expect(ReceiverErrors.places(in: message) == [.line(4)])
    }

    /// Real messages beside the descriptions the receivers refused (Fixtures/receiver-errors).
    @Test(arguments: [
        (
            "receiver-errors/chromium-156-rtcp-fb-without-type",
            "receiver-errors/chromium-156-rtcp-fb-without-type.offer.sdp",
            "Chromium 156 refused",
            "points at Fixtures/receiver-errors/chromium-156-rtcp-fb-without-type.offer.sdp:27: a=rtcp-fb:111",
            "27:1: error[PRF133]"
        ),
        (
            "receiver-errors/firefox-153-rfc3264-10.1-1", "standards/rfc3264/10.1-1.offer.sdp",
            "Firefox ESR 153 refused",
            "points at Fixtures/standards/rfc3264/10.1-1.offer.sdp:4: c=IN IP4 host.anywhere.com",
            "4:3: error[PRF603]"
        ),
    ])
    func aRealMessageBesideItsDescriptionPointsAtTheLine(
        _ error: String, _ description: String, _ who: String, _ place: String, _ finding: String
    ) throws {
        let message = try Fixture(path: error + ".error.txt").text()
        let run = try Executable.run("sdplint", ["explain", "--error", message, "Fixtures/" + description])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains(who), "\(run.standardOutput)")
        #expect(run.standardOutput.contains(place), "\(run.standardOutput)")
        #expect(run.standardOutput.contains(finding), "\(run.standardOutput)")
    }

    /// `--profile chrome@156` names a measured version; the bare name is the newest, and a
    /// version not measured is a usage error that lists the measured ones.
    @Test func aProfileNamesAMeasuredVersion() throws {
        #expect(try Profile(named: "chrome@156") == .chrome)
        #expect(try Profile(named: "Firefox@153") == .firefox)
        #expect(ReceiverErrors.measurements(of: .chrome).first?.version == "156")
        #expect(throws: ReceiverErrors.NamingError.self) { try Profile(named: "chrome@150") }
        #expect(throws: ReceiverErrors.NamingError.self) { try Profile(named: "janus@1") }
        let refused = try Executable.run(
            "sdplint", ["check", "--profile", "chrome@150", "Fixtures/corpus/chromium/audio-video.offer.sdp"])
        #expect(refused.status == 2, "\(refused.status)")
        #expect(refused.standardError.contains("chrome@150 was not measured; measured: chrome@156"))
        let profiles = try Executable.run("sdplint", ["profiles", "chrome"])
        #expect(profiles.standardOutput.contains("measured as chrome@156: Chromium 156 agrees with sdplint on"))
        #expect(profiles.standardOutput.contains("PRF105 libwebrtc-ice-required"))
        #expect(ReceiverErrors.evidence(for: "PRF105", in: .chrome) > 0)
    }

    /// Firefox names a section by its level (index), Chromium by its mid: either points at the
    /// section's m= line (line 39 is the video section of this offer, mid 1).
    @Test(arguments: [
        "m-section at level 1 is missing a=rtcp-mux, which is required by rtcpMuxPolicy",
        "Failed to set remote offer sdp: Failed to apply the description for m= section with mid='1': Invalid ICE param",
    ])
    func aSectionNamedByLevelOrMidPointsAtItsMediaLine(_ message: String) throws {
        let path = "Fixtures/corpus/chromium/audio-video.offer.sdp"
        let run = try Executable.run("sdplint", ["explain", "--error", message, path])
        #expect(run.standardOutput.contains("The message points at \(path):39: m=video 9 "), "\(run.standardOutput)")
    }

    @Test func anUnknownMessageSaysSoAndFails() throws {
        let run = try Executable.run("sdplint", ["explain", "--error", "the moon is made of cheese"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("This message is not among the"), "\(run.standardOutput)")
    }
}
