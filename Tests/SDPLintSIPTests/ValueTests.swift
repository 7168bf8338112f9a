import SDPLintDiagnostics
import SDPLintSIP
import Testing

@Suite struct URITests {
    @Test(arguments: [
        "sip:alice@example.com",
        "sips:alice:secret@example.com:5061;transport=tcp;lr?subject=hi&priority=urgent",
        "sip:[2001:db8::1]:5060;maddr=239.255.255.1;ttl=15",
        "sip:+1-212-555-1212:1234@gateway.com;user=phone",
        "sip:%61lice@atlanta.com;method=REGISTER",
        "tel:+358-555-1234567;postd=pp22",
        "urn:service:sos",
    ])
    func writesEveryValidURIBackUnchanged(_ text: String) throws {
        let uri = try SIPURI(parsing: text)
        #expect(uri.description == text)
        #expect(uri.canonicalized().description == text, "the canonical form of a tidy URI is the URI itself")
    }

    @Test func readsTheParts() throws {
        let uri = try SIPURI(parsing: "sips:alice:secret@example.com:5061;transport=tcp;lr?subject=hi")
        #expect(uri.scheme == .sips && uri.isSecure)
        #expect(uri.user == "alice" && uri.password == "secret")
        #expect(uri.host == "example.com" && uri.port == 5061)
        #expect(uri.transport == "tcp" && uri.isLooseRouter)
        #expect(uri.headers == [SIPParameter("subject", "hi")])
        #expect(try SIPURI(parsing: "SIP:bob@EXAMPLE.com").scheme == .sip)
    }

    @Test(arguments: [
        ("sip:alice@exa mple.com", "SIP112"),
        ("sip:alice@example.com:99999", "SIP112"),
        ("sip:100%@example.com", "SIP118"),
        ("sip:[2001:db8::1:5060", "SIP112"),
        ("sip:@example.com", "SIP112"),
        ("sip:alice@300.1.1.1", "SIP112"),
        ("alice@example.com", "SIP112"),
        ("sip:", "SIP112"),
    ])
    func rejectsMalformedURIs(_ text: String, _ code: String) {
        #expect {
            _ = try SIPURI(parsing: text)
        } throws: { error in
            (error as? ParseError<SIPURI?>)?.firstError?.code.rawValue == code
        }
    }

    /// RFC 5118 §4.2: an IPv6 address without brackets is one mistake, reported once, not as a
    /// host, a port and a stray character.
    @Test func anUnbracketedIPv6AddressIsOneFinding() {
        #expect {
            _ = try SIPURI(parsing: "sip:user@2001:db8::10;transport=udp")
        } throws: { error in
            let findings = (error as? ParseError<SIPURI?>)?.diagnostics ?? []
            return findings.count == 1 && findings[0].message.contains("must be in brackets")
                && findings[0].location.column == 10
        }
    }

    /// RFC 5118 §4.10: RFC 3261's grammar allowed "[2001:db8:::192.0.2.1]"; receivers accept it, so
    /// it is a warning (RFC 5954 §4.1 removed the form), and the address is read.
    @Test func theExtraColonOfRFC3261sGrammarIsAWarning() throws {
        let text =
            "OPTIONS sip:user@[2001:db8:::192.0.2.1] SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
            + "To: <sip:user@[2001:db8:::192.0.2.1]>\r\nFrom: <sip:u@example.com>;tag=1\r\nCall-ID: c\r\n"
            + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
        let result = SIPMessage.parse(text)
        #expect(result.diagnostics.map(\.code.rawValue) == ["SIP124", "SIP124"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(SIPURI.parse("sip:user@[2001:db8:::192.0.2.1]").value?.host == "[2001:db8:::192.0.2.1]")
    }

    @Test func editingAFieldWritesTheCanonicalForm() throws {
        var uri = try SIPURI(parsing: "sip:alice@example.com;transport=UDP")
        uri.port = 5070
        #expect(uri.description == "sip:alice@example.com:5070;transport=UDP")
        #expect(SIPURI(host: "192.0.2.1", port: 5060).description == "sip:192.0.2.1:5060")
    }

    @Test func everyByteInTheUserPartIsEitherAllowedOrReported() {
        let allowed = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,;?/".utf8))
        for byte in UInt8.min...UInt8.max
        where byte != UInt8(ascii: "@") && byte != UInt8(ascii: ":") && byte != UInt8(ascii: "%") {
            let text = String(decoding: Array("sip:a".utf8) + [byte] + Array("b@example.com".utf8), as: UTF8.self)
            let parsed = (try? SIPURI(parsing: text)) != nil
            #expect(parsed == allowed.contains(byte), "byte \(byte)")
        }
    }
}

@Suite struct HeaderValueTests {
    @Test func readsNameAddrAndAddrSpec() throws {
        let quoted = try NameAddress(parsing: "\"Bob \\\"B\\\" Smith\" <sip:bob@example.com;transport=tcp>;tag=a6c85cf")
        #expect(quoted.displayName == "Bob \"B\" Smith")
        #expect(quoted.uri.parameters["transport"] == "tcp")
        #expect(quoted.tag == "a6c85cf")
        let tokens = try NameAddress(parsing: "Bob   Smith <sip:bob@example.com>")
        #expect(tokens.displayName == "Bob Smith")
        let bare = try NameAddress(parsing: "sip:bob@example.com;tag=1;expires=60")
        #expect(bare.uri.parameters.isEmpty, "without brackets the parameters are the header's")
        #expect(bare.tag == "1" && bare.parameters["expires"] == "60")
        #expect(!bare.usesAngleBrackets)
    }

    @Test func writesEditedAddressesCanonically() throws {
        var address = try NameAddress(parsing: "sip:bob@example.com")
        address.displayName = "Bob, the builder"
        address.tag = "xyz"
        #expect(address.description == "\"Bob, the builder\" <sip:bob@example.com>;tag=xyz")
    }

    @Test func readsVia() throws {
        let via = try Via(
            parsing:
                """
                SIP/2.0/TCP \
                client.example.com:5060;branch=z9hG4bK74b43;received=192.0.2.4;rport=5070;maddr=239.1.1.1;ttl=16
                """
        )
        #expect(via.transport == .tcp && via.transport.isStream)
        #expect(via.host == "client.example.com" && via.port == 5060)
        #expect(via.hasMagicCookie)
        #expect(via.received == "192.0.2.4")
        #expect(via.rport == .port(5070))
        #expect(via.maddr == "239.1.1.1" && via.ttl == 16)
        #expect(try Via(parsing: "SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKasudf;rport").rport == .requested)
        #expect(
            Via(host: "192.0.2.1", port: 5060, branch: "z9hG4bKx").description
                == "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKx")
    }

    @Test(arguments: [
        "SIP/2.0/UDP", "SIP/2.0/UDP host;ttl=300", "SIP/2.0/UDP host:70000", "SIP/2.0/UDP host;rport=x",
        "SIP/2.0/UDP ho st",
    ])
    func rejectsMalformedVias(_ text: String) {
        #expect(throws: ParseError<Via?>.self) { _ = try Via(parsing: text) }
    }

    @Test func readsCSeqAndMediaTypes() throws {
        #expect(try CSeq(parsing: "4711   INVITE") == CSeq(4711, .invite))
        #expect(throws: ParseError<CSeq?>.self) { _ = try CSeq(parsing: "INVITE 1") }
        #expect(throws: ParseError<CSeq?>.self) { _ = try CSeq(parsing: "-1 INVITE") }
        let type = try MediaType(parsing: "multipart/mixed ; boundary=\"simple boundary\";charset=utf-8")
        #expect(type.isMultipart && type.boundary == "simple boundary" && type.charset == "utf-8")
        #expect(try MediaType(parsing: "Application/SDP").matches(.sdp))
        #expect(throws: ParseError<MediaType?>.self) { _ = try MediaType(parsing: "application") }
    }

    @Test func headerNamesCompareIgnoringCaseAndCompactForms() {
        #expect(SIPHeaderName("i") == .callID)
        #expect(SIPHeaderName("CALL-id") == .callID)
        #expect(SIPHeaderName("i").isCompact && !SIPHeaderName("Call-ID").isCompact)
        #expect(SIPHeaderName("call-id").canonicalName == "Call-ID")
        #expect(SIPHeaderName.callID.compactForm == "i")
        #expect(SIPHeaderName("X-Foo").canonicalName == "X-Foo")
        #expect(SIPHeaderName("q") != SIPHeaderName("Q-Unknown"))
        for (letter, name) in [
            ("v", "Via"), ("f", "From"), ("t", "To"), ("m", "Contact"), ("l", "Content-Length"),
            ("c", "Content-Type"), ("e", "Content-Encoding"), ("k", "Supported"), ("s", "Subject"),
            ("o", "Event"), ("u", "Allow-Events"), ("r", "Refer-To"), ("b", "Referred-By"),
            ("x", "Session-Expires"), ("y", "Identity"),
        ] {
            #expect(SIPHeaderName(letter) == SIPHeaderName(name), "\(letter)")
            #expect(SIPHeaderName(letter.uppercased()) == SIPHeaderName(name), "\(letter.uppercased())")
        }
    }

    @Test func splitsListsOnlyAtTopLevelCommas() {
        var headers = SIPHeaderFields()
        headers.append(
            .contact, "\"Doe, John\" <sip:j@example.com;x=\"a,b\">, <sip:k@example.com>;q=0.5 , sip:l@example.com")
        headers.append(.contact, "<sip:m@example.com?h=1,2>")
        headers.append(.route, "<sip:p1;lr>,<sip:p2;lr>")
        headers.append(.subject, "one, two")
        #expect(
            headers.values(for: .contact) == [
                "\"Doe, John\" <sip:j@example.com;x=\"a,b\">", "<sip:k@example.com>;q=0.5", "sip:l@example.com",
                "<sip:m@example.com?h=1,2>",
            ])
        #expect(headers.values(for: .route).count == 2)
        #expect(headers.values(for: .subject) == ["one, two"])
    }

    @Test func settingAHeaderKeepsOneFieldInPlace() {
        var headers: SIPHeaderFields = [
            SIPHeaderField(name: "Via", value: "a"), SIPHeaderField(name: "x", value: "1"),
            SIPHeaderField(name: "X", value: "2"),
        ]
        headers["X"] = "3"
        #expect(headers.map(\.description) == ["Via: a", "x: 3"])
        headers["X"] = nil
        #expect(headers.count == 1)
    }
}

@Suite struct RuleCatalogTests {
    @Test func codesAreUniqueAndGroupedBySeries() {
        let codes = SIPRules.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("SIP1") || $0.hasPrefix("SIP2") || $0.hasPrefix("SIP3") })
        #expect(
            SIPRules.all.allSatisfy {
                $0.reference.document.hasPrefix("RFC") && !$0.summary.isEmpty && !$0.explanation.isEmpty
            })
        #expect(Set(SIPRules.all.map(\.name)).count == codes.count)
    }
}
