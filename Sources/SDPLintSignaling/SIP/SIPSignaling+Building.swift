public import SDPLintDiagnostics
internal import SDPLintJSON
internal import SDPLintSDP
public import SDPLintSIP

extension SIPSignaling {
    /// Builds a SIP call from signaling messages, with `SIPDialog` as the caller
    /// (`sip:alice@192.0.2.1`) and responses from the callee (`sip:bob@192.0.2.2`), addresses of
    /// RFC 5737's documentation range.
    ///
    /// An offer becomes an INVITE (a re-INVITE after the first), an answer the 200 OK to it
    /// followed by the ACK, a pranswer an unreliable 183 with SDP, each candidate or end of
    /// candidates an INFO of the trickle-ice package (RFC 8840 §9), a hang-up a BYE with the
    /// reason in a Reason header. ``SignalingMessage/session`` is the Call-ID; bodies keep the
    /// SDP text byte for byte. Tags, branches and Call-IDs are deterministic.
    ///
    /// - Returns: The SIP messages in order and what SIP could not carry: rollbacks (no SIP
    ///   equivalent), ``SignalingMessage/extraFields``, and m-line indexes of candidates.
    public static func build(_ messages: [SignalingMessage]) -> (messages: [SIPMessage], dropped: [DroppedItem]) {
        var calls: [String: Call] = [:]
        var output: [SIPMessage] = []
        var dropped: [DroppedItem] = []
        var contexts: [SessionDescription] = []
        for (index, message) in messages.enumerated() {
            let callID = message.session ?? "sdplint-call-1"
            var call = calls[callID] ?? Call(callID: callID)
            if !message.extraFields.isEmpty {
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .extraFields,
                        reason:
                            "SIP has no place for the envelope members \(message.extraFields.keys.joined(separator: ", "))"
                    ))
            }
            switch message.content {
            case .description(let description):
                switch description.type {
                case .offer:
                    output.append(call.invite(description))
                case .answer:
                    output += call.answer(description, status: 200)
                case .pranswer:
                    output += call.answer(description, status: 183)
                case .rollback:
                    dropped.append(
                        DroppedItem(
                            messageIndex: index, item: .message,
                            reason: "SIP has no rollback: a pending offer is withdrawn by a failure response or CANCEL")
                    )
                }
                if let parsed = description.sessionDescription { contexts.append(parsed) }
            case .candidate, .endOfCandidates:
                let (fragment, lost) = FragmentMapping.fragment(for: [message.content], contexts: contexts)
                for (item, reason) in lost.first ?? [:] {
                    dropped.append(DroppedItem(messageIndex: index, item: item, reason: reason))
                }
                output.append(call.info(fragment))
            case .hangUp(let hangUp):
                output.append(call.bye(reason: hangUp.reason))
            }
            calls[callID] = call
        }
        return (output, dropped)
    }

    /// Serializes SIP messages one after another, each framed by its Content-Length, as a
    /// stream or a trace carries them.
    public static func serialize(_ messages: [SIPMessage]) -> String {
        var bytes: [UInt8] = []
        for message in messages { message.write(to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One call being built.
    struct Call {
        var dialog: SIPDialog
        /// The INVITE whose offer awaits its answer.
        var pendingInvite: SIPMessage?
        var branch = 0
        static let callee = SIPURI(user: "bob", host: "192.0.2.2")
        static let calleeContact = SIPURI(user: "bob", host: "192.0.2.2", port: 5060)

        init(callID: String) {
            dialog = SIPDialog(
                callID: callID,
                local: NameAddress(
                    uri: SIPURI(user: "alice", host: "192.0.2.1"), parameters: [SIPParameter("tag", "sdplint-a")]),
                remote: NameAddress(uri: Self.callee),
                localContact: SIPURI(user: "alice", host: "192.0.2.1", port: 5060),
                sentBy: "192.0.2.1", port: 5060)
        }

        mutating func nextBranch() -> String {
            branch += 1
            return "z9hG4bK-sdplint-\(branch)"
        }

        mutating func invite(_ description: SignalingMessage.Description) -> SIPMessage {
            var message = dialog.invite(
                offer: description.sessionDescription
                    ?? SessionDescription(origin: .init(sessionID: "0", sessionVersion: 0), times: []),
                branch: nextBranch())
            message.setBody(Array(description.sdp.utf8), contentType: MediaType.sdp)
            pendingInvite = message
            return message
        }

        /// The callee's response with SDP; a 200 is followed by the caller's ACK.
        mutating func answer(_ description: SignalingMessage.Description, status: Int) -> [SIPMessage] {
            let request =
                pendingInvite
                ?? {
                    // The offer is not in the sequence: answer an INVITE that is not written.
                    var silent = dialog
                    return silent.invite(
                        offer: SessionDescription(origin: .init(sessionID: "0", sessionVersion: 0), times: []),
                        branch: "z9hG4bK-sdplint-0")
                }()
            guard var response = request.response(statusCode: status, toTag: "sdplint-b", contact: Self.calleeContact)
            else { return [] }
            response.setBody(Array(description.sdp.utf8), contentType: MediaType.sdp)
            guard status >= 200 else { return [response] }
            dialog.receive(response)
            pendingInvite = nil
            return [response, dialog.ack(branch: nextBranch())]
        }

        mutating func info(_ fragment: SDPFragment) -> SIPMessage {
            var message = dialog.request(.info, branch: nextBranch())
            message.headers.append(.infoPackage, "trickle-ice")
            message.setBody(Array(fragment.serialized().utf8), contentType: .trickleICESDPFragment)
            return message
        }

        mutating func bye(reason: String?) -> SIPMessage {
            var message = dialog.bye(branch: nextBranch())
            if let reason { message.headers.append(SIPHeaderName("Reason"), reason) }
            return message
        }
    }
}
