public import SDPLintSDP

/// One side of a dialog: the identifiers (Call-ID and tags), the addresses and the sequence
/// numbers a user agent needs to build its requests, kept up to date from the responses.
///
/// ```swift
/// var dialog = SIPDialog(
///     local: NameAddress(uri: try SIPURI(parsing: "sip:alice@192.0.2.1")),
///     remote: NameAddress(uri: try SIPURI(parsing: "sip:bob@192.0.2.2:5060")),
///     localContact: try SIPURI(parsing: "sip:alice@192.0.2.1:5062"),
///     sentBy: "192.0.2.1", port: 5062)
/// let invite = dialog.invite(offer: offer)     // send it
/// dialog.receive(okResponse)                    // learn the remote tag and target
/// let ack = dialog.ack()
/// let bye = dialog.bye()
/// ```
///
/// [RFC 3261 §12](https://www.rfc-editor.org/rfc/rfc3261#section-12)
public struct SIPDialog: Sendable, Hashable {
    /// The Call-ID of every request of the dialog (§8.1.1.4).
    public var callID: String
    /// The local address with the local tag: the From of the requests this side sends.
    public var local: NameAddress
    /// The remote address: the To of the requests this side sends; its tag is learned from the
    /// first response that carries one.
    public var remote: NameAddress
    /// Where requests go: the Request-URI, first the remote address, then the Contact of the
    /// remote side's response (§12.1.2).
    public var remoteTarget: SIPURI
    /// The local Contact (§8.1.1.8).
    public var localContact: SIPURI
    /// Route headers for requests in the dialog: the response's Record-Route, reversed (§12.1.2).
    public var routeSet: [NameAddress]
    /// The last CSeq number this side used (§12.2.1.1 increments it for each new request).
    public var localSequence: UInt32
    /// The CSeq number of the last INVITE, which its ACK repeats (§13.2.2.4).
    public private(set) var inviteSequence: UInt32?
    /// The transport and sent-by address written into Via.
    public var transport: Via.Transport
    public var sentByHost: String
    public var sentByPort: UInt16?

    /// Starts a dialog from the local side.
    ///
    /// - Parameters:
    ///   - callID: The Call-ID; a random one by default.
    ///   - local: The local address; a random tag is added when it has none (§8.1.1.3).
    ///   - remote: The remote address, without a tag.
    ///   - localContact: The URI the remote side reaches this side at.
    ///   - sentBy: The host written in Via's sent-by.
    ///   - port: The port written in Via's sent-by; none by default.
    ///   - transport: The transport written in Via; UDP by default.
    ///   - initialSequence: The CSeq number of the first request; RFC 3261 §8.1.1.5 asks for
    ///     a number below 2^31.
    public init(
        callID: String = SIPDialog.newCallID(),
        local: NameAddress,
        remote: NameAddress,
        localContact: SIPURI,
        sentBy: String,
        port: UInt16? = nil,
        transport: Via.Transport = .udp,
        initialSequence: UInt32 = 1
    ) {
        self.callID = callID
        var local = local
        if local.tag == nil { local.tag = SIPDialog.newTag() }
        self.local = local
        self.remote = remote
        self.remoteTarget = remote.uri
        self.localContact = localContact
        self.routeSet = []
        self.localSequence = initialSequence &- 1
        self.transport = transport
        self.sentByHost = sentBy
        self.sentByPort = port
    }

    /// A random tag: 64 bits in hexadecimal (§19.3 asks for at least 32 random bits).
    public static func newTag() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16)
    }

    /// A random Call-ID: 128 bits in hexadecimal, optionally `@host` (§8.1.1.4).
    public static func newCallID(host: String? = nil) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = String(generator.next() as UInt64, radix: 16) + String(generator.next() as UInt64, radix: 16)
        guard let host else { return id }
        return id + "@" + host
    }

    /// The local tag.
    public var localTag: String? { local.tag }
    /// The remote tag, once a response carried one.
    public var remoteTag: String? { remote.tag }

    // MARK: Requests

    /// An INVITE carrying `offer` as `application/sdp`, with a new branch and the next CSeq.
    ///
    /// RFC 3261 §8.1.1: Via (new branch), Max-Forwards 70, From with the local tag, To, Call-ID,
    /// CSeq, Contact, Content-Type and Content-Length.
    public mutating func invite(offer: SessionDescription, branch: String = Via.newBranch()) -> SIPMessage {
        localSequence &+= 1
        inviteSequence = localSequence
        var message = request(.invite, sequence: localSequence, branch: branch)
        message.setSessionDescription(offer)
        return message
    }

    /// The ACK for the 2xx response to the last INVITE: the INVITE's CSeq number with method
    /// ACK, a new branch, sent to the remote target (§13.2.2.4).
    public func ack(branch: String = Via.newBranch()) -> SIPMessage {
        request(.ack, sequence: inviteSequence ?? localSequence, branch: branch)
    }

    /// A BYE with the next CSeq (§15.1.1).
    public mutating func bye(branch: String = Via.newBranch()) -> SIPMessage {
        localSequence &+= 1
        return request(.bye, sequence: localSequence, branch: branch)
    }

    /// Any request in the dialog with the next CSeq, without a body.
    public mutating func request(_ method: SIPMethod, branch: String = Via.newBranch()) -> SIPMessage {
        localSequence &+= 1
        return request(method, sequence: localSequence, branch: branch)
    }

    private func request(_ method: SIPMethod, sequence: UInt32, branch: String) -> SIPMessage {
        var headers = SIPHeaderFields()
        let via = Via(transport: transport, host: sentByHost, port: sentByPort, branch: branch)
        headers.append(.via, via.description)
        headers.append(.maxForwards, "70")
        for route in routeSet { headers.append(.route, route.description) }
        headers.append(.from, local.description)
        headers.append(.to, remote.description)
        headers.append(.callID, callID)
        headers.append(.cseq, CSeq(sequence, method).description)
        headers.append(.contact, NameAddress(uri: localContact).description)
        return SIPMessage.request(method: method, uri: remoteTarget, headers: headers)
    }

    // MARK: Responses

    /// Learns from a response to a request of this dialog: the remote tag (To), and from a
    /// 2xx the remote target (Contact) and the route set (Record-Route, reversed) (§12.1.2).
    public mutating func receive(_ response: SIPMessage) {
        guard let status = response.statusCode, status > 100 else { return }
        if let tag = response.toTag, remote.tag == nil { remote.tag = tag }
        if (200..<300).contains(status) {
            if let contact = response.contacts.first { remoteTarget = contact.uri }
            routeSet = response.recordRoutes.reversed()
        }
    }
}

extension SIPMessage {
    /// The response a UAS sends to this request (RFC 3261 §8.2.6): Via (all of them, in order),
    /// From, Call-ID and CSeq copied, To copied with a tag added when it had none (except for
    /// 100 Trying), Record-Route copied into responses that can create a dialog (§12.1.1), and
    /// Content-Length.
    ///
    /// - Parameters:
    ///   - statusCode: The status code.
    ///   - reasonPhrase: The reason phrase; RFC 3261's for the code by default.
    ///   - toTag: The tag to add to To when it has none; a random one by default.
    ///   - contact: The Contact to add (a 2xx to INVITE needs one, §12.1.1).
    ///   - answer: A session description for the body, as `application/sdp`.
    /// - Returns: The response, or `nil` when this message is not a request.
    public func response(
        statusCode: Int,
        reasonPhrase: String? = nil,
        toTag: String = SIPDialog.newTag(),
        contact: SIPURI? = nil,
        answer: SessionDescription? = nil
    ) -> SIPMessage? {
        guard let request = requestLine else { return nil }
        var headers = SIPHeaderFields()
        for field in self.headers where !field.isMalformed && field.name == .via {
            headers.append(field.name, field.value)
        }
        if let from = self.headers[.from] { headers.append(.from, from) }
        if var to = self.to {
            if to.tag == nil && statusCode != 100 { to.tag = toTag }
            headers.append(.to, to.description)
        } else if let to = self.headers[.to] {
            headers.append(.to, to)
        }
        if let callID = self.headers[.callID] { headers.append(.callID, callID) }
        if let cseq = self.headers[.cseq] { headers.append(.cseq, cseq) }
        if (101..<300).contains(statusCode) && (request.method == .invite || request.method == .subscribe) {
            for field in self.headers where !field.isMalformed && field.name == .recordRoute {
                headers.append(field.name, field.value)
            }
        }
        if let contact { headers.append(.contact, NameAddress(uri: contact).description) }
        var response = SIPMessage.response(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
        if let answer { response.setSessionDescription(answer) }
        return response
    }
}
