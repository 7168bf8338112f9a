public import SDPLintDiagnostics
public import SDPLintSDP

/// An RFC 8840 trickle-ICE body: an SDP fragment with candidates and ICE attributes, carried
/// by INFO (`Info-Package: trickle-ice`) or, over HTTP, by PATCH. The fragment grammar belongs
/// to the SDP module; this is the body as received.
///
/// [RFC 8840 §4.4, §9.1](https://www.rfc-editor.org/rfc/rfc8840#section-4.4)
public struct TrickleICEFragment: Sendable, Hashable {
    /// `application/trickle-ice-sdpfrag`, with its parameters as written.
    public var contentType: MediaType
    /// The fragment's bytes, exactly as received.
    public var bytes: [UInt8]
    /// The Info-Package header, `trickle-ice` for RFC 8840 INFO requests.
    public var infoPackage: String?
}

extension SIPMessage {
    /// The session description in an `application/sdp` body (or in the first `application/sdp`
    /// part of a multipart body), with the SDP parser's findings; `nil` when there is none.
    ///
    /// The body bytes stay as received; a parsed message holds the description its parser
    /// read, so this parses only a body set in code.
    public var sessionDescription: ParseResult<SessionDescription>? {
        if let bodyDescription { return bodyDescription }
        guard !bodyStorage.isEmpty, let type = contentType else { return nil }
        if type.matches(.sdp) { return SessionDescription.parse(bytes: bodyStorage) }
        if type.isMultipart, let multipart = multipartBody,
            let part = multipart.parts.first(where: { $0.contentType?.matches(.sdp) ?? false })
        {
            return SessionDescription.parse(bytes: part.body)
        }
        return nil
    }

    /// The parts of a `multipart/*` body; `nil` when the body is not multipart or the
    /// Content-Type has no boundary.
    public var multipartBody: MultipartBody? {
        guard let type = contentType, type.isMultipart, let boundary = type.boundary, !boundary.isEmpty else {
            return nil
        }
        return MultipartBody.parse(bodyStorage, boundary: boundary).0
    }

    /// The trickle-ICE fragment of an `application/trickle-ice-sdpfrag` body (RFC 8840).
    public var trickleICEFragment: TrickleICEFragment? {
        guard let type = contentType, type.matches(.trickleICESDPFragment) else { return nil }
        return TrickleICEFragment(contentType: type, bytes: bodyStorage, infoPackage: headers[.infoPackage])
    }

    /// Replaces the body and sets Content-Type and Content-Length to match; every other header
    /// keeps its bytes.
    public mutating func setBody(_ bytes: [UInt8], contentType: MediaType) {
        if !headers.contains(.contentType),
            let length = headers.firstIndex(where: { !$0.isMalformed && $0.name == .contentLength })
        {
            // Content-Type goes before Content-Length, where RFC 3261's examples put it.
            headers.insert(.contentType, contentType.description, at: length)
        } else {
            headers.set(.contentType, contentType.description)
        }
        body = bytes
    }

    /// Makes `description` the body, as `application/sdp`.
    public mutating func setSessionDescription(_ description: SessionDescription) {
        setBody(Array(description.serialized().utf8), contentType: .sdp)
    }

    /// Removes the body, Content-Type and the body-describing headers; Content-Length becomes 0.
    public mutating func removeBody() {
        headers.remove(.contentType)
        headers.remove(.contentDisposition)
        headers.remove(.contentEncoding)
        body = []
    }
}
