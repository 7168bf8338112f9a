import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
import SDPLintOfferAnswer
import SDPLintSDP

/// The feature table of `sdplint check --format features`: one JSON object a line for each
/// answered offer, with what the negotiation settled, section by section, and what was found;
/// the schema is `Schemas/sdplint-features.schema.json`. Rows load as they are into ClickHouse
/// (`JSONEachRow`), pandas and Spark. Members without a value are left out, never null.
enum FeatureTable {
    /// The version of the row format; raised when a member changes meaning.
    static let schemaVersion = 1

    /// The row of one exchange of `input`.
    static func row(_ exchange: Exchange, input: String) -> String {
        var json = JSONWriter()
        json.object { row in
            row.member("schemaVersion", schemaVersion)
            row.member("input", input)
            row.member("session", exchange.session)
            row.member("origin", ifPresent: exchange.origin)
            row.member("offer", object: { write(exchange.offer, to: &$0) })
            row.member("answer", object: { write(exchange.answer, to: &$0) })
            let report = exchange.negotiation
            let groups = report.bundleGroups.filter { !$0.answerMids.isEmpty }
            if !groups.isEmpty {
                row.member(
                    "bundle",
                    array: { items in for group in groups { items.array { write(group.answerMids, to: &$0) } } })
            }
            row.member(
                "sections",
                array: { items in for section in report.sections { items.object { write(section, to: &$0) } } })
            row.member(
                "candidates",
                object: { candidates in
                    let sides = [
                        ("offer", exchange.offer.sdp.media.flatMap(\.candidates)),
                        ("answer", exchange.answer.sdp.media.flatMap(\.candidates)),
                        ("trickled", exchange.trickled),
                    ]
                    for (side, list) in sides where !list.isEmpty {
                        candidates.member(side, object: { count(list, into: &$0) })
                    }
                })
            RecordReport.writeCounts(exchange.findings, to: &row)
            row.member("findings", strings: exchange.findings.map(\.code.rawValue))
        }
        return json.output + "\n"
    }

    /// Where a description is, who wrote it as its origin line says, and its own findings.
    private static func write(_ side: Exchange.Side, to object: inout JSONWriter.ObjectWriter) {
        object.member("context", side.context)
        if let line = side.line { object.member("line", line) }
        if let id = side.id {
            switch id {
            case .string, .number: object.member("id", id)
            default: break
            }
        }
        // o= username and s=: what a stack writes there names it (Firefox's
        // "mozilla...THIS_IS_SDPARTA-…"), reported as written.
        object.member("username", side.sdp.origin.username)
        object.member("sessionName", side.sdp.sessionName)
        let options = side.sdp.value(ICEOptions.self)?.options ?? []
        if !options.isEmpty { object.member("iceOptions", strings: options.map(\.description)) }
        object.member("codes", strings: side.codes.map(\.rawValue))
    }

    private static func write(_ section: SectionReport, to object: inout JSONWriter.ObjectWriter) {
        object.member("index", section.index)
        object.member("mid", ifPresent: section.mid)
        object.member("media", section.media.description)
        if let proto = section.answerProtocol ?? section.offerProtocol { object.member("protocol", proto.description) }
        object.member("offererDirection", section.offererDirection.rawValue)
        object.member("answererDirection", section.answererDirection.rawValue)
        object.member("rejected", section.rejected)
        if let rejection = section.rejection { object.member("rejection", rejection.reason.rawValue) }
        object.member("bundled", section.bundled)
        if let codec = section.selectedCodec {
            object.member(
                "codec",
                object: { selected in
                    selected.member("name", codec.name)
                    if let rate = codec.clockRate { selected.member("clockRate", rate) }
                    if let channels = codec.channels { selected.member("channels", channels) }
                    if let type = codec.answerPayloadType ?? codec.offerPayloadType {
                        selected.member("payloadType", type)
                    }
                    selected.member("parameters", ifPresent: codec.answerParameters ?? codec.offerParameters)
                })
        }
        let negotiated = section.negotiatedCodecs.map(name)
        if !negotiated.isEmpty { object.member("codecs", strings: negotiated) }
        let dropped = section.codecs.filter { $0.status != .negotiated }
        if !dropped.isEmpty {
            object.member(
                "dropped",
                array: { items in
                    for codec in dropped {
                        items.object { entry in
                            entry.member("codec", name(codec))
                            if let type = codec.offerPayloadType ?? codec.answerPayloadType {
                                entry.member("payloadType", type)
                            }
                            entry.member("status", codec.status.rawValue)
                            entry.member("reason", ifPresent: codec.reason)
                        }
                    }
                })
        }
        let features = section.features
        let extensions = features.headerExtensions
        let used = extensions.filter { $0.status == .negotiated }.map(\.uri)
        if !used.isEmpty { object.member("headerExtensions", strings: used) }
        let droppedExtensions = extensions.filter { $0.status == .dropped }.map(\.uri)
        if !droppedExtensions.isEmpty { object.member("droppedHeaderExtensions", strings: droppedExtensions) }
        object.member("rtcpMux", features.rtcpMux)
        object.member("rtcpReducedSize", features.rtcpReducedSize)
        if let dtls = features.dtls {
            object.member(
                "dtls",
                object: { roles in
                    if let setup = dtls.offerSetup { roles.member("offerSetup", setup.rawValue) }
                    if let setup = dtls.answerSetup { roles.member("answerSetup", setup.rawValue) }
                    if let role = dtls.offererRole { roles.member("offererRole", role.rawValue) }
                })
        }
        object.member(
            "ice",
            object: { ice in
                ice.member("offerUfrag", ifPresent: features.ice.offerUfrag)
                ice.member("answerUfrag", ifPresent: features.ice.answerUfrag)
                ice.member("lite", features.ice.offerLite || features.ice.answerLite)
                ice.member("trickle", features.ice.trickle)
            })
        if let simulcast = features.simulcast {
            object.member(
                "simulcast",
                object: { layers in
                    layers.member("offererSends", strings: simulcast.offererSends)
                    layers.member("answererSends", strings: simulcast.answererSends)
                })
        }
        if let channel = section.dataChannel {
            object.member(
                "dataChannel",
                object: { sctp in
                    if let port = channel.answerSCTPPort ?? channel.offerSCTPPort { sctp.member("sctpPort", port) }
                    sctp.member("offererMaySend", channel.offererMaySend)
                    sctp.member("answererMaySend", channel.answererMaySend)
                })
        }
    }

    /// `opus/48000/2`, `VP8/90000`: the codec as its rtpmap names it.
    private static func name(_ codec: CodecReport) -> String {
        var text = codec.name + "/" + (codec.clockRate.map(String.init) ?? "?")
        if let channels = codec.channels, channels != 1 { text += "/\(channels)" }
        return text
    }

    private static func write(_ strings: [String], to array: inout JSONWriter.ArrayWriter) {
        for string in strings { array.element(string) }
    }

    /// Candidates counted by type and address scope: `"host private": 2`.
    private static func count(_ candidates: [Candidate], into object: inout JSONWriter.ObjectWriter) {
        var counts: [(key: String, count: Int)] = []
        for candidate in candidates {
            let key = "\(candidate.kind) \(candidate.address.scope.rawValue)"
            if let index = counts.firstIndex(where: { $0.key == key }) {
                counts[index].count += 1
            } else {
                counts.append((key, 1))
            }
        }
        for (key, count) in counts { object.member(key, count) }
    }
}
