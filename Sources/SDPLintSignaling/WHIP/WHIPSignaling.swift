public import SDPLintDiagnostics
public import SDPLintICE
internal import SDPLintSDP

/// The mapping between WHIP/WHEP HTTP exchanges and signaling messages, both ways, with the
/// checks of what the specifications require.
///
/// | HTTP | signaling message |
/// |---|---|
/// | `POST` with `application/sdp` (RFC 9725 §4.2; WHEP §4.2) | offer |
/// | `201 Created` with `application/sdp` | answer |
/// | `PATCH` with `application/trickle-ice-sdpfrag` (RFC 9725 §4.3.1) | candidates, end-of-candidates |
/// | `200 OK` to an ICE-restart PATCH, with a fragment | candidates of the session |
/// | `DELETE` (RFC 9725 §4.2) | hang-up |
///
/// ``SignalingMessage/session`` is the session URL: the `Location` of the 201 (given to the
/// POST's offer too) and the target of PATCH and DELETE. The `Link` headers of the 201 give
/// the ICE servers (RFC 9725 §4.6).
///
/// RFC 9725 <https://www.rfc-editor.org/rfc/rfc9725>,
/// draft-ietf-wish-whep <https://datatracker.ietf.org/doc/draft-ietf-wish-whep/>
public enum WHIPSignaling {
    /// What an exchange says besides its signaling messages.
    public struct Exchange: Sendable {
        /// The signaling messages in order.
        public var messages: [Located<SignalingMessage>]
        /// The STUN and TURN servers of the `Link: rel="ice-server"` headers.
        public var iceServers: [Located<ICEServer>]
        /// The HTTP messages as read.
        public var http: [ParsedHTTPMessage]
    }

    /// Reads HTTP/1.1 messages of a WHIP or WHEP exchange.
    ///
    /// - Returns: The exchange, and every finding: HTTP framing (`SIG30x`), WHIP/WHEP rules
    ///   (`SIG31x`), Link headers (`SIG40x`, `ICExxx`) and findings inside the carried SDP and
    ///   fragments, at their place in the input.
    /// - Complexity: O(n) in the size of the input.
    public static func read(
        _ bytes: [UInt8], options: HTTPParseOptions = .default
    ) -> (exchange: Exchange, diagnostics: [Diagnostic]) {
        let (parsed, httpFindings) = HTTPMessage.parseAll(bytes, options: options)
        var reader = Reader(bytes: bytes, index: SourceText(bytes), strict: options.strict)
        reader.diagnostics = httpFindings
        for message in parsed { reader.read(message) }
        reader.assignSessions()
        let exchange = Exchange(
            messages: reader.messages.map { Located($0.message, at: $0.location) }, iceServers: reader.iceServers,
            http: parsed)
        return (exchange, reader.diagnostics)
    }

    struct Pending {
        var message: SignalingMessage
        var location: SourceLocation
        /// Whether the message is a POST's offer, which takes the session URL of the 201 after it.
        var awaitsLocation = false
    }

    struct Reader {
        let bytes: [UInt8]
        let index: SourceText
        let strict: Bool
        var messages: [Pending] = []
        var iceServers: [Located<ICEServer>] = []
        var diagnostics: [Diagnostic] = []
        /// The method of the last request, which the next response answers.
        var lastRequest: String?
        var lastRequestTarget: String?
        var lastPatchWasRestart = false
        /// The ufrag of the last offer, to recognize an ICE restart.
        var offerUfrag: String?

        mutating func report(_ rule: Rule, _ location: SourceLocation, _ message: String) {
            diagnostics.append(rule.diagnostic(at: location, message, strict: strict))
        }

        /// Where a field is, or the start line when it is missing.
        func place(_ parsed: ParsedHTTPMessage, _ field: String) -> SourceLocation {
            parsed.location(ofField: field) ?? parsed.location
        }

        mutating func read(_ parsed: ParsedHTTPMessage) {
            let message = parsed.message
            if let method = message.method {
                lastRequest = method.uppercased()
                lastRequestTarget = message.target
                if let authorization = message["Authorization"], !authorization.lowercased().hasPrefix("bearer ") {
                    report(
                        SignalingRules.whipAuthorization, place(parsed, "Authorization"),
                        "the Authorization header uses '\(authorization.split(separator: " ").first ?? "")', not the Bearer scheme"
                    )
                }
                switch method.uppercased() {
                case "POST": readOffer(parsed)
                case "PATCH": readPatch(parsed)
                case "DELETE":
                    messages.append(
                        Pending(
                            message: SignalingMessage(.hangUp(.init()), session: message.target),
                            location: parsed.location))
                default:
                    report(
                        SignalingRules.whipUnmapped, parsed.location,
                        "\(method) requests carry no signaling message in WHIP or WHEP")
                }
                return
            }
            guard let code = message.statusCode else { return }
            let request = lastRequest
            if code >= 400 {
                report(SignalingRules.whipErrorResponse, parsed.location, Self.explain(code, request: request))
                if request == "POST", let last = messages.last, last.awaitsLocation {
                    messages[messages.count - 1].awaitsLocation = false
                }
                return
            }
            switch request {
            case "POST"?: readAnswer(parsed)
            case nil where code == 201:
                // The POST is not in the input; only a POST is answered with 201 Created.
                readAnswer(parsed)
            case "PATCH"?:
                if code == 200 {
                    if message.mediaType == "application/trickle-ice-sdpfrag" {
                        appendFragment(parsed, session: lastRequestTarget)
                    }
                    if lastPatchWasRestart, message["ETag"] == nil {
                        report(
                            SignalingRules.whipMissingETag, parsed.location,
                            "the 200 answering an ICE restart has no ETag for the new ICE session")
                    }
                }
            default:
                break
            }
        }

        mutating func readOffer(_ parsed: ParsedHTTPMessage) {
            let message = parsed.message
            guard message.mediaType == "application/sdp" else {
                report(
                    SignalingRules.whipOfferContentType, place(parsed, "Content-Type"),
                    "the POST has Content-Type \(message["Content-Type"].map { "'\($0)'" } ?? "(none)"), not application/sdp"
                )
                return
            }
            guard let description = description(parsed, type: .offer) else { return }
            offerUfrag = description.sessionDescription.flatMap(Self.ufrag)
            messages.append(
                Pending(
                    message: SignalingMessage(.description(description)), location: parsed.location,
                    awaitsLocation: true))
        }

        mutating func readAnswer(_ parsed: ParsedHTTPMessage) {
            let message = parsed.message
            let location = message["Location"]
            if message.statusCode == 201 {
                if location == nil {
                    report(
                        SignalingRules.whipMissingLocation, parsed.location,
                        "the 201 Created has no Location; the client cannot reach the session it created")
                }
                if message["ETag"] == nil {
                    report(
                        SignalingRules.whipMissingETag, parsed.location,
                        "the 201 Created has no ETag; trickle and ICE restart PATCH requests need one for If-Match")
                }
            }
            readLinks(parsed)
            guard message.mediaType == "application/sdp", !message.body.isEmpty else {
                report(
                    SignalingRules.whipAnswer, place(parsed, "Content-Type"),
                    "the \(message.statusCode ?? 0) response to the POST carries \(message.body.isEmpty ? "no body" : "Content-Type '\(message["Content-Type"] ?? "")'"), not an application/sdp answer"
                )
                return
            }
            if let location, let last = messages.indices.last, messages[last].awaitsLocation {
                messages[last].message.session = location
                messages[last].awaitsLocation = false
            }
            guard let description = description(parsed, type: .answer) else { return }
            messages.append(
                Pending(
                    message: SignalingMessage(.description(description), session: location), location: parsed.location))
        }

        mutating func readPatch(_ parsed: ParsedHTTPMessage) {
            let message = parsed.message
            guard message.mediaType == "application/trickle-ice-sdpfrag" else {
                report(
                    SignalingRules.whipPatchContentType, place(parsed, "Content-Type"),
                    "the PATCH has Content-Type \(message["Content-Type"].map { "'\($0)'" } ?? "(none)"), not application/trickle-ice-sdpfrag"
                )
                return
            }
            let fragment = appendFragment(parsed, session: message.target)
            let ufrag = fragment.flatMap { fragment in
                fragment.attributes.first { $0.name == .iceUfrag }?.value
                    ?? fragment.media.lazy.compactMap { $0.attributes.first { $0.name == .iceUfrag }?.value }.first
            }
            lastPatchWasRestart = ufrag != nil && offerUfrag != nil && ufrag != offerUfrag
            guard let ifMatch = message["If-Match"] else {
                report(
                    SignalingRules.whipPatchWithoutIfMatch, parsed.location,
                    lastPatchWasRestart
                        ? "the ICE-restart PATCH has no If-Match: \"*\""
                        : "the PATCH has no If-Match with the session's entity-tag")
                return
            }
            if lastPatchWasRestart, ifMatch != "*" {
                report(
                    SignalingRules.whipRestartIfMatch, place(parsed, "If-Match"),
                    ifMatch == "\"*\""
                        ? """
                        the ICE-restart PATCH has If-Match: \"*\", a quoted entity-tag; the wildcard is written * \
                        without quotes
                        """
                        : "the PATCH changes the ufrag (an ICE restart) but has If-Match: \(ifMatch), not *")
            }
            if lastPatchWasRestart { offerUfrag = ufrag }
        }

        /// The description in the body, its SDP findings moved into the input.
        mutating func description(_ parsed: ParsedHTTPMessage, type: SDPType) -> SignalingMessage.Description? {
            let text = String(decoding: parsed.message.body, as: UTF8.self)
            let result = SessionDescription.parse(bytes: parsed.message.body)
            place(result.diagnostics, parsed)
            return SignalingMessage.Description(type: type, sdp: text, parsed: result)
        }

        @discardableResult
        mutating func appendFragment(_ parsed: ParsedHTTPMessage, session: String?) -> SDPFragment? {
            guard !parsed.message.body.isEmpty else { return nil }
            let result = SDPFragment.parse(bytes: parsed.message.body)
            let (fragment, findings) = (result.value, result.diagnostics)
            place(findings, parsed)
            for content in FragmentMapping.contents(of: fragment) {
                messages.append(
                    Pending(message: SignalingMessage(content, session: session), location: parsed.location))
            }
            return fragment
        }

        mutating func place(_ findings: [Diagnostic], _ parsed: ParsedHTTPMessage) {
            if parsed.bodyIsContiguous {
                diagnostics += findings.map { index.relocate($0, base: parsed.bodyOffset) }
            } else {
                diagnostics += findings.map { finding in
                    var moved = finding
                    moved.location = parsed.location
                    return moved
                }
            }
        }

        mutating func readLinks(_ parsed: ParsedHTTPMessage) {
            var values: [(value: String, offset: Int)] = []
            for (position, field) in parsed.message.fields.enumerated() where field.hasName("Link") {
                let line =
                    parsed.fieldLocations.indices.contains(position) ? parsed.fieldLocations[position].bytes : 0..<0
                values.append((field.value, Self.valueOffset(bytes, line)))
            }
            guard !values.isEmpty else { return }
            let (servers, findings) = ICEServerConfiguration.read(linkValues: values, in: bytes)
            iceServers += servers
            diagnostics += findings
        }

        /// Gives each POST's offer the session URL of the 201 that answered it.
        mutating func assignSessions() {
            for position in messages.indices where messages[position].awaitsLocation {
                messages[position].awaitsLocation = false
            }
        }

        /// The offset of a field value: after the colon and white space of its line.
        static func valueOffset(_ bytes: [UInt8], _ line: Range<Int>) -> Int {
            var offset = line.lowerBound
            while offset < line.upperBound, bytes[offset] != UInt8(ascii: ":") { offset += 1 }
            offset += 1
            while offset < line.upperBound, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
                offset += 1
            }
            return min(offset, line.upperBound)
        }

        static func ufrag(_ description: SessionDescription) -> String? {
            description.attributes.first { $0.name == .iceUfrag }?.value
                ?? description.media.lazy.compactMap { $0.attributes.first { $0.name == .iceUfrag }?.value }.first
        }

        static func explain(_ code: Int, request: String?) -> String {
            let to = request.map { " to the \($0)" } ?? ""
            switch code {
            case 412: return "412 Precondition Failed\(to): the If-Match did not match the session's entity-tag"
            case 422: return "422 Unprocessable Content\(to): the session could not use the SDP fragment"
            case 405, 501:
                return "\(code)\(to): the session does not support this method (PATCH for trickle ICE is optional)"
            case 415: return "415 Unsupported Media Type\(to): the Content-Type is not what the session takes"
            case 401, 403: return "\(code)\(to): the bearer token was missing or refused"
            default: return "the request\(to) failed with \(code)"
            }
        }
    }
}
