import SDPLintSDP
import Testing

/// The one reader of fmtp parameters and the one H.264 profile-level-id decoder.
@Suite struct FMTPTests {
    @Test func readsParametersWithSpacesItemsWithoutValuesAndEmptyItems() {
        let fmtp = FMTP(format: "96", parameterText: " a = 1 ;; b ;\tC=x=y ;=z")
        #expect(
            fmtp.parameters == [
                .init(name: "a", value: "1"), .init(name: "b"), .init(name: "C", value: "x=y"),
                .init(name: "", value: "z"),
            ])
        #expect(fmtp[parameter: "c"] == "x=y")
        #expect(fmtp[parameter: "A"] == "1")
        #expect(fmtp[parameter: "b"] == nil)
        #expect(fmtp[parameter: "d"] == nil)
    }

    @Test(arguments: [
        ("42e01f", "Constrained Baseline", "3.1"), ("42001f", "Baseline", "3.1"),
        ("4d8028", "Constrained Baseline", "4"), ("4d001f", "Main", "3.1"), ("58c01e", "Constrained Baseline", "3"),
        ("58801e", "Baseline", "3"), ("58001e", "Extended", "3"), ("640c1f", "Constrained High", "3.1"),
        ("64001f", "High", "3.1"), ("f4001f", "High 4:4:4 Predictive", "3.1"), ("f4101f", "High 4:4:4 Intra", "3.1"),
        ("2c101f", "CAVLC 4:4:4 Intra", "3.1"), ("42f00b", "Constrained Baseline", "1b"), ("640009", "High", "1b"),
        ("42000a", "Baseline", "1"),
    ])
    func decodesProfileLevelIDs(text: String, profile: String, level: String) throws {
        let value = try #require(H264ProfileLevelID(text))
        #expect(value.profile.name == profile)
        #expect(value.levelName == level)
        #expect(value.description == text)
    }

    /// Where the two decoders this one replaces disagreed, RFC 6184 decides.
    @Test func followsRFC6184WhereTheOldDecodersDisagreed() throws {
        // High 10 is in Table 5; OfferAnswer's decoder did not know it.
        #expect(H264ProfileLevelID("6e001f")?.profile == .high10)
        // Progressive High (H.264 A.2.4.1) is not High; OfferAnswer's decoder called it High.
        #expect(H264ProfileLevelID("64081f")?.profile == .progressiveHigh)
        // Table 5 wants constraint_set4/5 and the reserved bits clear in Baseline, Main and
        // Extended; both decoders ignored them.
        #expect(H264ProfileLevelID("420c1f")?.profile == .unlisted(profileIDC: 0x42, profileIOP: 0x0C))
        // Main is 0x0x0000: constraint_set2 must be clear; both decoders called this Main.
        #expect(H264ProfileLevelID("4d201f")?.profile == .unlisted(profileIDC: 0x4D, profileIOP: 0x20))
        // Six hex digits, nothing else; Explain's decoder read "+0001f" as a number.
        #expect(H264ProfileLevelID("+0001f") == nil)
        // Levels are named as H.264 Table A-1 names them: "3", not OfferAnswer's "3.0".
        #expect(H264ProfileLevelID("42e01e")?.levelName == "3")
    }

    @Test(arguments: ["", "42e01", "42e01fff", "zz001f", "42e0 f", "0x42e0"])
    func rejectsMalformedProfileLevelIDs(text: String) {
        #expect(H264ProfileLevelID(text) == nil)
    }

    @Test func readsTheProfileLevelIDOfAnFMTPLine() {
        #expect(
            FMTP(format: "102", parameterText: "profile-level-id=42e01f").h264ProfileLevelID?.summary
                == "H.264 Constrained Baseline, level 3.1")
        #expect(FMTP(format: "102", parameterText: "packetization-mode=1").h264ProfileLevelID == .default)
        #expect(FMTP(format: "102", parameterText: "profile-level-id=42e0").h264ProfileLevelID == nil)
    }
}
