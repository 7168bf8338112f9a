import Foundation
import SDPLintTestSupport
import Testing

/// The candidate inventory of `sdplint check --format json`: each candidate's fields,
/// declared against computed priority, and the counts, for descriptions and candidate files.
@Suite struct ConnectivityTests {
    static func report(_ arguments: [String], input: String? = nil) throws -> [String: Any] {
        let run = try Executable.run(
            "sdplint", ["check", "--format", "json"] + arguments, input: input.map { Data($0.utf8) })
        let errors = try JSONSchema(named: "sdplint-report.schema.json").validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        return try #require(files.first)
    }

    @Test func aGatheredDescriptionListsItsCandidatesPerSection() throws {
        let file = try Self.report(["Fixtures/corpus/firefox/gathered-audio-video-datachannel-no-mdns.offer.sdp"])
        let connectivity = try #require(file["connectivity"] as? [String: Any])
        let sections = try #require(connectivity["sections"] as? [[String: Any]])
        #expect(!sections.isEmpty)
        let overall = try #require(connectivity["overall"] as? [String: Any])
        let total = sections.reduce(0) { $0 + (($1["candidates"] as? [Any])?.count ?? 0) }
        #expect(overall["total"] as? Int == total)
        for section in sections {
            for candidate in section["candidates"] as? [[String: Any]] ?? [] {
                #expect((candidate["line"] as? String)?.hasPrefix("candidate:") == true)
                // Computed priority: the recommended type preference in place of the declared one
                // (RFC 8445 §5.1.2.1); Firefox declares 125 or 126 for its host candidates.
                let recommended = ["host": 126, "prflx": 110, "srflx": 100, "relay": 0][
                    candidate["type"] as? String ?? ""]
                if let recommended, let priority = candidate["priority"] as? Int,
                    let declared = candidate["typePreference"] as? Int
                {
                    #expect(candidate["computedPriority"] as? Int == priority + ((recommended - declared) << 24))
                }
            }
        }
    }

    @Test func candidateLinesGetAnInventoryToo() throws {
        let lines = """
            a=candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host
            a=candidate:2 1 udp 1686052607 198.51.100.1 50000 typ srflx raddr 192.168.1.2 rport 50000
            a=candidate:3 1 udp 2122260223 203.0.113.9 3478 typ relay raddr 198.51.100.1 rport 50000

            """
        let file = try Self.report(["-"], input: lines)
        let connectivity = try #require(file["connectivity"] as? [String: Any])
        let overall = try #require(connectivity["overall"] as? [String: Any])
        #expect(overall["total"] as? Int == 3)
        #expect(overall["noRelay"] as? Bool == false)
        #expect(overall["scopes"] as? [String: Int] == ["private": 1, "global": 2])
        let candidates = try #require(
            (connectivity["sections"] as? [[String: Any]])?.first?["candidates"] as? [[String: Any]])
        // The relay candidate declares a host's type preference: computed and declared differ.
        #expect(candidates[2]["priority"] as? Int == 2122260223)
        #expect(candidates[2]["computedPriority"] as? Int == 8331007)
        let codes = (file["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("ICE201"))
    }

    @Test func aDescriptionWithoutCandidatesHasNone() throws {
        let file = try Self.report(["Fixtures/corpus/firefox/codec-vp9-only.offer.sdp"])
        #expect(file["connectivity"] is NSNull)
    }

    @Test func trickledCandidatesOfJSONMessagesAreInventoried() throws {
        let file = try Self.report([
            "Fixtures/corpus/firefox/gathered-audio-video-datachannel-no-mdns.offer.candidates.ndjson"
        ])
        let connectivity = try #require(file["connectivity"] as? [String: Any])
        let overall = try #require(connectivity["overall"] as? [String: Any])
        let lines = try Fixture(path: "corpus/firefox/gathered-audio-video-datachannel-no-mdns.offer.candidates.ndjson")
            .text()
            .split(separator: "\n").filter { $0.contains("candidate:") }
        #expect(overall["total"] as? Int == lines.count)
    }
}
