import SDPLintTestSupport

extension Fixture {
    /// Every SIP message captured from SIPp, baresip and linphone.
    static let capturedSIP: [Fixture] = ["corpus/sipp", "corpus/baresip", "corpus/linphone"]
        .flatMap { files(in: $0, suffix: ".sip") }

    /// The captured messages that carry a body, which a sibling `.body.sdp` file holds.
    static let capturedSIPWithBody: [Fixture] = capturedSIP.filter { fixture in
        FileExists.at(Fixture(path: fixture.bodyPath))
    }

    /// The hand-written torture cases, each with an `.expected` file.
    static let torture: [Fixture] = files(in: "sip", suffix: ".sip")

    /// `x.body.sdp` beside `x.sip`.
    var bodyPath: String { String(path.dropLast(4)) + ".body.sdp" }

    /// `x.expected` beside `x.sip`.
    var expectedPath: String { String(path.dropLast(4)) + ".expected" }
}

enum FileExists {
    static func at(_ fixture: Fixture) -> Bool { (try? fixture.bytes()) != nil }
}
