import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// The editing API changes only the lines it is about.
@Suite struct EditingTests {
    func chromiumOffer() throws -> SessionDescription {
        try SessionDescription(parsing: Fixture(path: "corpus/chromium/audio-video-datachannel.offer.sdp").text())
    }

    /// The lines of `after` that `before` does not have, and the other way round.
    func lineDiff(_ before: SessionDescription, _ after: SessionDescription) -> (removed: [String], added: [String]) {
        let old = before.serialized().split(separator: "\r\n").map(String.init)
        let new = after.serialized().split(separator: "\r\n").map(String.init)
        var remaining = new
        var removed: [String] = []
        for line in old {
            if let index = remaining.firstIndex(of: line) { remaining.remove(at: index) } else { removed.append(line) }
        }
        return (removed, remaining)
    }

    @Test func removingACodecRemovesItsLinesAndItsRTX() throws {
        let before = try chromiumOffer()
        var after = before
        after.media[1].removeCodec(payloadType: 96)
        let diff = lineDiff(before, after)
        #expect(!after.media[1].payloadTypes.contains(96))
        #expect(!after.media[1].payloadTypes.contains(97), "97 is the RTX of 96")
        #expect(diff.removed.contains("a=rtpmap:96 VP8/90000"))
        #expect(diff.removed.contains("a=rtcp-fb:96 nack pli"))
        #expect(diff.removed.contains("a=rtpmap:97 rtx/90000"))
        #expect(diff.removed.contains("a=fmtp:97 apt=96"))
        #expect(diff.removed.allSatisfy { $0.contains(":96 ") || $0.contains(":97 ") || $0.hasPrefix("m=video") })
        #expect(diff.added.count == 1 && diff.added[0].hasPrefix("m=video 9 UDP/TLS/RTP/SAVPF 102 103"))
        #expect(!SessionDescription.parse(after.serialized()).hasErrors)
    }

    @Test func removingOpusRemovesTheREDThatCarriesIt() throws {
        var offer = try chromiumOffer()
        offer.media[0].removeCodecs(named: "opus")
        #expect(offer.media[0].payloadTypes == [9, 0, 8, 13, 110, 126])
        #expect(!offer.media[0].attributes.contains { $0.value?.hasPrefix("63 ") == true })
        #expect(!SessionDescription.parse(offer.serialized()).hasErrors)
    }

    @Test func removingACodecDropsItFromRidLists() throws {
        var media = try MediaDescription.sample()
        media.removeCodec(payloadType: 97)
        #expect(media.value(RID.self)?.payloadTypes == ["96"])
    }

    @Test func reorderingTouchesOnlyTheMediaLine() throws {
        let before = try chromiumOffer()
        var after = before
        after.media[1].preferCodecs(named: ["H264", "VP9"])
        let diff = lineDiff(before, after)
        #expect(diff.removed.count == 1 && diff.added.count == 1)
        let h264 = before.media[1].codecs.filter { $0.name == "H264" }.map(\.payloadType)
        #expect(Array(after.media[1].payloadTypes.prefix(h264.count)) == h264)
        #expect(Set(after.media[1].payloadTypes) == Set(before.media[1].payloadTypes))
    }

    @Test func settingTheDirectionReplacesTheLineWhereItStands() throws {
        let before = try chromiumOffer()
        var after = before
        let index = before.media[0].attributes.firstIndex { $0.name == .sendrecv }
        after.media[0].direction = .recvonly
        #expect(after.media[0].attributes.firstIndex { $0.name == .recvonly } == index)
        #expect(lineDiff(before, after) == (["a=sendrecv"], ["a=recvonly"]))
        after.media[0].direction = nil
        #expect(after.media[0].direction == nil)
        after.media[0].direction = .inactive
        #expect(after.media[0].attributes.last?.name == .inactive)
    }

    @Test func bandwidthIsSetInPlaceAndCleared() throws {
        var offer = try chromiumOffer()
        offer.media[1].setBandwidth(2000, type: .applicationSpecific)
        #expect(offer.serialized().contains("c=IN IP4 0.0.0.0\r\nb=AS:2000\r\na=rtcp:9"))
        offer.media[1].setBandwidth(500, type: "as")
        #expect(offer.media[1].bandwidths == [Bandwidth(type: .applicationSpecific, value: 500)])
        offer.media[1].setBandwidth(nil, type: .applicationSpecific)
        #expect(offer.media[1].bandwidths.isEmpty)
        #expect(offer.serialized() == (try chromiumOffer()).serialized())
    }

    @Test func candidatesAreAddedBeforeEndOfCandidatesAndRemoved() throws {
        var media = try MediaDescription.sample()
        media.attributes.append(Attribute(name: .endOfCandidates))
        let candidate = try Candidate(parsing: "candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host generation 0")
        media.addCandidate(candidate)
        #expect(
            media.attributes.suffix(2).map(\.description) == [
                "candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host generation 0", "end-of-candidates",
            ])
        #expect(media.candidates == [candidate])
        #expect(media.removeCandidates { $0.address.text == "192.0.2.1" } == 1)
        #expect(media.candidates.isEmpty)
    }

    @Test func attributesAreAddedNextToTheirKindAndSet() throws {
        var media = try MediaDescription.sample()
        media.addAttribute(RTPMap(payloadType: 98, encodingName: "VP9", clockRate: 90000))
        let names = media.attributes.map(\.name.rawValue)
        #expect(names.lastIndex(of: "rtpmap")! + 1 == names.firstIndex(of: "rid") ?? names.count)
        media.setAttribute(Mid("video"))
        media.setAttribute(Mid("v"))
        #expect(media.attributes(named: .mid).map(\.value) == ["v"])
        #expect(media.removeAttributes(named: .rtpmap) == 3)
    }

    @Test func editedLinesAreWrittenCanonically() throws {
        var offer = try SessionDescription(parsing: "v=0\r\no=- 0001  1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
        #expect(offer.serialized().contains("o=- 0001  1 IN IP4"))
        offer.origin.sessionVersion += 1
        #expect(offer.serialized().contains("o=- 0001 2 IN IP4 127.0.0.1\r\n"))
    }
}

extension MediaDescription {
    static func sample() throws -> MediaDescription {
        let text =
            """
            v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 \
            0.0.0.0\r\na=mid:0\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 VP9/90000\r\na=rid:h send \
            pt=96,97;max-width=1280\r\n
            """
        return try SessionDescription(parsing: text).media[0]
    }
}
