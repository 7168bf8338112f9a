public import SDPLintDiagnostics
internal import SDPLintJSON
internal import SDPLintSDP

extension SignalingJSON {
    /// Which JSON the writer produces.
    public enum Style: Sendable, Hashable {
        /// The WebRTC shapes: each message in the ``JSONShape`` it was read in, or by default
        /// `{"type":"offer","sdp":…}`, `{"type":"candidate","candidate":{…}}` and `{"type":"bye"}`.
        case webRTC
        /// Our versioned envelope, which carries every part of the model.
        case envelope
    }

    /// Writes one message as a compact JSON text.
    ///
    /// - Returns: The text and what the style could not carry (`DroppedItem.messageIndex` is
    ///   `index`).
    public static func write(
        _ message: SignalingMessage, style: Style, index: Int = 0
    ) -> (text: String, dropped: [DroppedItem]) {
        write(message, style: style, index: index, knownCredentials: [])
    }

    /// Writes one message; a candidate's password is lost only when it is not among
    /// `knownCredentials`, the ufrag and password pairs that descriptions written before it carried.
    static func write(
        _ message: SignalingMessage, style: Style, index: Int, knownCredentials: Set<ICECredentials>
    ) -> (text: String, dropped: [DroppedItem]) {
        var writer = JSONWriter()
        var dropped: [DroppedItem] = []
        switch style {
        case .envelope: writeEnvelope(message, to: &writer)
        case .webRTC:
            writeWebRTC(message, index: index, knownCredentials: knownCredentials, to: &writer, dropped: &dropped)
        }
        return (writer.output, dropped)
    }

    // MARK: WebRTC shapes

    static func writeWebRTC(
        _ message: SignalingMessage, index: Int, knownCredentials: Set<ICECredentials>, to writer: inout JSONWriter,
        dropped: inout [DroppedItem]
    ) {
        if let session = message.session {
            dropped.append(
                DroppedItem(
                    messageIndex: index, item: .session,
                    reason:
                        """
                        the WebRTC JSON shapes have no member for the session \(JSONWriter.quoted(session)); use \
                        the envelope to keep it
                        """
                ))
        }
        switch message.content {
        case .description(let description):
            let shape = message.jsonShape ?? .plain
            writer.object { object in
                switch shape {
                case .wrapped(let key):
                    object.member(
                        key, object: { inner in writeDescriptionInit(description, sdpFirst: false, to: &inner) })
                case .plainSDPFirst:
                    writeDescriptionInit(description, sdpFirst: true, to: &object)
                default:
                    writeDescriptionInit(description, sdpFirst: false, to: &object)
                }
                writeExtras(message.extraFields, to: &object)
            }
        case .candidate(let candidate):
            if let password = candidate.password,
                !knownCredentials.contains(ICECredentials(ufrag: candidate.usernameFragment, password: password))
            {
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .password,
                        reason: """
                            RTCIceCandidateInit has no member for the ICE password, and no description before it \
                            carries that password (a=ice-pwd)
                            """))
            }
            writeCandidateShape(message.jsonShape, message.extraFields, to: &writer) { object in
                writeCandidateInit(
                    candidate.candidate, candidate.sdpMid, candidate.sdpMLineIndex, candidate.usernameFragment,
                    order: message.jsonMemberOrder, to: &object)
            }
        case .endOfCandidates(let end):
            writeCandidateShape(
                message.jsonShape, message.extraFields, to: &writer,
                endOfAll: end.isForAllSections && end.usernameFragment == nil
            ) { object in
                writeCandidateInit(
                    "", end.sdpMid, end.sdpMLineIndex, end.usernameFragment, order: message.jsonMemberOrder, to: &object
                )
            }
        case .hangUp(let hangUp):
            var word = "bye"
            if case .typed(let used)? = message.jsonShape, hangUpWords.contains(used) { word = used }
            writer.object { object in
                object.member("type", word)
                object.member("reason", ifPresent: hangUp.reason)
                writeExtras(message.extraFields, to: &object)
            }
        }
    }

    /// An `RTCIceCandidateInit` with the members it was read with, in that order; a message
    /// not read from JSON gets every member, `null` where absent, as `toJSON()` writes it.
    static func writeCandidateInit(
        _ candidate: String, _ mid: String?, _ index: UInt16?, _ ufrag: String?, order: [String],
        to object: inout JSONWriter.ObjectWriter
    ) {
        let standard = ["candidate", "sdpMid", "sdpMLineIndex", "usernameFragment"]
        let names =
            order.isEmpty
            ? standard : order.filter(standard.contains) + (order.contains("candidate") ? [] : ["candidate"])
        for name in names {
            switch name {
            case "candidate": object.member("candidate", candidate)
            case "sdpMid": object.member("sdpMid", orNull: mid)
            case "sdpMLineIndex": object.member("sdpMLineIndex", orNull: index)
            default: object.member("usernameFragment", orNull: ufrag)
            }
        }
    }

    static func writeDescriptionInit(
        _ description: SignalingMessage.Description, sdpFirst: Bool, to object: inout JSONWriter.ObjectWriter
    ) {
        if sdpFirst {
            object.member("sdp", description.sdp)
            object.member("type", description.type.rawValue)
        } else {
            object.member("type", description.type.rawValue)
            object.member("sdp", description.sdp)
        }
    }

    /// A candidate dictionary in its shape; `endOfAll` writes a `null` candidate where the shape
    /// has a place for one.
    static func writeCandidateShape(
        _ shape: JSONShape?, _ extras: JSONObject, to writer: inout JSONWriter, endOfAll: Bool = false,
        _ dictionary: (inout JSONWriter.ObjectWriter) -> Void
    ) {
        writer.object { object in
            switch shape {
            case .plain?, .plainSDPFirst?:
                if endOfAll { object.nullMember("candidate") } else { dictionary(&object) }
            case .typedFlat(let word)?:
                object.member("type", word)
                if endOfAll { object.nullMember("candidate") } else { dictionary(&object) }
            case .wrapped(let key)?:
                let wrapper = key == "sdp" || key == "description" ? "candidate" : key
                if endOfAll && wrapper == "ice" {
                    object.nullMember(wrapper)
                } else {
                    object.member(wrapper, object: { inner in dictionary(&inner) })
                }
            case .typed(let used)?:
                object.member("type", candidateWords.contains(used) ? used : "candidate")
                if endOfAll {
                    object.nullMember("candidate")
                } else {
                    object.member("candidate", object: { inner in dictionary(&inner) })
                }
            case nil:
                object.member("type", "candidate")
                if endOfAll {
                    object.nullMember("candidate")
                } else {
                    object.member("candidate", object: { inner in dictionary(&inner) })
                }
            }
            writeExtras(extras, to: &object)
        }
    }

    static func writeExtras(_ extras: JSONObject, to object: inout JSONWriter.ObjectWriter) {
        for member in extras.members { object.member(member.key, member.value) }
    }

    // MARK: Envelope

    /// Our envelope, version 1 (Schemas/sdplint-signaling.schema.json):
    ///
    /// ```json
    /// {"version":1,"type":"offer","sdp":"v=0…","session":"call-1","extra":{"to":"bob"}}
    /// {"version":1,"type":"candidate","candidate":"candidate:…","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"EsAw"}
    /// {"version":1,"type":"end-of-candidates","sdpMid":"0"}
    /// {"version":1,"type":"hang-up","reason":"Q.850;cause=16"}
    /// ```
    static func writeEnvelope(_ message: SignalingMessage, to writer: inout JSONWriter) {
        writer.object { object in
            object.member("version", envelopeVersion)
            switch message.content {
            case .description(let description):
                object.member("type", description.type.rawValue)
                if description.type != .rollback || !description.sdp.isEmpty { object.member("sdp", description.sdp) }
            case .candidate(let candidate):
                object.member("type", "candidate")
                object.member("candidate", candidate.candidate)
                object.member("sdpMid", ifPresent: candidate.sdpMid)
                if let index = candidate.sdpMLineIndex { object.member("sdpMLineIndex", index) }
                object.member("usernameFragment", ifPresent: candidate.usernameFragment)
                object.member("password", ifPresent: candidate.password)
            case .endOfCandidates(let end):
                object.member("type", "end-of-candidates")
                object.member("sdpMid", ifPresent: end.sdpMid)
                if let index = end.sdpMLineIndex { object.member("sdpMLineIndex", index) }
                object.member("usernameFragment", ifPresent: end.usernameFragment)
            case .hangUp(let hangUp):
                object.member("type", "hang-up")
                object.member("reason", ifPresent: hangUp.reason)
            }
            object.member("session", ifPresent: message.session)
            if !message.extraFields.isEmpty { object.member("extra", .object(message.extraFields)) }
        }
    }
}
