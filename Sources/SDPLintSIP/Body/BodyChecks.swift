internal import SDPLintDiagnostics
internal import SDPLintSDP
internal import SDPLintScanning

/// Reads the body by its Content-Type and reports what is wrong with it, at the body's lines in
/// the message.
enum BodyChecks {
    /// Checks the body of `message`; findings about the message go to `collector`, and the
    /// SDP parser's own findings (with their SDP codes) are returned, moved to the message,
    /// with the description itself, parsed here once for everyone who reads the message.
    static func check(
        _ message: SIPMessage, bodyOffset: Int, bodyLine: Int, collector: inout DiagnosticCollector,
        endLocation: SourceLocation, options: SIPParseOptions
    ) -> (diagnostics: [Diagnostic], description: ParseResult<SessionDescription>?) {
        let body = message.bodyStorage
        guard let type = message.contentType else {
            if !message.headers.contains(.contentType) {
                collector.report(
                    SIPRules.bodyWithoutType, at: endLocation,
                    "the message has a \(body.count)-byte body but no Content-Type")
            }
            return ([], nil)
        }
        let locator = Locator(body: body, offset: bodyOffset, line: bodyLine)
        if type.matches(.sdp) {
            let description = SessionDescription.parse(bytes: body, options: sdpOptions(options))
            return (moved(description.diagnostics, by: locator, at: 0), description)
        }
        if type.isMultipart {
            guard let boundary = type.boundary, !boundary.isEmpty else {
                collector.report(
                    SIPRules.multipartSyntax, at: endLocation, "the multipart Content-Type has no boundary parameter")
                return ([], nil)
            }
            let (multipart, findings) = MultipartBody.parse(body, boundary: boundary)
            for finding in findings {
                collector.report(SIPRules.multipartSyntax, at: locator.location(finding.range), finding.message)
            }
            var extra: [Diagnostic] = []
            var first: ParseResult<SessionDescription>?
            var offset = multipart.preamble.count
            for part in multipart.parts {
                offset += part.delimiterLine?.count ?? 0
                for field in part.headers.fields { offset += field.raw?.count ?? 0 }
                offset += part.headerTerminator?.count ?? 0
                if part.contentType?.matches(.sdp) ?? false {
                    let description = SessionDescription.parse(bytes: part.body, options: sdpOptions(options))
                    extra += moved(description.diagnostics, by: locator, at: offset)
                    if first == nil { first = description }
                }
                offset += part.body.count + (part.lineBreakAfter?.count ?? 0)
            }
            return (extra, first)
        }
        if type.matches(.trickleICESDPFragment), message.requestLine?.method == .info {
            let package = message.headers[.infoPackage]
            if package.map({ !$0.equalsIgnoringASCIICase("trickle-ice") }) ?? true {
                collector.report(
                    SIPRules.bodySyntax, at: endLocation,
                    package == nil
                        ? "an INFO with a trickle-ICE body has no Info-Package: trickle-ice header (RFC 8840 §4.4)"
                        : "an INFO with a trickle-ICE body names the info package \(package ?? ""), not trickle-ice (RFC 8840 §4.4)"
                )
            }
        }
        return ([], nil)
    }

    private static func sdpOptions(_ options: SIPParseOptions) -> SDPParseOptions {
        SDPParseOptions(strict: options.strict)
    }

    /// SDP findings at `offset` in the body, moved to their line and bytes in the message.
    private static func moved(_ diagnostics: [Diagnostic], by locator: Locator, at offset: Int) -> [Diagnostic] {
        let lineOffset = locator.lines(before: offset)
        return diagnostics.map { diagnostic in
            var moved = diagnostic
            let location = diagnostic.location
            moved.location = SourceLocation(
                line: location.line + locator.line - 1 + lineOffset, column: location.column,
                bytes: (location.bytes.lowerBound + locator.offset + offset)..<(location.bytes.upperBound
                    + locator.offset + offset))
            return moved
        }
    }

    /// Turns byte ranges in the body into locations in the message.
    struct Locator {
        let body: [UInt8]
        let offset: Int
        let line: Int

        /// The number of line feeds before `index` in the body.
        func lines(before index: Int) -> Int {
            var count = 0
            for k in 0..<min(index, body.count) where body[k] == 0x0A { count += 1 }
            return count
        }

        func location(_ range: Range<Int>) -> SourceLocation {
            var lineStart = min(range.lowerBound, body.count)
            while lineStart > 0 && body[lineStart - 1] != 0x0A { lineStart -= 1 }
            return SourceLocation(
                line: line + lines(before: range.lowerBound), column: range.lowerBound - lineStart + 1,
                bytes: (range.lowerBound + offset)..<(range.upperBound + offset))
        }
    }
}
