import SDPLintDiagnostics
import SDPLintICE
import Testing

@Suite struct CredentialsTests {
    @Test(arguments: ["8hhY", "dly3", "a+/Z", String(repeating: "u", count: 32)])
    func acceptsUfragsOfFourToThirtyTwoICEChars(_ ufrag: String) {
        #expect(ICECredentials.validateUfrag(ufrag).isEmpty)
    }

    @Test func acceptsButWarnsAboutUfragsLongerThanThirtyTwo() {
        let diagnostics = ICECredentials.validateUfrag(String(repeating: "u", count: 256))
        #expect(diagnostics.map(\.code.rawValue) == ["ICE207"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(ICECredentials.validateUfrag(String(repeating: "u", count: 257)).map(\.code.rawValue) == ["ICE120"])
    }

    @Test(arguments: ["asd88fgpdd777uzjYhagZg", String(repeating: "p", count: 256)])
    func acceptsPasswordsOfTwentyTwoToTwoHundredFiftySixICEChars(_ password: String) {
        #expect(ICECredentials.validatePwd(password).isEmpty)
    }

    @Test(arguments: [
        String(repeating: "p", count: 21), String(repeating: "p", count: 257), "asd88fgpdd777uzjYhagZ=", "",
    ])
    func rejectsMalformedPasswords(_ password: String) {
        #expect(ICECredentials.validatePwd(password).map(\.code.rawValue) == ["ICE121"])
    }

    @Test func passwordMessagesDoNotRepeatThePassword() {
        let secret = "s3cretPassw0rd"
        let diagnostics = ICECredentials.validatePwd(secret)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.allSatisfy { !$0.message.contains(secret) })
    }

    @Test func validatesBothValuesOfAPair() {
        let credentials = ICECredentials(ufrag: "ab", password: "short")
        #expect(credentials.validate().map(\.code.rawValue) == ["ICE120", "ICE121"])
        #expect(ICECredentials(ufrag: "8hhY", password: "asd88fgpdd777uzjYhagZg").validate().isEmpty)
    }

    @Test func ufragByteSweepAcceptsExactlyTheICEChars() {
        for scalar in (0x20 as UInt32)...0x7E {
            guard let unicode = Unicode.Scalar(scalar) else { continue }
            let ufrag = "abc" + String(Character(unicode))
            let isICEChar =
                ("a"..."z").contains(unicode) || ("A"..."Z").contains(unicode)
                || ("0"..."9").contains(unicode) || unicode == "+" || unicode == "/"
            #expect(ICECredentials.validateUfrag(ufrag).isEmpty == isICEChar, "\(ufrag)")
        }
    }
}

@Suite struct ICEOptionTests {
    @Test func readsTagsInOrderAndKeepsUnknownOnes() {
        let parsedOptions = ICEOption.parseList("trickle ice2 renomination rtp+ecn")
        let (options, diagnostics) = (parsedOptions.value, parsedOptions.diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(options == [.trickle, .ice2, .renomination, "rtp+ecn"])
        var text = ""
        ICEOption.write(options, to: &text)
        #expect(text == "trickle ice2 renomination rtp+ecn")
    }

    @Test func tagsCompareExactly() {
        #expect(ICEOption("Trickle") != .trickle)
    }

    @Test func keepsMalformedTagsAsWrittenAndReportsThem() {
        let parsedOptions = ICEOption.parseList("trickle,ice2 x")
        let (options, diagnostics) = (parsedOptions.value, parsedOptions.diagnostics)
        #expect(options.map(\.tag) == ["trickle,ice2", "x"])
        #expect(diagnostics.map(\.code.rawValue) == ["ICE122"])
        #expect(diagnostics.first?.message.contains("single spaces") == true)
    }

    @Test func reportsATrailingSpaceAsAnEmptyTag() {
        let parsedOptions = ICEOption.parseList("trickle ")
        let (options, diagnostics) = (parsedOptions.value, parsedOptions.diagnostics)
        #expect(options == [.trickle])
        #expect(diagnostics.map(\.location.column) == [9])
    }
}
