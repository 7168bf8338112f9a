import SDPLintDiagnostics
import SDPLintSDP
import SDPLintSIP
import SDPLintTestSupport
import Testing

/// The findings an `.expected` file lists, as `line:column CODE`.
private func expectedFindings(_ fixture: Fixture) throws -> [String] {
    try Fixture(path: fixture.expectedPath).text()
        .split(separator: "\n")
        .map(String.init)
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
}

private func parse(_ name: String) throws -> ParseResult<SIPMessage> {
    SIPMessage.parse(bytes: try Fixture(path: "sip/\(name).sip").bytes())
}

@Suite struct TortureTests {
    @Test func everyCaseHasAnExpectedFile() throws {
        #expect(Fixture.torture.count >= 35)
        for fixture in Fixture.torture {
            #expect(throws: Never.self, "\(fixture) has no .expected") { _ = try expectedFindings(fixture) }
        }
    }

    @Test(arguments: Fixture.torture)
    func reportsExactlyTheExpectedFindings(_ fixture: Fixture) throws {
        let result = SIPMessage.parse(bytes: try fixture.bytes())
        let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
        let expected = try expectedFindings(fixture)
        #expect(found.sorted() == expected.sorted(), "\(result.diagnostics)")
    }

    @Test(arguments: Fixture.torture)
    func writesEveryCaseBackToItsExactBytes(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        #expect(SIPMessage.parse(bytes: input).value.serialized() == input)
    }

    @Test(arguments: Fixture.torture)
    func everyFindingHasALocationAndAReference(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        for diagnostic in SIPMessage.parse(bytes: input).diagnostics {
            #expect(diagnostic.location.line >= 1)
            #expect(diagnostic.location.column >= 1)
            #expect(diagnostic.location.bytes.upperBound <= input.count)
            #expect(diagnostic.reference.document.hasPrefix("RFC"))
        }
    }

    // MARK: Typed values of the tolerated cases

    @Test func readsEscapesInTheUserPartAndDisplayName() throws {
        let message = try parse("escaped-uri").value
        let uri = try #require(message.requestLine?.uri)
        #expect(uri.user == "alice%20smith;ext=1")
        #expect(uri.decodedUser == "alice smith;ext=1")
        #expect(uri.host == "example.com")
        #expect(uri.transport == "tcp")
        let to = try #require(message.to)
        #expect(to.displayName == "Alice \"Ali\" Smith")
        #expect(to.uri.headers == [SIPParameter("subject", "call%21")])
        #expect(message.from?.uri.decodedUser == "anna")
    }

    @Test func unfoldsContinuationLines() throws {
        let message = try parse("folded-headers").value
        #expect(message.headers[.subject] == "a subject that goes on over three lines")
        #expect(message.vias.map(\.host) == ["host1.example.org", "host2.example.org"])
        #expect(message.vias.map(\.branch) == ["z9hG4bKfold1", "z9hG4bKfold2"])
    }

    @Test func readsCompactFormsAsTheirFullNames() throws {
        let message = try parse("compact-headers").value
        #expect(message.callID == "compact-1@192.0.2.4")
        #expect(message.headers[.callID] == message.headers[SIPHeaderName("i")])
        #expect(message.contentLength == 115)
        #expect(message.contentType?.matches(.sdp) == true)
        #expect(message.supported == ["100rel", "timer"])
        #expect(message.contacts.first?.uri.host == "192.0.2.4")
        #expect(message.sessionDescription?.hasErrors == false)
        let names = message.headers.map(\.name)
        #expect(names.contains { $0.spelling == "i" && $0.isCompact && $0.canonicalName == "Call-ID" })
    }

    @Test func toleratesWhiteSpaceAroundSeparators() throws {
        let message = try parse("whitespace-around-colons").value
        let via = try #require(message.topVia)
        #expect(via.protocolName == "SIP")
        #expect(via.transport == .udp)
        #expect(via.host == "client.example.com")
        #expect(via.port == 5070)
        #expect(via.branch == "z9hG4bKws")
        #expect(via.rport == .requested)
        #expect(message.maxForwards == 70)
        #expect(message.cseq == CSeq(2, .register))
        #expect(message.fromTag == "ws-1")
        #expect(message.contacts.first?.displayName == "Dave")
        #expect(message.contacts.first?.parameters["expires"] == "3600")
        #expect(message.callID == "ws@client.example.com")
    }

    @Test func keepsUnknownMethodsAndHeaders() throws {
        let unknown = try parse("unknown-method").value
        #expect(unknown.requestLine?.method == SIPMethod("NEWMETHOD"))
        #expect(unknown.requestLine?.method.isRegistered == false)
        #expect(unknown.body == Array("hello\r\n".utf8))
        let headers = try parse("unknown-headers").value
        #expect(headers.headers[SIPHeaderName("x-custom-header")] == "anything, even; commas \"and quotes\"")
        #expect(headers.headers.values(for: "X-Custom-Header").count == 1)
        #expect(headers.cseq == CSeq(1, .message))
        #expect(headers.headers.first?.name.spelling == "VIA")
        #expect(headers.contentType?.charset == "UTF-8")
    }

    @Test func readsMultipartBodies() throws {
        let message = try parse("multipart-body").value
        let multipart = try #require(message.multipartBody)
        #expect(multipart.boundary == "boundary42")
        #expect(multipart.parts.count == 2)
        #expect(multipart.parts[0].contentType?.matches(.sdp) == true)
        #expect(multipart.parts[1].headers[.contentDisposition] == "recipient-list")
        #expect(String(decoding: multipart.preamble, as: UTF8.self) == "this preamble is ignored\r\n")
        #expect(String(decoding: multipart.epilogue, as: UTF8.self) == "\r\nand an epilogue\r\n")
        #expect(multipart.isClosed)
        #expect(multipart.serialized() == message.body)
        let sdp = try #require(message.sessionDescription)
        #expect(sdp.value.origin.sessionID == "4343")
    }

    @Test func readsIPv6References() throws {
        let message = try parse("ipv6-via").value
        let via = try #require(message.topVia)
        #expect(via.host == "[2001:db8::9:1]")
        #expect(via.port == 5060)
        #expect(via.received == "2001:db8::9:255")
        #expect(via.rport == .port(5061))
        #expect(message.requestLine?.uri.hostWithoutBrackets == "2001:db8::10")
        #expect(message.requestLine?.uri.port == 5060)
    }

    @Test func readsTelAndSIPSURIs() throws {
        let message = try parse("tel-uri").value
        let uri = try #require(message.requestLine?.uri)
        #expect(uri.scheme == .tel)
        #expect(uri.user == "+1-201-555-0123")
        #expect(uri.parameters["phone-context"] == "example.com")
        #expect(message.from?.uri.isSecure == true)
        #expect(message.topVia?.transport == .tls)
        #expect(message.maxForwards == 69)
    }

    @Test func readsEmptyAndUTF8ReasonPhrases() throws {
        #expect(try parse("empty-reason").value.statusLine?.reasonPhrase == "")
        let utf8 = try parse("utf8-reason").value
        #expect(utf8.statusLine?.reasonPhrase == "Occupé ☎ là")
        #expect(utf8.to?.displayName == "Jürgen")
        #expect(utf8.method == .invite)
    }

    @Test func exposesTrickleICEFragments() throws {
        let message = try parse("info-trickle-ice").value
        let fragment = try #require(message.trickleICEFragment)
        #expect(fragment.infoPackage == "trickle-ice")
        #expect(fragment.contentType.matches(.trickleICESDPFragment))
        #expect(fragment.bytes == message.body)
        #expect(message.sessionDescription == nil)
    }

    @Test func readsTheWildcardContact() throws {
        let message = try parse("register-wildcard").value
        #expect(message.hasWildcardContact)
        #expect(message.contacts.isEmpty)
        #expect(message.expires == 0)
    }

    @Test func doesNotSplitAuthenticationOrDateHeaders() throws {
        let message = try parse("authenticate-commas").value
        #expect(message.headers.values(for: .wwwAuthenticate).count == 1)
        #expect(message.headers.values(for: .date) == ["Sat, 13 Nov 2010 23:29:00 GMT"])
        #expect(message.allow == [.invite, .ack, .options, .cancel, .bye])
    }

    @Test func keepsBytesPastContentLengthOutOfTheBody() throws {
        let message = try parse("content-length-too-small").value
        #expect(message.body == Array("only".utf8))
    }
}
