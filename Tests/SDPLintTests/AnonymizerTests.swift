import Foundation
import SDPLint
import SDPLintCapture
import SDPLintDiagnostics
import SDPLintICE
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintSDP
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

@Suite struct AnonymizerTests {
    static let captures = Fixture.capturedSDP

    static let offer = """
        v=0\r
        o=alice 2890844526 2 IN IP4 203.0.113.7\r
        s=Alice's call\r
        t=0 0\r
        m=audio 50000 UDP/TLS/RTP/SAVPF 0\r
        c=IN IP4 192.168.1.20\r
        a=rtcp:50001\r
        a=ice-ufrag:abcd\r
        a=ice-pwd:Ab3dEf6hIj9kLm2nOp5qRs8t\r
        a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:\
        BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2\r
        a=candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host ufrag abcd\r
        a=candidate:1 2 udp 2122260222 192.168.1.20 50001 typ host ufrag abcd\r
        a=candidate:2 1 udp 1686052607 203.0.113.7 61000 typ srflx raddr 192.168.1.20 rport 50000\r
        a=candidate:3 1 udp 2122260221 2001:470:1f0b:1a::2 50002 typ host\r
        a=candidate:4 1 udp 2122260220 fe80::1c2b:3dff:fe4e:5f60 50003 typ host\r
        a=candidate:5 1 udp 2122260219 fd12:3456:789a::1 50004 typ host\r
        a=candidate:6 1 udp 2122260218 169.254.10.20 50005 typ host\r
        a=candidate:7 1 udp 2122260217 6c9f2a1e-4b3d-4e5f-8a7b-9c0d1e2f3a4b.local 50006 typ host\r
        a=candidate:8 1 udp 2122260216 127.0.0.1 50007 typ host\r
        a=candidate:9 1 udp 2122260215 2a00:1450:4001:81c::200e 50008 typ host\r
        a=ssrc:42424242 cname:{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}\r
        a=ssrc-group:FID 42424242 43434343\r
        a=ssrc:43434343 cname:{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}\r

        """

    func anonymized(_ text: String, seed: UInt64 = 7) throws -> String {
        String(decoding: try Anonymizer.anonymize(Array(text.utf8), seed: seed), as: UTF8.self)
    }

    @Test(arguments: captures)
    func theResultLintsTheSameLineForLine(_ fixture: Fixture) throws {
        let original = try fixture.bytes()
        let result = try Anonymizer.anonymize(original, kind: .sdp)
        func lint(_ bytes: [UInt8]) -> [String] {
            Linter.checkDescription(bytes, path: "x").diagnostics.map {
                "\($0.location.line):\($0.location.column) \($0.code)"
            }
        }
        #expect(lint(result) == lint(original))
        let before = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let after = String(decoding: result, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.map(\.utf8.count) == after.map(\.utf8.count), "every line keeps its length")
    }

    /// What a Jingle stanza says in character data and in less common attributes: a ZRTP hash
    /// (XEP-0262), a file's hash, name and description (XEP-0234), a SOCKS5 destination hash
    /// (XEP-0260), identify as much as the addresses do.
    @Test func jingleTextThatIdentifiesIsReplaced() throws {
        for (path, secrets) in [
            (
                "standards/xep-0262/ex01-initiator-sends-session-invitation-with.xml",
                ["fe30efd02423cb054e50efd0248742ac7a52c8f91bc2df881ae642c371ba46df"]
            ),
            (
                "standards/xep-0234/ex01-initiator-sends-session-initiate.xml",
                ["w0mcJylzCn+AfvuGdqkty2+KP48=", "test.txt", "This is a test"]
            ),
            // XEP-0260 §2.2: the dstaddr hash of the session id and both JIDs, and a host that
            // looks like an IPv4 address without being one.
            (
                "standards/xep-0260/ex01-initiator-sends-session-initiate.xml",
                ["972b7bf47291ca609517f67f86b5081086052dad", "123.456.7.8"]
            ),
        ] {
            let original = try Fixture(path: path).text()
            let result = try anonymized(original)
            for secret in secrets {
                #expect(original.contains(secret), "\(path) has \(secret)")
                #expect(!result.contains(secret), "\(path) keeps \(secret)")
            }
        }
    }

    /// What SIP carries on folded lines and in unusual places (RFC 3665 §3.10, RFC 4475, RFC
    /// 5763 §7.1): every continuation line of credentials, the Identity signature, a sent-by
    /// folded onto its own line, an unknown scheme's Request-URI, and SDES keys without their
    /// "inline:" method.
    @Test func sipKeepsNothingInItsFoldsAndCorners() throws {
        let body =
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 49170 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 PS1uQCVeeCFCanVmcjkpPywjNWhcYD0m\r\n"
        let message =
            "INVITE secretScheme:opaque-person-id SIP/2.0\r\nVia: SIP/2.0/UDP\r\n    198.51.100.77;branch=z9hG4bK1\r\n"
            + "To: <sip:bob@biloxi.example.com>\r\nFrom: <sip:alice@atlanta.example.com>;tag=1\r\n"
            + "Call-ID: c1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
            + "Proxy-Authorization: Digest username=\"alice\",\r\n realm=\"atlanta.example.com\",\r\n"
            + " nonce=\"cf5904ba7d8dc3a5ab2530aa931128fa\", uri=\"sip:bob@biloxi.example.com\",\r\n"
            + " response=\"7afc04be7961f053c24f80e7dbaf888f\"\r\n"
            + "Identity: CyI4+nAkHrH3ntmaxgr01TMxTmtjP7MASwliNRdupRI1vpkXRvZXx1ja9k\r\n"
            + "          HYWGCl0nB2sNsM9CG4hq+YJZTMaSROoMUBhikVIjnQ8ykeD6UXNOyfI=\r\n"
            + "Content-Type: application/sdp\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        let result = try anonymized(message)
        for secret in [
            "opaque-person-id", "198.51.100.77", "atlanta.example.com", "biloxi.example.com",
            "cf5904ba7d8dc3a5ab2530aa931128fa", "7afc04be7961f053c24f80e7dbaf888f", "HYWGCl0nB2sNsM9CG4hq",
            "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0m",
        ] {
            #expect(message.contains(secret))
            #expect(!result.contains(secret), "kept \(secret)")
        }
        #expect(result.hasPrefix("INVITE secretScheme:"), "the scheme is protocol")
        #expect(result.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 "), "the tag and suite are protocol")
    }

    /// RFC 5939 capabilities are read as what they hold, and MSRP paths (RFC 4975 §9) as URIs:
    /// what identifies is replaced, the protocol around it stays, so the output still negotiates.
    @Test func capabilitiesAndMSRPPathsKeepTheirProtocol() throws {
        let text =
            "v=0\r\no=- 1 1 IN IP4 198.51.100.4\r\ns=-\r\nc=IN IP4 alice.example.com\r\nt=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0\r\na=tcap:1 RTP/SAVPF RTP/SAVP\r\n"
            + "a=acap:1 crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4\r\n"
            + "a=acap:2 rtcp-fb:0 nack\r\na=acap:3 candidate:1 1 UDP 2113937151 203.0.113.9 5000 typ host\r\n"
            + "a=pcfg:1 t=1 a=1,[2]\r\n"
            + "m=message 7394 TCP/MSRP *\r\na=accept-types:message/cpim text/plain\r\n"
            + "a=path:msrp://alice.example.com:7394/2s93i93idj;tcp\r\n"
        let result = try anonymized(text)
        for secret in ["WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz", "203.0.113.9", "alice.example.com", "2s93i93idj"] {
            #expect(text.contains(secret))
            #expect(!result.contains(secret), "kept \(secret)")
        }
        for kept in [
            "a=tcap:1 RTP/SAVPF RTP/SAVP\r\n", "a=acap:1 crypto:1 AES_CM_128_HMAC_SHA1_80 inline:",
            "a=acap:2 rtcp-fb:0 nack\r\n", "a=pcfg:1 t=1 a=1,[2]\r\n", "a=accept-types:message/cpim text/plain\r\n",
            "a=path:msrp://", ";tcp\r\n",
        ] {
            #expect(result.contains(kept), "lost \(kept)")
        }
        // The MSRP host and port are the c= host and the m= port, replaced alike.
        let host = try #require(
            result.split(separator: "\r\n").first { $0.hasPrefix("c=") }?.split(separator: " ").last)
        let port = try #require(result.split(separator: "\r\n").last { $0.hasPrefix("m=") }?.split(separator: " ")[1])
        #expect(result.contains("a=path:msrp://\(host):\(port)/"))
    }

    /// RFC 5118 §4.10's "[2001:db8:::192.0.2.1]" (RFC 3261's grammar, a colon too many) is an
    /// address: it was kept whole, IPv4 tail included; it is replaced like any other.
    @Test func anIPv6ReferenceWithTheExtraColonIsReplaced() throws {
        let message =
            "OPTIONS sip:user@[2001:db8:::198.51.100.7] SIP/2.0\r\nTo: sip:user@[2001:db8:::198.51.100.7]\r\n"
            + "From: sip:user@example.com;tag=1\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        let result = try anonymized(message)
        #expect(!result.contains("198.51.100.7"))
        let replaced = result.split(separator: "\r\n").prefix(2).compactMap {
            $0.split(separator: "@").last?.prefix { $0 != "]" }
        }
        #expect(replaced.count == 2 && replaced[0] == replaced[1] && replaced[0].contains(":::"))
    }

    @Test func addressesKeepTheirScopeAndFamily() throws {
        let original = try SessionDescription(parsing: Self.offer)
        let result = try SessionDescription(parsing: anonymized(Self.offer))
        let before = original.media[0].candidates
        let after = result.media[0].candidates
        #expect(before.count == after.count)
        for (old, new) in zip(before, after) {
            #expect(new.address.scope == old.address.scope, "\(old.address.text) → \(new.address.text)")
            #expect(new.address.family == old.address.family)
            #expect(new.address.text.utf8.count == old.address.text.utf8.count)
            let kept = old.address.scope == .loopback || old.address.scope == .unspecified
            #expect((new.address.text == old.address.text) == kept)
        }
        #expect(["192.0.2.", "198.51.100.", "203.0.113."].contains { result.origin.address.hasPrefix($0) })
        #expect(after[0].address.text.hasPrefix("192.168."), "the first two octets say the network is private")
        #expect(after[3].address.text.hasPrefix("2001:db8:"), "a global IPv6 address becomes a documentation one")
        #expect(after[7].address.text.hasSuffix(".local"))
    }

    @Test func theSameValueGetsTheSameReplacement() throws {
        let result = try SessionDescription(parsing: anonymized(Self.offer))
        let media = result.media[0]
        let candidates = media.candidates
        #expect(result.origin.address == candidates[2].address.text, "o= and the srflx candidate share an address")
        #expect(candidates[0].address.text == media.connections.first?.address)
        #expect(candidates[2].relatedAddress?.text == candidates[0].address.text)
        #expect(candidates[2].relatedPort == candidates[0].port)
        #expect(candidates[0].ufrag == media.value(ICEUfrag.self)?.value)
        #expect(media.value(RTCPAddress.self)?.port == Int(candidates[1].port), "a=rtcp and the component 2 candidate")
        #expect(candidates[1].port == candidates[0].port + 1, "RTP and RTCP ports stay a pair")
        #expect(media.port == Int(candidates[0].port))
        let ssrcs = media.values(SSRC.self)
        #expect(media.value(SSRCGroup.self)?.ssrcs == ssrcs.map(\.id).uniqued())
        #expect(ssrcs.first?.value == ssrcs.last?.value && ssrcs.first?.value?.hasPrefix("{") == true)
    }

    /// An attribute of unknown meaning may hold anything: every word of it is replaced, and
    /// addresses in it get the same replacement as elsewhere; protocol values stay.
    @Test func attributesOfUnknownMeaningLoseEveryWord() throws {
        let text =
            Self.offer
            + "a=x-user:alice@example.com 203.0.113.7 token=abc123secret\r\na=label:BobSmithCamera\r\na=ptime:20\r\n"
        let result = try anonymized(text)
        for secret in ["alice", "abc123secret", "BobSmithCamera", "203.0.113.7"] {
            #expect(!result.contains(secret), "\(secret) is still in the output")
        }
        #expect(result.contains("a=ptime:20\r\n"))
        let description = try SessionDescription(parsing: result)
        let user = description.media[0].attributes.first { $0.name.rawValue == "x-user" }?.value ?? ""
        #expect(user.split(separator: " ").dropFirst().first.map(String.init) == description.origin.address)
    }

    /// A description whose only line end is a lone CR (one line to an RFC 8866 reader), and
    /// lines of number-only types or of unknown types that carry text: nothing in them survives.
    @Test func linesOutsideTheGrammarLoseTheirSecrets() throws {
        let secrets = ["alice", "203.0.113.7", "192.168.1.20", "Ab3dEf6hIj9kLm2nOp5qRs8t", "42424242", "0f1e2d3c"]
        let crOnly = try anonymized(Self.offer.replacingOccurrences(of: "\r\n", with: "\r"))
        for secret in secrets { #expect(!crOnly.contains(secret), "\(secret) is still in the CR-only output") }
        #expect(crOnly.utf8.count == Self.offer.utf8.count - Self.offer.split(separator: "\r\n").count)
        #expect(crOnly.hasPrefix("v=0\r"))
        let odd = try anonymized(
            Self.offer
                + "b=AS:64\r\nb=BobSmith:64\r\nt=0 0 BobSmith\r\nz=2882844526 -1h CarolJones\r\n"
                + "y=DaveBrown 198.51.100.9\r\n"
        )
        for secret in ["BobSmith", "CarolJones", "DaveBrown", "198.51.100.9"] {
            #expect(!odd.contains(secret), "\(secret) is still in the output")
        }
        #expect(odd.contains("b=AS:64\r\n") && odd.contains("t=0 0\r\n") && odd.hasPrefix("v=0\r\n"))
        // SIP header fields joined by lone CRs, the start line's among them.
        let sip = try anonymized(
            "INVITE sip:bob@biloxi.example.com SIP/2.0\rVia: SIP/2.0/UDP 198.51.100.77;branch=z9hG4bK74bf9\r"
                + "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl\rTo: Bob <sip:bob@biloxi.example.com>\r\n"
                + "Call-ID: 3848276298220188511@atlanta.example.com\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
        )
        for secret in [
            "biloxi.example.com", "198.51.100.77", "z9hG4bK74bf9", "Alice", "9fxced76sl", "Bob", "3848276298",
        ] {
            #expect(!sip.contains(secret), "\(secret) is still in the SIP output")
        }
        #expect(sip.hasPrefix("INVITE sip:") && sip.contains("\rVia: SIP/2.0/UDP "))
    }

    /// JSON members that name people or carry what people write lose it, whatever its form.
    @Test func jsonNamesAndFreeTextAreReplaced() throws {
        let json = """
            {"type":"offer","sdpMid":"0","nick":"alice","firstName":"Alice","last_name":"Smith",\
            "message":"call Bob at noon","subject":"Carol's review","title":"Dave and Erin"}
            """
        let result = try anonymized(json)
        for secret in ["alice", "Alice", "Smith", "Bob", "noon", "Carol", "Dave", "Erin"] {
            #expect(!result.contains(secret), "\(secret) is still in the output")
        }
        #expect(result.hasPrefix(#"{"type":"offer","sdpMid":"0","nick":""#))
        #expect(result.utf8.count == json.utf8.count)
    }

    /// A signaling message's member, a stanza's attribute or element of unknown meaning may
    /// hold anything; the protocol values beside them stay.
    @Test func textOfUnknownMeaningInMessagesLosesEveryWord() throws {
        let json = """
            {"type":"offer","action":"join","who":"Carol Jones","phone":15551234567,"userId":4242,\
            "extra":{"memo":"call Dave Brown"},"sdpMLineIndex":0}
            """
        let jsonResult = try anonymized(json)
        for secret in ["Carol", "Jones", "15551234567", "4242", "Dave", "Brown"] {
            #expect(!jsonResult.contains(secret), "\(secret) is still in \(jsonResult)")
        }
        #expect(jsonResult.hasPrefix(#"{"type":"offer","action":"join","who":""#))
        #expect(jsonResult.hasSuffix(#""sdpMLineIndex":0}"#))
        let stanza = """
            <iq from='romeo@example.net/a' to='juliet@example.com/b' id='x1' type='set'>\
            <jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='a73sjjvkla37jfea'>\
            <content creator='initiator' name='voice'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>\
            <payload-type id='96' name='opus' clockrate='48000' channels='2'><parameter name='minptime' value='10'/>\
            </payload-type><bandwidth type='AS'>128</bandwidth>\
            <rtcp-fb-trr-int xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' value='100'/></description>\
            <foo who='Carol Jones'>Dave Brown<!-- Erin's phone --></foo></content></jingle></iq>
            """
        let xmlResult = try anonymized(stanza)
        for secret in ["Carol", "Jones", "Dave", "Brown", "Erin"] {
            #expect(!xmlResult.contains(secret), "\(secret) is still in \(xmlResult)")
        }
        for kept in ["value='10'", ">128</bandwidth>", "value='100'", "clockrate='48000'", "<foo who='"] {
            #expect(xmlResult.contains(kept), "\(kept) is not kept in \(xmlResult)")
        }
        #expect(xmlResult.utf8.count == stanza.utf8.count)
    }

    @Test func oneReplacementAcrossKindsAndContainers() throws {
        // The address of a SIP header, of the SDP body and of a JSON envelope's SDP.
        let sip = """
            INVITE sip:bob@198.51.100.77 SIP/2.0\r
            Via: SIP/2.0/UDP 203.0.113.7:5060;branch=z9hG4bK776asdhds\r
            Call-ID: a84b4c76e66710@203.0.113.7\r
            Content-Type: application/sdp\r
            Content-Length: \(Self.offer.utf8.count)\r
            \r
            \(Self.offer)
            """
        var anonymizer = Anonymizer(seed: 3)
        let message = String(decoding: try anonymizer.anonymize(Array(sip.utf8)), as: UTF8.self)
        let viaLine = message.split(separator: "\r\n").first { $0.hasPrefix("Via:") } ?? ""
        let origin = message.split(separator: "\r\n").first { $0.hasPrefix("o=") } ?? ""
        let via = viaLine.split(separator: " ")[2].split(separator: ":")[0]
        #expect(origin.hasSuffix(" " + via), "Via and o= keep one address: \(viaLine) / \(origin)")
        #expect(message.contains("Call-ID: ") && message.contains("@\(via)"))
        let json = #"{"type":"offer","sdp":"o=- 1 2 IN IP4 203.0.113.7\r\n"}"#
        let envelope = String(decoding: try anonymizer.anonymize(Array(json.utf8)), as: UTF8.self)
        #expect(envelope.contains(" \(via)\\r\\n"), "the second input of the same anonymizer reuses it: \(envelope)")
    }

    @Test func replacementsAreSeededAndBlindToTheSecrets() throws {
        #expect(try anonymized(Self.offer, seed: 7) == anonymized(Self.offer, seed: 7))
        #expect(try anonymized(Self.offer, seed: 7) != anonymized(Self.offer, seed: 8))
        // The same shapes with other secrets: the same output.
        let other = Self.offer.replacingOccurrences(of: "abcd", with: "wxyz")
            .replacingOccurrences(of: "Ab3dEf6hIj9kLm2nOp5qRs8t", with: "Zy9xWv8uTs7rQp6oNm5lKj4i")
            .replacingOccurrences(of: "203.0.113.7", with: "203.0.113.9")
            .replacingOccurrences(of: "42424242", with: "57575757")
        #expect(try anonymized(other) == anonymized(Self.offer))
    }

    @Test func noReplacementEqualsAnOriginal() throws {
        // Ten addresses of one octet pattern and ten tokens of one shape: each replacement must
        // avoid all of them, not only its own original.
        let addresses = (1...9).map { "10.0.0.\($0)" }
        let text = addresses.map { "a=candidate:1 1 udp 1 \($0) 50000 typ host ufrag u\($0.suffix(1))x" }.joined(
            separator: "\n")
        let result = try anonymized(text)
        for address in addresses { #expect(!result.contains(address + " ")) }
        for index in 1...9 { #expect(!result.contains(" u\(index)x")) }
    }

    @Test func tokensKeepTheirCharacterClasses() throws {
        let result = try SessionDescription(parsing: anonymized(Self.offer))
        let media = result.media[0]
        let pwd = try #require(media.value(ICEPwd.self)?.value)
        #expect(pwd.count == 24 && pwd.allSatisfy { $0.isLetter || $0.isNumber } && pwd != "Ab3dEf6hIj9kLm2nOp5qRs8t")
        let fingerprint = try #require(media.value(Fingerprint.self)?.fingerprint)
        #expect(fingerprint.split(separator: ":").allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) })
        #expect(fingerprint.uppercased() == fingerprint)
        let cname = try #require(media.values(SSRC.self).first?.value)
        let uuid = cname.dropFirst().dropLast()
        #expect(uuid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(result.sessionName != "Alice's call" && result.sessionName.hasSuffix("'x call") == false)
        #expect(result.sessionName.utf8.count == 12 && result.sessionName.contains("'"))
    }

    @Test func protocolValuesAreKept() throws {
        let lines = [
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=extmap:12 https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension",
            "a=mid:6c9f2a1e-4b3d-4e5f-8a7b-9c0d1e2f3a4b", "a=group:BUNDLE 6c9f2a1e-4b3d-4e5f-8a7b-9c0d1e2f3a4b",
            "a=rtpmap:96 VP8/90000", "a=fmtp:97 apt=96", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0",
            "o=- 1 2 IN IP6 ::1", "a=rtcp:5060 IN IP4 127.0.0.1", "a=ice-options:trickle",
        ]
        let text = lines.joined(separator: "\r\n") + "\r\n"
        #expect(try anonymized(text).hasPrefix(lines.dropLast(4).joined(separator: "\r\n")))
        let result = try anonymized(text).split(separator: "\r\n").map(String.init)
        #expect(result[6] == lines[6] && result[7] == lines[7] && result[9] == lines[9] && result[10] == lines[10])
        #expect(result[8].hasSuffix("IN IP6 ::1"))
        // A protocol value keeps its words and URIs, not an address or e-mail address in it.
        let carried = try anonymized(
            Self.offer + "a=framerate:29.97\r\na=rtpmap:111 opus/48000/2 198.51.100.23\r\n"
                + "a=fmtp:111 user=bob@example.org;minptime=10\r\na=mid:carol@example.net\r\n"
        )
        for secret in ["198.51.100.23", "bob@example.org", "carol@example.net"] {
            #expect(!carried.contains(secret), "\(secret) is still in the output")
        }
        #expect(carried.contains("a=framerate:29.97\r\na=rtpmap:111 opus/48000/2 198.51.100."))
        #expect(carried.contains(";minptime=10\r\n"))
    }

    @Test func jsonEscapesKeepTheirForm() throws {
        let json = #"{"username":"Zo\u00EB \ud83d\ude00","to":"bob\/x","sdp":"v=0\r\na=ice-ufrag:EsAw\r\n"}"#
        let result = String(decoding: try Anonymizer.anonymize(Array(json.utf8)), as: UTF8.self)
        #expect(result.utf8.count == json.utf8.count)
        let value = try JSONValue(parsing: result)
        let name = try #require(value["username"]?.stringValue)
        #expect(name.unicodeScalars.count == 5 && !name.hasPrefix("Zo"))
        #expect(result.contains(#"\u00"#) && result.contains(#"\ud8"#), "escapes stay escapes: \(result)")
        #expect(result.contains(#"\/"#) && !result.contains("bob"))
        #expect(value["sdp"]?.stringValue?.contains("EsAw") == false)
    }

    @Test func descriptionsStillAnonymizeThroughTheModel() throws {
        let original = try SessionDescription(parsing: Self.offer)
        var anonymizer = Anonymizer(seed: 7)
        let result = anonymizer.anonymize(original)
        #expect(result.media[0].value(ICEUfrag.self)?.value != "abcd")
        #expect(result.serialized().utf8.count == original.serialized().utf8.count)
        #expect(result.serialized() == (try anonymized(Self.offer)))
    }

    @Test func damagedInputsAreRefusedWithAReason() throws {
        let gzip = try Fixture(path: "corpus/chromium-internals/call-closed-peer.json.gz").bytes()
        #expect {
            try Anonymizer.anonymize(Array(gzip.prefix(gzip.count / 2)))
        } throws: { error in
            (error as? AnonymizationError)?.code == .damagedGzip
        }
        let capture = try Fixture(path: "pcap/sip-udp.pcap").bytes()
        #expect {
            try Anonymizer.anonymize(Array(capture.dropLast(7)))
        } throws: { error in
            (error as? AnonymizationError)?.code == .damagedCapture
        }
        // Text in UTF-16, which is neither a capture nor lines of text.
        let utf16 = try Fixture(path: "invalid/sdp/SDP111-invalid-utf8-utf16.sdp").bytes()
        #expect {
            try Anonymizer.anonymize(utf16)
        } throws: { error in
            (error as? AnonymizationError)?.code == .binaryData
        }
        #expect(
            try Anonymizer.anonymize(Fixture(path: "invalid/sdp/SDP110-control-character-nul.sdp").bytes()).count == 132
        )
        // A capture of IEEE 802.11 frames (link type 105), whose addresses are not found.
        var wifi = Array(capture)
        wifi[20] = 105
        #expect {
            try Anonymizer.anonymize(wifi)
        } throws: { error in
            (error as? AnonymizationError)?.code == .unsupportedLinkType
        }
    }

    @Test func syntheticCaptureKeepsItsFramesChecksumsAndConsistency() throws {
        let original = SyntheticCapture.pcap()
        let result = try Anonymizer.anonymize(original)
        let before = try Self.frames(original)
        let after = try Self.frames(result)
        #expect(before.map(\.count) == after.map(\.count))
        for (index, frame) in after.enumerated() {
            let etherType = Int(frame[12]) << 8 | Int(frame[13])
            if etherType == 0x0800 {
                let ip = Array(frame[14...])
                let headerLength = Int(ip[0] & 0x0F) * 4
                #expect(
                    SyntheticCapture.checksum(Array(ip[0..<headerLength])) == 0,
                    "IPv4 header checksum of frame \(index + 1)")
                #expect(ip[2...3] == before[index][16...17], "IPv4 total length")
                let fragmented = (Int(ip[6]) << 8 | Int(ip[7])) & 0x3FFF != 0
                if !fragmented {
                    let udp = Array(ip[headerLength...])
                    let pseudo = SyntheticCapture.pseudoHeader(Array(ip[12..<16]), Array(ip[16..<20]), 17, udp.count)
                    #expect(SyntheticCapture.checksum(pseudo + udp) == 0, "UDP checksum of frame \(index + 1)")
                }
            } else if etherType == 0x86DD {
                let ip = Array(frame[14...])
                let tcp = Array(ip[40...])
                let pseudo = SyntheticCapture.pseudoHeader(Array(ip[8..<24]), Array(ip[24..<40]), 6, tcp.count)
                #expect(SyntheticCapture.checksum(pseudo + tcp) == 0, "TCP checksum of frame \(index + 1)")
            }
        }
        // The fragmented datagram's checksum covers both fragments.
        let first = Array(after[4][34...])
        let second = Array(after[5][34...])
        let pseudo = SyntheticCapture.pseudoHeader(
            Array(after[4][26..<30]), Array(after[4][30..<34]), 17, first.count + second.count)
        #expect(SyntheticCapture.checksum(pseudo + first + second) == 0, "UDP checksum of the reassembled datagram")
        // MAC addresses are replaced; the broadcast address is kept.
        let raw = result.map { String(format: "%02x", $0) }.joined()
        for mac in [SyntheticCapture.aliceMAC, SyntheticCapture.routerMAC] {
            #expect(!raw.contains(mac.map { String(format: "%02x", $0) }.joined()))
        }
        #expect(after[3].prefix(6).allSatisfy { $0 == 0xFF })
        // The header's source address and port are the Via's, in the same replacement.
        let frame = after[0]
        let source = frame[26..<30].map(String.init).joined(separator: ".")
        let port = Int(frame[34]) << 8 | Int(frame[35])
        let payload = String(decoding: frame[42...], as: UTF8.self)
        #expect(payload.contains("Via: SIP/2.0/UDP \(source):\(port);"), "\(source):\(port) in \(payload.prefix(160))")
        #expect(source.hasPrefix("192.168."))
        // RTP cannot be read piece by piece: its payload is gone.
        #expect(after[2][42...].allSatisfy { $0 == 0 })
    }

    static func frames(_ bytes: [UInt8]) throws -> [[UInt8]] {
        let reader = try PacketReader(bytes: bytes)
        var frames: [[UInt8]] = []
        while let packet = try reader.next() { frames.append(packet.data) }
        return frames
    }

    /// Damaged and truncated inputs of every kind anonymize or fail with an error, never trap.
    /// `SDPLINT_ANONYMIZE_MUTATIONS` sets the mutations per sample (12) for a longer campaign.
    @Test func neverTrapsOnDamagedInput() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let rounds = ProcessInfo.processInfo.environment["SDPLINT_ANONYMIZE_MUTATIONS"].flatMap { Int($0) } ?? 12
        let sources = try AnonymizationSample.all.filter { !$0.name.contains("chromium-internals/call-audio") }
            .enumerated().filter { rounds > 12 || $0.offset % 3 == 0 }.map { try $0.element.bytes() }
        for source in sources where !source.isEmpty {
            for _ in 0..<rounds {
                var bytes = source
                switch generator.next() % 3 {
                case 0: bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
                case 1:
                    for _ in 0..<8 {
                        bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                    }
                default:
                    bytes.insert(
                        contentsOf: [0x22, 0x5C, 0x3C, 0x3A, 0x40, 0x0A],
                        at: Int(generator.next() % UInt64(bytes.count)))
                }
                _ = try? Anonymizer.anonymize(bytes)
            }
        }
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
