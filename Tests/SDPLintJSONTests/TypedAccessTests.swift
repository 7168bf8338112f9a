import SDPLintDiagnostics
import SDPLintJSON
import Testing

/// Reading message fields with findings that say where.
@Suite struct TypedAccessTests {
    static let candidateText = """
        {
          "candidate": {
            "candidate": "candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host",
            "sdpMid": 0,
            "sdpMLineIndex": 1.5,
            "port": 70000,
            "urls": ["stun:a", 3],
            "usernameFragment": null
          }
        }
        """

    @Test func readsFieldsOfTheRightType() throws {
        let candidate = try #require(try JSONDocument(parsing: Self.candidateText).root["candidate"])
        #expect(try candidate.required("candidate", as: String.self).hasPrefix("candidate:1"))
        #expect(try candidate.optional("usernameFragment", as: String.self) == nil)
        #expect(try candidate.optional("absent", as: String.self) == nil)
        #expect(try candidate.required("port", as: Int.self) == 70_000)
        #expect(try candidate.required("sdpMLineIndex", as: Double.self) == 1.5)
        #expect(try candidate.required("urls", as: [JSONValue].self).count == 2)
        let object = try #require(try JSONValue(parsing: Self.candidateText)["candidate"]?.objectValue)
        #expect(try object.required("sdpMid", as: Int.self) == 0)
    }

    @Test func reportsATypeMismatchWithPathAndLocation() throws {
        let candidate = try #require(try JSONDocument(parsing: Self.candidateText).root["candidate"])
        let error = try #require(throws: JSONAccessError.self) { try candidate.required("sdpMid", as: String.self) }
        #expect(error.code.rawValue == "JSON210")
        #expect(error.message == "expected string at $.candidate.sdpMid, found number")
        #expect(error.location.description == "4:15")
        #expect(error.description == "4:15: error[JSON210]: expected string at $.candidate.sdpMid, found number")
        #expect(error.path == ["candidate", "sdpMid"])
    }

    @Test func reportsAMissingMemberAtItsObject() throws {
        let candidate = try #require(try JSONDocument(parsing: Self.candidateText).root["candidate"])
        let error = try #require(throws: JSONAccessError.self) { try candidate.required("sdp", as: String.self) }
        #expect(error.code.rawValue == "JSON211")
        #expect(error.location.description == "2:16")
        #expect(error.message.contains("$.candidate"))
        #expect(error.message.contains("\"sdp\""))
    }

    @Test func reportsNumbersThatDoNotFit() throws {
        let candidate = try #require(try JSONDocument(parsing: Self.candidateText).root["candidate"])
        let fraction = try #require(throws: JSONAccessError.self) {
            try candidate.required("sdpMLineIndex", as: Int.self)
        }
        #expect(fraction.code.rawValue == "JSON212")
        #expect(fraction.location.description == "5:22")
        #expect(fraction.message.contains("$.candidate.sdpMLineIndex"))
        let range = try #require(throws: JSONAccessError.self) { try candidate.required("port", as: UInt16.self) }
        #expect(range.code.rawValue == "JSON212")
        #expect(range.message == "expected an integer from 0 to 65535 at $.candidate.port, found 70000")
        let huge = try #require(throws: JSONAccessError.self) {
            try JSONNode(JSONValue.array([.number(JSONNumber("1e400")!)])).decode(as: [Double].self)
        }
        #expect(huge.code.rawValue == "JSON212")
        #expect(huge.path == [0])
    }

    @Test func pointsAtTheFailingElementOfAnArray() throws {
        let candidate = try #require(try JSONDocument(parsing: Self.candidateText).root["candidate"])
        let error = try #require(throws: JSONAccessError.self) { try candidate.required("urls", as: [String].self) }
        #expect(error.message == "expected string at $.candidate.urls[1], found number")
        #expect(error.location.description == "7:24")
    }

    @Test func requiresAnObjectToReadMembers() throws {
        let root = try JSONDocument(parsing: "[1]").root
        let error = try #require(throws: JSONAccessError.self) { try root.required("a", as: Int.self) }
        #expect(error.message == "expected object at $, found array")
    }

    @Test func recordsFindingsInsteadOfThrowing() throws {
        let candidate = try #require(try JSONDocument(parsing: Self.candidateText).root["candidate"])
        var collector = DiagnosticCollector()
        let mid = candidate.optional("sdpMid", as: String.self, into: &collector)
        let sdp = candidate.required("sdp", as: String.self, into: &collector)
        let text = candidate.required("candidate", as: String.self, into: &collector)
        #expect(mid == nil && sdp == nil && text != nil)
        #expect(collector.diagnostics.map(\.code.rawValue) == ["JSON210", "JSON211"])
    }

    @Test func readsCustomMessageTypes() throws {
        struct IceCandidateInit: JSONReadable, Equatable {
            static let jsonDescription = "RTCIceCandidateInit"
            var candidate: String
            var sdpMid: String?
            var sdpMLineIndex: UInt16?
            init(candidate: String, sdpMid: String?, sdpMLineIndex: UInt16?) {
                self.candidate = candidate
                self.sdpMid = sdpMid
                self.sdpMLineIndex = sdpMLineIndex
            }
            init(json node: JSONNode) throws(JSONAccessError) {
                candidate = try node.required("candidate")
                sdpMid = try node.optional("sdpMid")
                sdpMLineIndex = try node.optional("sdpMLineIndex")
            }
        }
        let records = NDJSON.parse(
            """
            {"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0","sdpMLineIndex":0}
            {"candidate":"candidate:2 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0","sdpMLineIndex":"0"}
            """
        ).value
        let first = try #require(records.first?.document?.root)
        #expect(
            try first.decode(as: IceCandidateInit.self)
                == IceCandidateInit(
                    candidate: "candidate:1 1 udp 1 192.0.2.1 9 typ host", sdpMid: "0", sdpMLineIndex: 0))
        let second = try #require(records.last?.document?.root)
        let error = try #require(throws: JSONAccessError.self) { try second.decode(as: IceCandidateInit.self) }
        #expect(
            error.description
                == "2:86: error[JSON210]: expected integer from 0 to 65535 at $.sdpMLineIndex, found string")
    }
}
