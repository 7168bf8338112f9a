public import SDPLintDiagnostics
public import SDPLintICE
public import SDPLintJSON

/// STUN and TURN server configuration as signaling carries it: `RTCConfiguration.iceServers`
/// JSON (W3C webrtc-pc §4.2.1, §4.2.4) and the WHIP/WHEP `Link: <…>; rel="ice-server"` header
/// (RFC 9725 §4.6), both ways, onto ICE's `ICEServer`.
///
/// URL findings are ICE's own (`ICE130`–`ICE136`, `ICE210` turns with `?transport=udp`,
/// `ICE211` TURN without credentials, `ICE212`), placed at the URL in the input.
///
/// ```swift
/// let (servers, findings) = ICEServerConfiguration.read(json: Array(#"{"iceServers":[{"urls":"turn:t.example.net"}]}"#.utf8))
/// // findings: 1:32: error[ICE211]: the TURN server 'turn:t.example.net' has no username and no credential …
/// ICEServerConfiguration.linkValues(for: servers[0].value)   // [<turn:t.example.net>; rel="ice-server"]
/// ```
public enum ICEServerConfiguration {
    // MARK: JSON

    /// Reads `{"iceServers":[…]}` (an `RTCConfiguration`), a JSON array of `RTCIceServer`, or one
    /// `RTCIceServer`.
    ///
    /// - Returns: Each server at the location of its object, and every finding.
    /// - Complexity: O(n) in the size of the input.
    public static func read(
        json bytes: [UInt8], options: JSONParseOptions = .lenient
    ) -> (servers: [Located<ICEServer>], diagnostics: [Diagnostic]) {
        let parsed = JSONDocument.parse(bytes: bytes, options: options)
        let (document, diagnostics) = (parsed.value, parsed.diagnostics)
        guard let document else { return ([], diagnostics) }
        return read(document, in: bytes, diagnostics: diagnostics, options: options)
    }

    /// Reads the servers of a JSON text parsed already; its findings are kept.
    public static func read(
        _ document: JSONDocument, in bytes: [UInt8], diagnostics: [Diagnostic], options: JSONParseOptions = .lenient
    ) -> (servers: [Located<ICEServer>], diagnostics: [Diagnostic]) {
        var reader = JSONReader(bytes: bytes, index: SourceText(bytes), strict: options.strict)
        reader.diagnostics = diagnostics
        let root = document.root
        if let list = root["iceServers"] {
            reader.readList(list)
        } else if case .array = root.value {
            reader.readList(root)
        } else {
            reader.readServer(root)
        }
        return (reader.servers, reader.diagnostics)
    }

    /// `{"iceServers":[…]}` with each server's `urls` (a string when there is one), `username`
    /// and `credential`.
    public static func json(_ servers: [ICEServer], format: JSONWriter.Format = .compact) -> String {
        var writer = JSONWriter(format: format)
        writer.object { configuration in
            configuration.member(
                "iceServers",
                array: { list in
                    for server in servers {
                        list.object { object in
                            if server.urls.count == 1, let url = server.urls.first {
                                object.member("urls", url.description)
                            } else {
                                object.member("urls", strings: server.urls.map(\.description))
                            }
                            object.member("username", ifPresent: server.username)
                            object.member("credential", ifPresent: server.credential)
                        }
                    }
                })
        }
        return writer.output
    }

    struct JSONReader {
        let bytes: [UInt8]
        let index: SourceText
        let strict: Bool
        var servers: [Located<ICEServer>] = []
        var diagnostics: [Diagnostic] = []

        mutating func access<T>(_ body: () throws(JSONAccessError) -> T) -> T? {
            do { return try body() } catch {
                diagnostics.append(error.diagnostic)
                return nil
            }
        }

        func at(_ node: JSONNode) -> SourceLocation {
            node.location ?? SourceLocation(line: 1, column: 1, bytes: 0..<0)
        }

        mutating func readList(_ node: JSONNode) {
            guard case .array = node.value else {
                _ = access { () throws(JSONAccessError) -> [JSONValue] in try node.decode(as: [JSONValue].self) }
                return
            }
            for element in node.elements { readServer(element) }
        }

        mutating func readServer(_ node: JSONNode) {
            guard case .object = node.value else {
                _ = access { () throws(JSONAccessError) -> JSONObject in try node.decode(as: JSONObject.self) }
                return
            }
            guard let urlsNode = node["urls"] ?? node["url"] else {
                _ = access { () throws(JSONAccessError) -> String in try node.required("urls", as: String.self) }
                return
            }
            var urlNodes: [JSONNode] = []
            switch urlsNode.value {
            case .string: urlNodes = [urlsNode]
            case .array:
                urlNodes = urlsNode.elements
                for element in urlNodes where element.value.stringValue == nil {
                    _ = access { () throws(JSONAccessError) -> String in try element.decode(as: String.self) }
                }
                urlNodes = urlNodes.filter { $0.value.stringValue != nil }
            default:
                diagnostics.append(
                    JSONRules.typeMismatch.diagnostic(
                        at: at(urlsNode),
                        "expected a string or an array of strings at \(urlsNode.path), found \(urlsNode.value.kind)",
                        strict: strict))
                return
            }
            if urlNodes.isEmpty {
                diagnostics.append(
                    SignalingRules.iceServerEmptyURLs.diagnostic(
                        at: at(urlsNode),
                        "the RTCIceServer at \(node.path) has no URL", strict: strict))
                return
            }
            let username =
                access { () throws(JSONAccessError) -> String? in try node.optional("username", as: String.self) }
                ?? nil
            let credential =
                access { () throws(JSONAccessError) -> String? in try node.optional("credential", as: String.self) }
                ?? nil
            if let typeNode = node["credentialType"], let type = typeNode.value.stringValue, type != "password" {
                diagnostics.append(
                    SignalingRules.credentialType.diagnostic(
                        at: at(typeNode),
                        "the credentialType \(JSONWriter.quoted(type)) at \(typeNode.path) is not \"password\"",
                        strict: strict))
            }
            var urls: [ICEServerURL] = []
            var locations: [SourceLocation] = []
            for urlNode in urlNodes {
                guard let text = urlNode.value.stringValue else { continue }
                let parsed = ICEServerURL.parse(text, options: ICEParseOptions(strict: strict))
                let (url, findings) = (parsed.value, parsed.diagnostics)
                if let offsets = urlNode.sourceOffsets(in: bytes) {
                    diagnostics += findings.map { index.relocate($0, offsets: offsets) }
                } else {
                    diagnostics += findings
                }
                if let url {
                    urls.append(url)
                    locations.append(at(urlNode))
                }
            }
            guard !urls.isEmpty else { return }
            let server = ICEServer(urls: urls, username: username, credential: credential)
            diagnostics += ICEServerConfiguration.check(server, at: locations, strict: strict)
            servers.append(Located(server, at: at(node)))
        }
    }

    /// ICE's server checks (`ICE211`) and `SIG405`, each at its URL's location.
    package static func check(_ server: ICEServer, at locations: [SourceLocation], strict: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for finding in server.validate() where locations.indices.contains(finding.index) {
            diagnostics.append(finding.diagnostic(at: locations[finding.index], strict: strict))
        }
        if server.urls.allSatisfy({ $0.scheme.isSTUN }), server.username != nil || server.credential != nil,
            let first = locations.first
        {
            diagnostics.append(
                SignalingRules.stunWithCredentials.diagnostic(
                    at: first,
                    "the server '\(server.urls.first?.description ?? "")' is STUN only but has a username or credential; only TURN uses them",
                    strict: strict))
        }
        return diagnostics
    }

    // MARK: Link header

    /// Reads the ice-server links of `Link` header values (RFC 9725 §4.6, RFC 8288 §3): one
    /// server per link, with its `username`, `credential` and `credential-type` parameters.
    ///
    /// ```
    /// Link: <turn:turn.example.net?transport=udp>; rel="ice-server"; username="user"; credential="myPassword"; credential-type="password"
    /// ```
    ///
    /// - Parameters:
    ///   - values: Each value with the byte offset of its first byte in `input`.
    ///   - input: The input the findings are located in (empty: locations are in the value itself).
    /// - Returns: The servers in order, each at its link's location, and every finding. Links with
    ///   another relation are skipped with `SIG403`.
    /// - Complexity: O(n) in the total length of the values.
    public static func read(
        linkValues values: [(value: String, offset: Int)], in input: [UInt8] = []
    ) -> (servers: [Located<ICEServer>], diagnostics: [Diagnostic]) {
        let index = SourceText(input)
        var servers: [Located<ICEServer>] = []
        var diagnostics: [Diagnostic] = []
        for (value, offset) in values {
            let base = input.isEmpty ? 0 : offset
            let local = SourceText(Array(value.utf8))
            func place(_ diagnostic: Diagnostic) -> Diagnostic {
                input.isEmpty ? local.relocate(diagnostic, base: 0) : index.relocate(diagnostic, base: base)
            }
            var parser = LinkParser(bytes: Array(value.utf8))
            let links = parser.parse()
            diagnostics += parser.diagnostics.map(place)
            for link in links {
                let here = place(
                    SignalingRules.linkSyntax.diagnostic(at: SourceLocation(line: 1, column: 1, bytes: link.range), ""))
                guard link.relations.contains("ice-server") else {
                    diagnostics.append(
                        SignalingRules.linkNotICEServer.diagnostic(
                            at: here.location,
                            "the link to '\(link.target)' has rel=\"\(link.relations.joined(separator: " "))\", not ice-server; it is skipped"
                        ))
                    continue
                }
                let parsed = ICEServerURL.parse(link.target)
                let (url, findings) = (parsed.value, parsed.diagnostics)
                diagnostics += findings.map { finding in
                    var moved = finding
                    let bytes = finding.location.bytes
                    moved.location = SourceLocation(
                        line: 1, column: 1,
                        bytes: (link.targetRange.lowerBound + bytes.lowerBound)..<(link.targetRange.lowerBound
                            + bytes.upperBound))
                    return place(moved)
                }
                if let type = link.parameters["credential-type"], type != "password" {
                    diagnostics.append(
                        SignalingRules.credentialType.diagnostic(
                            at: here.location,
                            "the credential-type \"\(type)\" of the link to '\(link.target)' is not \"password\""))
                }
                guard let url else { continue }
                let server = ICEServer(
                    urls: [url], username: link.parameters["username"], credential: link.parameters["credential"])
                diagnostics += check(server, at: [here.location], strict: false)
                servers.append(Located(server, at: here.location))
            }
        }
        return (servers, diagnostics)
    }

    /// The `Link` header values for `server`: one per URL (RFC 9725 §4.6), with the credentials
    /// as quoted strings and `credential-type="password"` when there is a credential.
    public static func linkValues(for server: ICEServer) -> [String] {
        server.urls.map { url in
            var value = "<" + url.description + ">; rel=\"ice-server\""
            if let username = server.username { value += "; username=" + quotedString(username) }
            if let credential = server.credential {
                value += "; credential=" + quotedString(credential) + "; credential-type=\"password\""
            }
            return value
        }
    }

    /// `quoted-string` of RFC 9110 §5.6.4: `"` and `\` escaped with a backslash.
    static func quotedString(_ text: String) -> String {
        var output = "\""
        for character in text {
            if character == "\"" || character == "\\" { output.append("\\") }
            output.append(character)
        }
        return output + "\""
    }
}

/// One link of a Link header value (RFC 8288 §3).
struct LinkValue {
    var target: String
    /// The bytes of the target inside the angle brackets, in the value.
    var targetRange: Range<Int>
    /// The whole link, in the value.
    var range: Range<Int>
    /// Parameter values by lower-cased name; the first of each name counts (RFC 8288 §3).
    var parameters: [String: String]
    /// The relation types of `rel`, lower-cased.
    var relations: [String]
}

/// The parser of `Link = #link-value`, `link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )`,
/// `link-param = token BWS [ "=" BWS ( token / quoted-string ) ]` (RFC 8288 §3).
struct LinkParser {
    let bytes: [UInt8]
    var position = 0
    var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func fail(_ range: Range<Int>, _ message: String) {
        diagnostics.append(
            SignalingRules.linkSyntax.diagnostic(
                at: SourceLocation(line: 1, column: range.lowerBound + 1, bytes: range), message))
    }

    mutating func skipSpace() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    /// Skips to after the next comma outside quotes and brackets, after an error.
    mutating func recover() {
        var quoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\\") { position += 1 } else if byte == UInt8(ascii: "\"") { quoted = false }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                return
            }
        }
    }

    mutating func parse() -> [LinkValue] {
        var links: [LinkValue] = []
        while true {
            skipSpace()
            while position < bytes.count, bytes[position] == UInt8(ascii: ",") {
                position += 1
                skipSpace()
            }
            guard position < bytes.count else { return links }
            let start = position
            guard bytes[position] == UInt8(ascii: "<") else {
                fail(
                    position..<min(bytes.count, position + 1),
                    """
                    a link starts with '<' and the URI; found \
                    '\(String(decoding: bytes[position..<min(bytes.count, position + 20)], as: UTF8.self))'
                    """
                )
                recover()
                continue
            }
            guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else {
                fail(position..<bytes.count, "the URI of the link has no closing '>'")
                return links
            }
            let targetRange = (position + 1)..<close
            position = close + 1
            var parameters: [String: String] = [:]
            var valid = true
            while valid {
                skipSpace()
                guard position < bytes.count, bytes[position] != UInt8(ascii: ",") else { break }
                guard bytes[position] == UInt8(ascii: ";") else {
                    fail(
                        position..<(position + 1),
                        "expected ';' before a link parameter, found '\(Character(Unicode.Scalar(bytes[position])))'")
                    valid = false
                    break
                }
                position += 1
                skipSpace()
                let nameStart = position
                while position < bytes.count, HTTPParser.isToken(bytes[position]) { position += 1 }
                guard position > nameStart else {
                    fail(nameStart..<min(bytes.count, nameStart + 1), "a link parameter has no name")
                    valid = false
                    break
                }
                let name = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
                skipSpace()
                var value = ""
                if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    skipSpace()
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        guard let text = quotedString() else {
                            valid = false
                            break
                        }
                        value = text
                    } else {
                        let valueStart = position
                        while position < bytes.count, HTTPParser.isToken(bytes[position]) { position += 1 }
                        if position == valueStart {
                            fail(
                                valueStart..<min(bytes.count, valueStart + 1),
                                "the parameter \(name) has no value after '='")
                            valid = false
                            break
                        }
                        value = String(decoding: bytes[valueStart..<position], as: UTF8.self)
                    }
                }
                if parameters[name] == nil { parameters[name] = value }
            }
            guard valid else {
                recover()
                continue
            }
            let relations = (parameters["rel"] ?? "").lowercased().split(separator: " ").map(String.init)
            links.append(
                LinkValue(
                    target: String(decoding: bytes[targetRange], as: UTF8.self), targetRange: targetRange,
                    range: start..<position, parameters: parameters, relations: relations))
        }
    }

    /// `quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE` at ``position``.
    mutating func quotedString() -> String? {
        let start = position
        position += 1
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\\") {
                guard position < bytes.count else { break }
                output.append(bytes[position])
                position += 1
            } else if byte == UInt8(ascii: "\"") {
                return String(decoding: output, as: UTF8.self)
            } else {
                output.append(byte)
            }
        }
        fail(start..<bytes.count, "the quoted string has no closing quotation mark")
        return nil
    }
}
