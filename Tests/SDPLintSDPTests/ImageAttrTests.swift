import SDPLintDiagnostics
import SDPLintSDP
import Testing

/// `a=imageattr` (RFC 6236): its grammar, its typed view, and how it is checked in a section.
@Suite struct ImageAttrTests {
    /// Every imageattr value RFC 6236 §3.1.1.2 and §4 print, and those of RFC 8853 §5.6.1 and
    /// RFC 8829 §7.2: all valid, and written back unchanged.
    @Test(arguments: [
        "97 send [x=800,y=640,sar=1.1,q=0.6] [x=480,y=320] recv [x=330,y=250]",
        "97 recv [x=800,y=640,sar=1.1] send [x=330,y=250]",
        "97 recv [x=800,y=640,sar=1.1] send [x=[320:16:640],y=[240:16:480],par=[1.2-1.3]]",
        "97 send [x=[480:16:800],y=[320:16:640],par=[1.2-1.3],q=0.6] [x=[176:8:208],y=[144:8:176],par=[1.2-1.3]] recv *",
        "97 send * recv *",
        "99 send [x=176,y=144] [x=224,y=176] [x=272,y=224] [x=320,y=240] recv [x=176,y=144] [x=224,y=176]",
        "* send [x=[128:16:256],y=[96:16:192],sar=[0.9-1.1]] recv [x=[128,256],y=[96,192],sar=[1.0,1.0667]]",
        "97 send [x=1280,y=720] recv [x=1280,y=720]",
        "100 recv [x=[48:1920],y=[48:1080],q=1.0]",
        "97 recv [x=640,y=480,foo=[1,2],bar=x]",
    ])
    func acceptsTheStandardsExamples(value: String) throws {
        let imageattr = try ImageAttr(parsing: value)
        #expect(imageattr.valueText == value)
        #expect(Attribute(name: .imageattr, value: value).as(ImageAttr.self) == imageattr)
    }

    @Test func readsSetsRangesAndOrder() throws {
        let imageattr = try ImageAttr(
            parsing: "97 recv [x=[320:16:640],y=[240,480],par=[1.2-1.3]] send *")
        #expect(imageattr.payloadType == 97)
        #expect(imageattr.receiveFirst)
        #expect(imageattr.send == .any)
        #expect(
            imageattr.receive
                == .sets([
                    ImageAttr.ImageSet(
                        x: .range(min: 320, step: 16, max: 640), y: .values([240, 480]),
                        parameters: [FMTP.Parameter(name: "par", value: "[1.2-1.3]")])
                ]))
        #expect(try ImageAttr(parsing: "* recv [x=640,y=480]").payloadType == nil)
    }

    /// Each break of the grammar is an SDP238 error at the byte that breaks it; each of these was
    /// refused by Firefox ESR 153 in an offer (Conformance/).
    @Test(arguments: [
        ("97 send [x=0,y=480] recv *", "size 0", 12),
        ("97 send [x=640] recv *", "',' before y=", 15),
        ("97 sideways [x=640,y=480]", "not send or recv", 4),
        ("97", "no send or recv", 3),
        ("97 send [x=640,y=480", "']' to close the set", 21),
        ("97 send * send *", "send twice", 11),
        ("97 send [x=640,y=480,q=1.5]", "q '1.5'", 24),
        ("97 send [x=[800:480],y=480]", "upper size 480", 12),
        ("97 send [x=640, y=480]", "expected y=", 16),
        ("abc send *", "not a number or '*'", 1),
        ("97 send [x=640,y=480,sar=[0.5-0.3]]", "second ratio", 26),
        ("97 send [x=1234567,y=480]", "size 1234567", 12),
        ("97 send [x=640,y=480,q=0.5,q=0.6]", "q= once", 28),
        ("97 send [x=640,y=480,sar=[1.1,1.0]]", "greater than the one before", 31),
        ("97 send [x=640,y=480]x", "a space or the end", 22),
        ("97 send", "no sets", 8),
    ])
    func reportsEachBreakOfTheGrammar(value: String, message: String, column: Int) {
        let findings = Self.findings(value)
        let finding = findings.first
        #expect(findings.count == 1)
        #expect(ImageAttr.parse(value: value) == nil)
        #expect(finding?.code == "SDP238")
        #expect(finding?.message.contains(message) == true, "\(finding?.message ?? "")")
        #expect(finding?.location.column == column)
    }

    /// The findings of reading `value`, none when it reads.
    static func findings(_ value: String) -> [Diagnostic] {
        do {
            _ = try ImageAttr(parsing: value)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A q= value shorter than "d.d" is one finding, not a trap (q=1 stopped `sdplint` with a
    /// range whose bounds were reversed).
    @Test(arguments: ["1", "0", ".", "1.", "", "11"])
    func reportsAShortPreferenceValue(q: String) {
        let value = "97 send [x=640,y=480,q=\(q)] recv *"
        let findings = Self.findings(value)
        #expect(ImageAttr.parse(value: value) == nil)
        #expect(findings.map(\.code) == ["SDP238"])
        #expect(findings.first?.message.contains("q '\(q)'") == true, "\(findings.first?.message ?? "")")
    }

    /// An answer writes the offer's payload type in the imageattr of what it sends, which its
    /// own m= line may not list (RFC 6236 §3.2.2 makes that the only allowed way), so the payload
    /// type is not checked against the m= line.
    @Test func checksTheLineInASectionButNotItsPayloadType() {
        let result = SessionDescription.parse(
            """
            v=0\r
            o=- 1 1 IN IP4 192.0.2.1\r
            s=-\r
            t=0 0\r
            m=video 9 RTP/AVP 97\r
            c=IN IP4 192.0.2.1\r
            a=rtpmap:97 H264/90000\r
            a=imageattr:97 send [x=800,y=640] recv *\r
            a=imageattr:98 send * recv *\r
            a=imageattr:97 send [x=0,y=640]\r

            """)
        let findings = result.diagnostics.map { "\($0.location.line) \($0.code)" }
        #expect(findings == ["10 SDP238"])
        #expect(result.value.media.first?.attributes[1].as(ImageAttr.self)?.payloadType == 97)
    }
}
