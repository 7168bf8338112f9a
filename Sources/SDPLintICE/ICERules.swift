public import SDPLintDiagnostics

/// The checks of the ICE module: candidate grammar, credentials, options and ICE server URLs.
///
/// Codes are stable: `ICE1xx` are syntax rules (the text does not match its grammar), `ICE2xx`
/// are semantic rules (the text parses, but contradicts a standard or trips a known
/// implementation). A code is never reused for another meaning.
public enum ICERules {
    /// Every rule of the module, in code order.
    public static let all: [Rule] = [
        missingField, missingType, invalidFoundation, invalidComponentID, invalidTransport,
        invalidPriority, priorityOutOfRange, invalidAddress, invalidPort, incompleteRelatedAddress,
        unknownCandidateType, extensionWithoutValue, invalidExtensionAttribute, trailingWhitespace,
        extraWhitespace, leadingZero, invalidTCPType, duplicateAttribute, attributeOrder,
        invalidUfrag, invalidPassword, invalidICEOption,
        unknownServerScheme, missingServerHost, invalidServerHost, unbracketedIPv6Host,
        invalidServerPort, stunWithTransport, invalidServerQuery, tooManyFindings,
        priorityTypeMismatch, missingRelatedAddress, tcpTypeOnUDP, missingTCPType, unknownTransport,
        foundationConflict, ufragTooLongToSend, hostWithRelatedAddress,
        turnsOverUDP, turnWithoutCredentials, unknownServerTransport,
    ]

    // MARK: - Candidate syntax (RFC 8839 §5.1)

    public static let missingField = Rule(
        code: "ICE101", name: "missing-field", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.1 makes all eight fields before the extensions mandatory; a candidate line that stops \
            short cannot be used, and receivers drop it.
            """,
        summary: "A required field of the candidate is missing.",
        explanation: """
            A candidate has eight fields before its extension attributes: foundation, component ID, \
            transport, priority, connection address, port, and "typ" with the candidate type. A line \
            that ends early cannot be used; receivers drop it.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 2122252543 192.0.2.1",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let missingType = Rule(
        code: "ICE102", name: "missing-type", severity: .error,
        severityRationale:
            """
            Error: the RFC 8839 §5.1 grammar requires typ and a candidate type after the port; without them a receiver \
            cannot tell what kind of candidate it has, and browsers reject the line.
            """,
        summary: "The candidate has no \"typ\" field, or \"typ\" has no value.",
        explanation: """
            `cand-type = "typ" SP candidate-types` must follow the port. Without it a receiver cannot \
            tell a host candidate from a relayed one, and browsers reject the line.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let invalidFoundation = Rule(
        code: "ICE103", name: "invalid-foundation", severity: .error,
        severityRationale:
            """
            Error: the foundation falls outside the 1 to 32 ice-char form of RFC 8839 §5.1, so the line is not a valid \
            candidate and a conforming parser cannot accept it.
            """,
        summary: "The foundation is empty, longer than 32 characters, or has a character that is not an ice-char.",
        explanation: """
            `foundation = 1*32ice-char`, where ice-char is a letter, a digit, "+" or "/". The \
            foundation groups candidates for the frozen algorithm of RFC 8445 §6.1.2.6.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:a-b 1 UDP 2122252543 192.0.2.1 54321 typ host",
        good: "a=candidate:ab 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let invalidComponentID = Rule(
        code: "ICE104", name: "invalid-component-id", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.1 limits the component ID to a number from 1 to 256; any other value names no \
            component, so the line is not a valid candidate.
            """,
        summary: "The component ID is not a number from 1 to 256.",
        explanation: """
            `component-id = 1*3DIGIT`, a positive integer between 1 and 256. RTP uses 1 and RTCP 2; \
            with rtcp-mux only 1 remains.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 0 UDP 2122252543 192.0.2.1 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let invalidTransport = Rule(
        code: "ICE105", name: "invalid-transport", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.1 makes the transport a token; characters outside the token set cannot name any \
            transport, so the candidate line does not parse.
            """,
        summary: "The transport is not a token.",
        explanation: """
            `transport = "UDP" / transport-extension` with `transport-extension = token` \
            (RFC 3261). Characters outside the token set cannot be a transport name.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 U(DP 2122252543 192.0.2.1 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let invalidPriority = Rule(
        code: "ICE106", name: "invalid-priority", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.1 allows only decimal digits in the priority; a sign or hexadecimal breaks the grammar, \
            and the candidate cannot be ranked.
            """,
        summary: "The priority is not a decimal number.",
        explanation: "`priority = 1*10DIGIT`: only the digits 0 to 9, no sign, no hexadecimal.",
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP -5 192.0.2.1 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let priorityOutOfRange = Rule(
        code: "ICE107", name: "priority-out-of-range", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.1 bounds the priority to 1 through 2^31-1; a value outside that cannot come from the \
            RFC 8445 formula and overflows the signed 32-bit fields implementations use.
            """,
        summary: "The priority is 0 or larger than 2^31-1 (2147483647).",
        explanation: """
            A priority is a positive integer between 1 and 2^31-1 inclusive. Larger values cannot come \
            from the RFC 8445 §5.1.2.1 formula and overflow 32-bit signed fields in implementations.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 4294967295 192.0.2.1 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let invalidAddress = Rule(
        code: "ICE108", name: "invalid-address", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.1 requires an IPv4 address, an IPv6 address or a domain name here, and receivers ignore \
            a candidate whose address they cannot recognize, so it can never be used.
            """,
        summary: "The connection address (or raddr) is not an IPv4 address, an IPv6 address or a domain name.",
        explanation: """
            `connection-address` comes from RFC 8866: a dotted-quad IPv4 address with octets up to \
            255, an IPv6 address, or a fully qualified domain name (browsers send mDNS names ending \
            in ".local"). Receivers ignore candidates whose address they cannot recognize.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 2122252543 1.2.3.400 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 1.2.3.40 54321 typ host")

    public static let invalidPort = Rule(
        code: "ICE109", name: "invalid-port", severity: .error,
        severityRationale:
            """
            Error: a port is a 16-bit number (RFC 8839 §5.1); a value above 65535 or one not made of digits addresses \
            no socket, so the candidate is unusable.
            """,
        summary: "The port (or rport) is not a number from 0 to 65535.",
        explanation: "A port is a 16-bit number; anything larger or not made of digits cannot be used.",
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 2122252543 192.0.2.1 70000 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 7000 typ host")

    public static let incompleteRelatedAddress = Rule(
        code: "ICE110", name: "incomplete-related-address", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8839 §5.1's grammar has raddr and rport each optional, and its text wants both on a \
            reflexive or relayed candidate; half a pair is no related address. Chromium 156, Firefox ESR 153, \
            aiortc and webrtcbin take such a line (measured), and the related address serves diagnostics only.
            """,
        summary: "\"raddr\" appears without \"rport\", or \"rport\" without \"raddr\".",
        explanation: """
            The related transport address is an address and a port: RFC 8839 §5.1 gives rel-addr and \
            rel-port as separate optional fields, and requires both on server reflexive, peer reflexive \
            and relayed candidates, where they name the candidate's base.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1",
        good: "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998")

    public static let unknownCandidateType = Rule(
        code: "ICE111", name: "unknown-candidate-type", severity: .warning,
        severityRationale:
            """
            Warning: the RFC 8839 §5.1 grammar admits new type tokens, so the line is valid, but no other type is \
            defined and receivers ignore the candidate, so it contributes nothing.
            """,
        summary: "The candidate type is not host, srflx, prflx or relay.",
        explanation: """
            The grammar allows new candidate types as tokens, but none has been defined; receivers \
            ignore candidates of a type they do not know. The value is kept as written.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ local",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let extensionWithoutValue = Rule(
        code: "ICE112", name: "extension-without-value", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.1 pairs every extension name with a value; a lone name breaks that grammar and shifts \
            every later pair, so the line cannot be read as written.
            """,
        summary: "An attribute name at the end of the candidate has no value.",
        explanation: """
            After the type, the candidate holds name/value pairs (`extension-att-name SP \
            extension-att-value`, and raddr, rport, tcptype). A name without its value usually means \
            a value went missing, which shifts every pair after it.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation 0")

    public static let invalidExtensionAttribute = Rule(
        code: "ICE113", name: "invalid-extension-attribute", severity: .error,
        severityRationale:
            """
            Error: a name that is not a token or a value outside visible ASCII breaks the RFC 8839 §5.1 grammar, and a \
            known attribute with a malformed value does not carry the number it is defined to hold.
            """,
        summary:
            """
            An extension attribute's name is not a token, its value is not visible ASCII, or a known attribute has \
            a malformed value.
            """,
        explanation: """
            `extension-att-name = token` and `extension-att-value = *VCHAR`. The values of the \
            attributes browsers send are numbers: "generation", "network-id" and "network-cost".
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation zero",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation 0")

    public static let trailingWhitespace = Rule(
        code: "ICE114", name: "trailing-whitespace", severity: .warning,
        severityRationale:
            """
            Warning: the RFC 8839 §5.1 grammar has no trailing whitespace, but the candidate still works; parsers \
            differ on it, some reading an empty extension attribute, others a changed last value.
            """,
        summary: "The candidate ends with a space or tab.",
        explanation: """
            The grammar has no trailing whitespace. Some parsers read it as an empty extension \
            attribute, others keep it in the last value.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host␠",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let extraWhitespace = Rule(
        code: "ICE115", name: "extra-whitespace", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8839 §5.1 separates fields with exactly one space; lenient parsers still read the line, but \
            those that split on single spaces see empty fields and shift every field after them.
            """,
        summary: "Fields are separated by more than one space, or by a tab.",
        explanation: """
            The grammar separates fields with exactly one SP. Parsers that split on single spaces \
            see empty fields and shift every field after them.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1  UDP 2122252543 192.0.2.1 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let leadingZero = Rule(
        code: "ICE116", name: "leading-zero", severity: .info,
        severityRationale:
            """
            Note: the RFC 8839 §5.1 grammar permits leading zeros, so the candidate is valid; this only points out an \
            unusual spelling that a parser reading octal would misinterpret.
            """,
        summary: "A number in the candidate has a leading zero.",
        explanation: """
            The grammar allows "007" as a component ID or port, but no implementation writes numbers \
            that way, and a parser reading them as octal would get another value.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 01 UDP 2122252543 192.0.2.1 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let invalidTCPType = Rule(
        code: "ICE117", name: "invalid-tcptype", severity: .error,
        severityRationale:
            """
            Error: RFC 6544 §4.5 allows only active, passive or so as tcptype; any other value leaves the TCP \
            connection role undefined, so the candidate cannot be used.
            """,
        summary: "The tcptype is not active, passive or so.",
        explanation: "`tcp-type = \"active\" / \"passive\" / \"so\"` (RFC 6544 §4.5).",
        reference: .rfc(6544, "4.5"),
        bad: "a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype client",
        good: "a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype active")

    public static let duplicateAttribute = Rule(
        code: "ICE118", name: "duplicate-attribute", severity: .error,
        severityRationale:
            """
            Error: a candidate has one related address and one TCP type (RFC 8839 §5.1); with two, receivers disagree \
            about which one counts, so the candidate has no single meaning.
            """,
        summary: "raddr, rport or tcptype appears twice in one candidate.",
        explanation: """
            A candidate has one related address and one TCP type. With two, receivers disagree about \
            which one counts; this parser keeps the first.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype active tcptype passive",
        good: "a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype active")

    public static let attributeOrder = Rule(
        code: "ICE119", name: "attribute-order", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8839 §5.1 puts raddr and rport right after the type; elsewhere the line still parses as \
            extension attributes, but Firefox's parser reads them only in that position.
            """,
        summary: "raddr and rport are not right after the type, in that order.",
        explanation: """
            The grammar puts `[SP rel-addr] [SP rel-port]` directly after `cand-type` and before the \
            extension attributes. Firefox's parser reads them only there.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx generation 0 raddr 10.0.1.1 rport 8998",
        good: "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998 generation 0")

    // MARK: - Credentials and options (RFC 8839 §5.4, §5.6)

    public static let invalidUfrag = Rule(
        code: "ICE120", name: "invalid-ufrag", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.4 requires the ufrag to be 4 to 256 ice-chars, the minimum carrying the randomness RFC \
            8445 demands; a shorter or malformed value is not a valid ICE credential.
            """,
        summary: "The ICE username fragment is not 4 to 256 ice-chars.",
        explanation: """
            `ufrag = 4*256ice-char` (letters, digits, "+" and "/"). The minimum length carries the 24 \
            bits of randomness RFC 8445 requires.
            """,
        reference: .rfc(8839, "5.4"),
        bad: "a=ice-ufrag:ab",
        good: "a=ice-ufrag:8hhY")

    public static let invalidPassword = Rule(
        code: "ICE121", name: "invalid-pwd", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.4 requires 22 to 256 ice-chars so that the password holds the 128 random bits RFC 8445 \
            asks for, and browsers reject shorter passwords.
            """,
        summary: "The ICE password is not 22 to 256 ice-chars.",
        explanation: """
            `password = 22*256ice-char`. The minimum length carries the 128 bits of randomness \
            RFC 8445 requires; browsers reject shorter passwords.
            """,
        reference: .rfc(8839, "5.4"),
        bad: "a=ice-pwd:tooshort",
        good: "a=ice-pwd:asd88fgpdd777uzjYhagZg")

    public static let invalidICEOption = Rule(
        code: "ICE122", name: "invalid-ice-option", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.6 makes each ice-options tag one or more ice-chars separated by spaces; an empty tag or \
            a foreign character breaks the grammar, so the options are not understood.
            """,
        summary: "An ice-options tag is empty or has a character that is not an ice-char.",
        explanation:
            "`ice-options = \"ice-options:\" ice-option-tag *(SP ice-option-tag)`, `ice-option-tag = 1*ice-char`.",
        reference: .rfc(8839, "5.6"),
        bad: "a=ice-options:trickle,ice2",
        good: "a=ice-options:trickle ice2")

    // MARK: - ICE server URLs (RFC 7064, RFC 7065)

    public static let unknownServerScheme = Rule(
        code: "ICE130", name: "unknown-ice-server-scheme", severity: .error,
        severityRationale:
            """
            Error: only stun, stuns, turn and turns are defined (RFC 7064, RFC 7065), and RTCPeerConnection rejects \
            any other scheme with a SyntaxError, so the configuration fails.
            """,
        summary: "The ICE server URL does not start with stun:, stuns:, turn: or turns:.",
        explanation: """
            RFC 7064 defines the "stun" and "stuns" schemes and RFC 7065 "turn" and "turns"; \
            RTCPeerConnection rejects any other scheme with a SyntaxError.
            """,
        reference: .rfc(7064, "3.1"),
        bad: "stun.l.example.org:19302",
        good: "stun:stun.l.example.org:19302")

    public static let missingServerHost = Rule(
        code: "ICE131", name: "missing-ice-server-host", severity: .error,
        severityRationale:
            """
            Error: the RFC 7064 §3.1 URI grammar requires a host; without one there is no server to contact, so the \
            URL is invalid and cannot be used.
            """,
        summary: "The ICE server URL has no host.",
        explanation: "`stunURI = scheme \":\" host [ \":\" port ]`: the host is required.",
        reference: .rfc(7064, "3.1"),
        bad: "turn::3478",
        good: "turn:turn.example.org:3478")

    public static let invalidServerHost = Rule(
        code: "ICE132", name: "invalid-ice-server-host", severity: .error,
        severityRationale:
            """
            Error: RFC 7064 §3.1 takes the host from RFC 3986; a value that is no IPv4 address, bracketed IPv6 address \
            or host name, such as one starting with //, names no reachable server.
            """,
        summary: "The ICE server host is not an IPv4 address, a bracketed IPv6 address or a host name.",
        explanation: """
            The host follows RFC 3986. STUN and TURN URIs have no authority part, so "stun://host" \
            is wrong: the "//" becomes part of the host.
            """,
        reference: .rfc(7064, "3.1"),
        bad: "stun://stun.example.org",
        good: "stun:stun.example.org")

    public static let unbracketedIPv6Host = Rule(
        code: "ICE133", name: "unbracketed-ipv6-host", severity: .error,
        severityRationale:
            """
            Error: RFC 3986 §3.2.2 requires square brackets around an IPv6 host; without them the last group cannot be \
            told from the port, so the server address cannot be read reliably.
            """,
        summary: "An IPv6 host in an ICE server URL is not in square brackets.",
        explanation: """
            RFC 3986 writes IPv6 hosts as `IP-literal = "[" IPv6address "]"`; without brackets the \
            last group cannot be told from the port.
            """,
        reference: .rfc(3986, "3.2.2"),
        bad: "turn:2001:db8::1:3478",
        good: "turn:[2001:db8::1]:3478")

    public static let invalidServerPort = Rule(
        code: "ICE134", name: "invalid-ice-server-port", severity: .error,
        severityRationale:
            """
            Error: a server port must be a number from 1 to 65535 (RFC 7065 §3.1); an empty, non-numeric, zero or \
            larger value addresses no server.
            """,
        summary: "The ICE server port is empty, not a number, 0 or larger than 65535.",
        explanation:
            """
            A server port is a number from 1 to 65535; leave the port out to use the default (3478, or 5349 for \
            stuns/turns).
            """,
        reference: .rfc(7065, "3.1"),
        bad: "turn:turn.example.org:70000",
        good: "turn:turn.example.org:3478")

    public static let stunWithTransport = Rule(
        code: "ICE135", name: "stun-with-transport", severity: .error,
        severityRationale:
            """
            Error: the STUN URI grammar of RFC 7064 §3.1 has no query, and Chromium rejects a stun: or stuns: URL that \
            has one, so the server cannot be configured.
            """,
        summary: "A stun: or stuns: URL has a query such as ?transport=.",
        explanation: """
            Only TURN URIs take `?transport=` (RFC 7065); the STUN URI grammar of RFC 7064 has no \
            query, and Chromium rejects such a URL.
            """,
        reference: .rfc(7064, "3.1"),
        bad: "stun:stun.example.org:3478?transport=udp",
        good: "stun:stun.example.org:3478")

    public static let invalidServerQuery = Rule(
        code: "ICE136", name: "invalid-ice-server-query", severity: .error,
        severityRationale:
            """
            Error: RFC 7065 §3.1 allows only ?transport= followed by a transport name as the query of a TURN URI; any \
            other query breaks the grammar, so the URL is invalid.
            """,
        summary: "The query of a TURN URL is not \"?transport=\" followed by a transport name.",
        explanation:
            """
            `turnURI = scheme \":\" host [ \":\" port ] [ \"?transport=\" transport ]`, with `transport = \"udp\" \
            / \"tcp\" / transport-ext` and `transport-ext = 1*unreserved`.
            """,
        reference: .rfc(7065, "3.1"),
        bad: "turn:turn.example.org?proto=udp",
        good: "turn:turn.example.org?transport=udp")

    public static let tooManyFindings = Rule.tooManyFindings(
        code: "ICE199", severity: .warning, reference: .rfc(8839, "5.1"))

    // MARK: - Semantics

    public static let priorityTypeMismatch = Rule(
        code: "ICE201", name: "priority-type-mismatch", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8445 §5.1.2 only recommends the type preferences, so the candidate is valid, but a mismatch \
            makes ICE prefer a detour through a TURN server over a direct path.
            """,
        summary: "The type preference in the priority contradicts the candidate type.",
        explanation: """
            The top byte of a priority is the type preference (RFC 8445 §5.1.2.1), from 0 to 126. The \
            recommended values are host 126, prflx 110, srflx 100 and relay 0 (§5.1.2.2). A relay \
            ranked with host candidates, or above a host candidate of the same agent, makes ICE \
            prefer a detour through a TURN server over a direct path.
            """,
        reference: .rfc(8445, "5.1.2"),
        bad: "a=candidate:3 1 UDP 2130706431 198.51.100.7 3478 typ relay raddr 192.0.2.3 rport 45664",
        good: "a=candidate:3 1 UDP 16777215 198.51.100.7 3478 typ relay raddr 192.0.2.3 rport 45664")

    public static let missingRelatedAddress = Rule(
        code: "ICE202", name: "missing-related-address", severity: .warning,
        severityRationale:
            """
            Warning: the candidate is otherwise usable, but it lacks the raddr and rport that RFC 8839 §5.1 requires \
            for these types, and Firefox has rejected srflx candidates without them (libjuice#10).
            """,
        summary: "A server-reflexive, peer-reflexive or relayed candidate has no raddr/rport.",
        explanation: """
            RFC 8839 §5.1: rel-addr and rel-port MUST be present for srflx, prflx and relay \
            candidates; to hide them, send "0.0.0.0" (or "::") and port 0. Firefox has rejected \
            srflx candidates without them (paullouisageneau/libjuice#10).
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx",
        good: "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 0.0.0.0 rport 0")

    public static let tcpTypeOnUDP = Rule(
        code: "ICE203", name: "tcptype-on-udp", severity: .warning,
        severityRationale:
            """
            Warning: RFC 6544 §4.5 defines tcptype for TCP candidates only; on a UDP candidate it carries no meaning, \
            but it shows that the transport or the attribute is wrong.
            """,
        summary: "A UDP candidate has a tcptype attribute.",
        explanation:
            """
            The tcptype attribute of RFC 6544 §4.5 describes TCP candidates only; on a UDP candidate it means the \
            transport or the attribute is wrong.
            """,
        reference: .rfc(6544, "4.5"),
        bad: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host tcptype active",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let missingTCPType = Rule(
        code: "ICE204", name: "missing-tcptype", severity: .warning,
        severityRationale:
            """
            Warning: the candidate is otherwise well-formed, but it misses the tcptype that RFC 6544 §4.5 requires, \
            and Firefox cannot parse a TCP candidate without it (jitsi/ice4j#282).
            """,
        summary: "A TCP candidate has no tcptype attribute.",
        explanation: """
            RFC 6544 §4.5 requires the tcptype (active, passive or so) on every TCP candidate. \
            Firefox cannot parse a TCP candidate without it (jitsi/ice4j#282).
            """,
        reference: .rfc(6544, "4.5"),
        bad: "a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host",
        good: "a=candidate:1 1 TCP 2105524479 192.0.2.1 9 typ host tcptype active")

    public static let unknownTransport = Rule(
        code: "ICE205", name: "unknown-transport", severity: .warning,
        severityRationale:
            """
            Warning: the RFC 8839 §5.1 grammar accepts other transport tokens, so the line is valid, but only UDP and \
            TCP are registered and browsers ignore candidates of any other transport.
            """,
        summary: "The transport is neither UDP nor TCP.",
        explanation: """
            The grammar allows other transports as tokens, but only UDP (RFC 8839) and TCP \
            (RFC 6544) are registered, and browsers ignore candidates of any other transport.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 SCTP 2122252543 192.0.2.1 54321 typ host",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let foundationConflict = Rule(
        code: "ICE206", name: "foundation-conflict", severity: .warning,
        severityRationale:
            """
            Warning: the candidates still work, but RFC 8445 §5.1.1.3 ties a foundation to one type, base, transport \
            and server, and a reused one makes the frozen algorithm hold checks behind unrelated candidates.
            """,
        summary: "One foundation is used for candidates of different types, transports or bases.",
        explanation: """
            RFC 8445 §5.1.1.3: candidates share a foundation exactly when they have the same type, \
            base IP address, transport and STUN/TURN server. The frozen algorithm unfreezes pairs by \
            foundation, so a reused foundation makes checks wait on an unrelated candidate.
            """,
        reference: .rfc(8445, "5.1.1.3"),
        bad:
            """
            a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host\na=candidate:1 1 TCP 2105524479 192.0.2.1 9 \
            typ host tcptype active
            """,
        good:
            """
            a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host\na=candidate:2 1 TCP 2105524479 192.0.2.1 9 \
            typ host tcptype active
            """
    )

    public static let ufragTooLongToSend = Rule(
        code: "ICE207", name: "ufrag-too-long-to-send", severity: .warning,
        severityRationale:
            """
            Warning: receivers must accept a ufrag of up to 256 characters, so this works, but RFC 8839 §5.4 forbids \
            an agent to send more than 32, for the size limit of the STUN USERNAME attribute.
            """,
        summary: "The ICE username fragment is longer than 32 characters.",
        explanation: """
            Receivers must accept up to 256 characters, but an agent MUST NOT send a ufrag longer \
            than 32 characters, for the 512-byte limit of the STUN USERNAME attribute.
            """,
        reference: .rfc(8839, "5.4"),
        bad: "a=ice-ufrag:" + String(repeating: "a", count: 40),
        good: "a=ice-ufrag:8hhY")

    public static let hostWithRelatedAddress = Rule(
        code: "ICE208", name: "host-with-related-address", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8839 §5.1 says a host candidate must omit raddr and rport; the candidate still works, since a \
            host candidate is its own base and the extra pair tells a receiver nothing.
            """,
        summary: "A host candidate has raddr/rport.",
        explanation:
            """
            RFC 8839 §5.1: for host candidates, rel-addr and rel-port MUST be omitted; a host candidate is its own \
            base.
            """,
        reference: .rfc(8839, "5.1"),
        bad: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host raddr 0.0.0.0 rport 0",
        good: "a=candidate:1 1 UDP 2122252543 192.0.2.1 54321 typ host")

    public static let turnsOverUDP = Rule(
        code: "ICE210", name: "turns-over-udp", severity: .warning,
        severityRationale:
            """
            Warning: turns over UDP asks for TURN over DTLS, which browsers do not implement; Chromium falls back to \
            TLS/TCP and Firefox fails (l7mp/stunner#167), so it works only by accident.
            """,
        summary: "A turns: URL asks for ?transport=udp.",
        explanation: """
            "turns" with UDP means TURN over DTLS, which RFC 7065 leaves to RFC 7350 and browsers do \
            not implement: Chromium silently connects over TLS/TCP instead and Firefox fails \
            (l7mp/stunner#167). Use "turns:…?transport=tcp" or "turn:…?transport=udp".
            """,
        reference: .rfc(7065, "3.1"),
        bad: "turns:turn.example.org:5349?transport=udp",
        good: "turns:turn.example.org:5349?transport=tcp")

    public static let turnWithoutCredentials = Rule(
        code: "ICE211", name: "turn-without-credentials", severity: .error,
        severityRationale:
            """
            Error: TURN servers authenticate every allocation (RFC 8656 §9.2), and RTCPeerConnection throws \
            InvalidAccessError for a TURN URL without both a username and a credential.
            """,
        summary: "A TURN server has no username or no credential.",
        explanation: """
            TURN servers authenticate every allocation (RFC 8656 §9.2), and RTCPeerConnection throws \
            InvalidAccessError for a turn: or turns: URL without both a username and a credential \
            (W3C webrtc-pc, "set the configuration").
            """,
        reference: .rfc(8656, "9.2"),
        bad: "{\"urls\": \"turn:turn.example.org\"}",
        good: "{\"urls\": \"turn:turn.example.org\", \"username\": \"u\", \"credential\": \"p\"}")

    public static let unknownServerTransport = Rule(
        code: "ICE212", name: "unknown-ice-server-transport", severity: .warning,
        severityRationale:
            """
            Warning: RFC 7065 §3.1 admits transport extensions, so the URL is grammatical, but no extension is \
            registered and browsers reject the URL.
            """,
        summary: "A TURN URL names a transport other than udp or tcp.",
        explanation: "RFC 7065 allows transport extensions, but none is registered and browsers reject the URL.",
        reference: .rfc(7065, "3.1"),
        bad: "turn:turn.example.org?transport=tls",
        good: "turns:turn.example.org?transport=tcp")
}

extension ICERules: RuleSet {
    public static let title = "ICE candidates, credentials and servers (RFC 8839, 8445, 7064, 7065)"
}
