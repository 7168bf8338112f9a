import SDPLintDiagnostics
import SDPLintScanning

/// Readers for the values of the typed lines (o=, c=, b=, t=, r=, z=, m=), each reporting what
/// it finds wrong and returning the best model it can.
enum LineParser {
    private static func scanner(_ range: Range<Int>) -> ValueScanner {
        var scanner = ValueScanner(value: range)
        scanner.isLineField = true
        return scanner
    }

    // MARK: o= (RFC 8866 §5.2)

    static func origin(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> SessionDescription.Origin {
        let rule = SDPRules.originSyntax
        var scanner = scanner(range)
        // The six fields, without an array to allocate.
        var fields = FieldRanges(repeating: range.lowerBound..<range.lowerBound)
        var count = 0
        while count < 6, let field = scanner.field(bytes, &diagnostics) {
            fields[count] = field
            count += 1
        }
        if count < 6 {
            diagnostics.report(
                rule, range,
                """
                o= has \(count) fields; 6 are required: <username> <sess-id> <sess-version> <nettype> <addrtype> \
                <unicast-address>
                """
            )
        }
        Field.noMore(&scanner, bytes, rule, "the address", &diagnostics)
        // With a field missing, which one is not known ("o=2987933123 2987933123 IN IP4
        // 198.51.100.7" of RFC 7006 has no username): the fields are not checked one by one,
        // so that the line gets one finding.
        if count == 6 { checkOriginFields(bytes, fields, &diagnostics) }
        let version = count > 2 ? (try? DecimalDigits.parse(bytes, fields[2], as: UInt64.self).get()) ?? 0 : 0
        return SessionDescription.Origin(
            username: count > 0 ? Common.username(bytes, fields[0]) : "",
            sessionID: count > 1 ? Bytes.string(bytes, fields[1]) : "",
            sessionVersion: version,
            networkType: count > 3 ? Common.networkType(bytes, fields[3]) : "",
            addressType: Connection.AddressType(rawValue: count > 4 ? Common.addressType(bytes, fields[4]) : ""),
            address: count > 5 ? Common.address(bytes, fields[5]) : "")
    }

    /// The checks of each of o='s six fields.
    private static func checkOriginFields(
        _ bytes: Span<UInt8>, _ fields: FieldRanges, _ diagnostics: inout DiagnosticCollector
    ) {
        let rule = SDPRules.originSyntax
        for (field, what) in [(1, "session id"), (2, "session version")] {
            let number = fields[field]
            if number.isEmpty || Bytes.firstIndex(notIn: .digit, bytes, number) != nil {
                diagnostics.report(
                    SDPRules.originSessionID, number, "\(what) '\(Bytes.string(bytes, number))' is not a decimal number"
                )
            } else {
                originNumberRange(bytes, number, what, &diagnostics)
            }
        }
        Field.token(bytes, fields[3], "network type", rule, &diagnostics)
        checkNetworkType(bytes, fields[3], &diagnostics)
        Field.token(bytes, fields[4], "address type", rule, &diagnostics)
        checkAddressType(bytes, fields[4], networkType: fields[3], &diagnostics)
        checkUnicastAddress(bytes, fields[5], addressType: fields[4], &diagnostics)
    }

    /// Whether an o= session id or version, all digits, fits RFC 3264 §5's 64-bit signed
    /// integer (SDP137).
    private static func originNumberRange(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ what: String, _ diagnostics: inout DiagnosticCollector
    ) {
        let value = try? DecimalDigits.parse(bytes, range, as: UInt64.self).get()
        if value.map({ $0 > UInt64(Int64.max) }) ?? true {
            diagnostics.report(
                SDPRules.originNumberRange, range,
                "\(what) \(Bytes.string(bytes, range)) does not fit a 64-bit signed integer (at most 9223372036854775807)"
            )
        }
    }

    // MARK: c= (RFC 8866 §5.7)

    static func connection(
        _ bytes: Span<UInt8>, _ range: Range<Int>, rule: Rule = SDPRules.connectionSyntax,
        _ diagnostics: inout DiagnosticCollector
    ) -> Connection {
        let fields = scanConnection(bytes, range, rule: rule, &diagnostics)
        return Connection(
            networkType: fields.networkType.map { Common.networkType(bytes, $0) } ?? "",
            addressType: Connection.AddressType(
                rawValue: fields.addressType.map { Common.addressType(bytes, $0) } ?? ""),
            address: Common.address(bytes, fields.address), ttl: fields.ttl, numberOfAddresses: fields.numberOfAddresses
        )
    }

    /// The parts of a connection, as byte ranges and numbers.
    struct ConnectionFields {
        var networkType: Range<Int>?
        var addressType: Range<Int>?
        /// Empty when the line has too few fields.
        var address: Range<Int>
        var ttl: Int?
        var numberOfAddresses: Int?
    }

    /// Checks a connection (c= or the address part of a=rtcp) without making strings.
    static func scanConnection(
        _ bytes: Span<UInt8>, _ range: Range<Int>, rule: Rule = SDPRules.connectionSyntax,
        _ diagnostics: inout DiagnosticCollector
    ) -> ConnectionFields {
        // The usual form, "<token> IP4|IP6 <unicast IP address>" with single spaces and no
        // suffix, has nothing to report.
        if var cursor = CanonicalCursor(bytes, range), let nettype = cursor.token(bytes), cursor.space(bytes),
            let addrtype = cursor.token(bytes), cursor.space(bytes), let address = cursor.field(bytes), cursor.isAtEnd,
            Bytes.firstIndex(of: ASCII.slash, in: bytes, address) == address.upperBound
        {
            let internet = isInternet(bytes, nettype)
            if internet, Bytes.equalsIgnoringCase(bytes, addrtype, "IP4"), let first = Address.ipv4(bytes, address),
                first < 224 || first > 239
            {
                return ConnectionFields(networkType: nettype, addressType: addrtype, address: address)
            }
            if internet, Bytes.equalsIgnoringCase(bytes, addrtype, "IP6"), let group = Address.ipv6(bytes, address),
                group >> 8 != 0xFF
            {
                return ConnectionFields(networkType: nettype, addressType: addrtype, address: address)
            }
        }
        var scanner = scanner(range)
        let nettype = scanner.field(bytes, &diagnostics)
        let addrtype = scanner.field(bytes, &diagnostics)
        let addressField = scanner.field(bytes, &diagnostics)
        Field.noMore(&scanner, bytes, rule, "the connection address", &diagnostics)
        guard let nettype, let addrtype, let addressField else {
            diagnostics.report(rule, range, "connection needs three fields: <nettype> <addrtype> <connection-address>")
            return ConnectionFields(
                networkType: nettype, addressType: addrtype, address: range.lowerBound..<range.lowerBound)
        }
        // In a=rtcp (RFC 3605 §2.1) the connection is the attribute's value: its findings are
        // the attribute's, which receivers that do not read it skip.
        let inAttribute = rule.code != SDPRules.connectionSyntax.code
        let typeRule = inAttribute ? rule : SDPRules.unregisteredType
        Field.token(bytes, nettype, "network type", rule, &diagnostics)
        checkNetworkType(bytes, nettype, rule: typeRule, &diagnostics)
        Field.token(bytes, addrtype, "address type", rule, &diagnostics)
        checkAddressType(bytes, addrtype, networkType: nettype, rule: typeRule, &diagnostics)
        var parts = ValueScanner(addressField)
        let base = parts.upTo(ASCII.slash, bytes)
        var ttl: Int?
        var count: Int?
        var suffixes: [Range<Int>] = []
        if base.found {
            while !parts.isAtEnd || suffixes.isEmpty {
                suffixes.append(parts.upTo(ASCII.slash, bytes).range)
                if suffixes.count > 2 { break }
            }
        }
        let isIP4 = Bytes.equalsIgnoringCase(bytes, addrtype, "IP4")
        let isIP6 = Bytes.equalsIgnoringCase(bytes, addrtype, "IP6")
        var multicast = false
        // A domain name may name a multicast group (RFC 8866 §5.7: multicast-address includes
        // FQDN; RFC 4570 §3.2.6 gives one a TTL), so its '/' suffixes are read, not refused.
        var domainName = false
        if isIP4, let first = Address.ipv4(bytes, base.range) {
            multicast = first >= 224 && first <= 239
        } else if isIP6, let group = Address.ipv6(bytes, base.range) {
            multicast = group >> 8 == 0xFF
        } else if isIP4 || isIP6 {
            domainName = Address.isFQDN(bytes, base.range)
            let other = isIP4 ? Address.ipv6(bytes, base.range) != nil : Address.ipv4(bytes, base.range) != nil
            if other {
                diagnostics.report(
                    inAttribute ? rule : SDPRules.addressFamily, base.range,
                    "'\(Bytes.string(bytes, base.range))' is an \(isIP4 ? "IPv6" : "IPv4") address but the address type is \(isIP4 ? "IP4" : "IP6")"
                )
            } else if !domainName {
                diagnostics.report(
                    inAttribute ? rule : SDPRules.address, base.range,
                    "'\(Bytes.string(bytes, base.range))' is not a valid \(isIP4 ? "IPv4" : "IPv6") address or domain name"
                )
            }
        }
        if suffixes.count > 2 {
            diagnostics.report(rule, addressField, "connection address has more than two '/' suffixes")
        } else if !suffixes.isEmpty {
            if !multicast && !domainName {
                diagnostics.report(
                    rule, (base.range.upperBound)..<addressField.upperBound,
                    "'/' suffixes (TTL, number of addresses) are only allowed on multicast addresses",
                    hint: "remove '\(Bytes.string(bytes, base.range.upperBound..<addressField.upperBound))'")
            }
            if isIP6 {
                if suffixes.count == 2 {
                    diagnostics.report(
                        rule, addressField, "IPv6 multicast addresses have no TTL, only a number of addresses")
                }
                count = Field.integer(
                    bytes, suffixes[0], "number of addresses", rule, in: 1...UInt64(Int32.max), &diagnostics
                ).map { Int($0) }
            } else {
                ttl = Field.integer(bytes, suffixes[0], "TTL", rule, in: 0...UInt64(255), &diagnostics).map { Int($0) }
                if suffixes.count == 2 {
                    count = Field.integer(
                        bytes, suffixes[1], "number of addresses", rule, in: 1...UInt64(Int32.max), &diagnostics
                    ).map { Int($0) }
                }
            }
        } else if multicast && isIP4 {
            diagnostics.report(
                rule, addressField, "an IPv4 multicast address needs a TTL",
                hint: "e.g. \(Bytes.string(bytes, base.range))/127")
        }
        return ConnectionFields(
            networkType: nettype, addressType: addrtype, address: base.range, ttl: ttl, numberOfAddresses: count)
    }

    /// Whether `range` is network type IN, in any case: what every description says, tested
    /// without a call.
    @inline(__always)
    static func isInternet(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        range.count == 2 && bytes[range.lowerBound] | 0x20 == UInt8(ascii: "i")
            && bytes[range.lowerBound + 1] | 0x20 == UInt8(ascii: "n")
    }

    /// Whether `range` is address type IP4 or IP6, in any case, tested without a call.
    @inline(__always)
    static func isIPAddressType(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        range.count == 3 && bytes[range.lowerBound] | 0x20 == UInt8(ascii: "i")
            && bytes[range.lowerBound + 1] | 0x20 == UInt8(ascii: "p")
            && (bytes[range.lowerBound + 2] == UInt8(ascii: "4") || bytes[range.lowerBound + 2] == UInt8(ascii: "6"))
    }

    /// The network types of the IANA registry: IN (RFC 8866), TN (RFC 2848), ATM (RFC 3108),
    /// PSTN (RFC 7195).
    static func checkNetworkType(
        _ bytes: Span<UInt8>, _ networkType: Range<Int>, rule: Rule = SDPRules.unregisteredType,
        _ diagnostics: inout DiagnosticCollector
    ) {
        guard !networkType.isEmpty, !isInternet(bytes, networkType) else { return }
        for known: StaticString in ["IN", "TN", "ATM", "PSTN"] where Bytes.equalsIgnoringCase(bytes, networkType, known)
        { return }
        diagnostics.report(
            rule, networkType,
            "network type '\(Bytes.string(bytes, networkType))' is not registered; the Internet's is IN",
            hint: "write IN")
    }

    /// The parts transport protocols are made of in the IANA "proto" registry (RFC 8866 §8.2.2:
    /// RTP/AVP, UDP/TLS/RTP/SAVPF, TCP/DTLS/SCTP, TCP/TLS/BFCP, udptl, PSTN of RFC 7195 §8.4, …).
    static let protocolParts: [StaticString] = [
        "RTP", "AVP", "SAVP", "AVPF", "SAVPF", "UDP", "TCP", "TLS", "DTLS", "SCTP", "MSRP", "BFCP", "UDPTL", "DCCP",
        "WS", "WSS", "FLUTE", "CFW", "MRCPV2", "VAT", "PSTN",
    ]

    /// Checks that an address type belongs to network type IN, whose address types are IP4 and
    /// IP6 (RFC 8866 §5.7, §8.2.6); other network types (ATM, PSTN: RFC 3108, RFC 7195) have
    /// their own. The grammar takes any token, so another type is unregistered rather than
    /// malformed; a receiver cannot read an address of a type it does not know.
    static func checkAddressType(
        _ bytes: Span<UInt8>, _ addressType: Range<Int>, networkType: Range<Int>,
        rule: Rule = SDPRules.unregisteredType,
        _ diagnostics: inout DiagnosticCollector
    ) {
        guard !addressType.isEmpty, !isIPAddressType(bytes, addressType), isInternet(bytes, networkType) else { return }
        diagnostics.report(
            rule, addressType,
            "address type '\(Bytes.string(bytes, addressType))' is not registered for network type IN, whose types are IP4 and IP6",
            hint: "write IP4 or IP6")
    }

    /// Checks the unicast address of o= against its address type.
    static func checkUnicastAddress(
        _ bytes: Span<UInt8>, _ address: Range<Int>, addressType: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) {
        let isIP4 = Bytes.equalsIgnoringCase(bytes, addressType, "IP4")
        let isIP6 = Bytes.equalsIgnoringCase(bytes, addressType, "IP6")
        guard isIP4 || isIP6 else { return }
        if isIP4 ? Address.ipv4(bytes, address) != nil : Address.ipv6(bytes, address) != nil { return }
        if Address.isFQDN(bytes, address) { return }
        let other = isIP4 ? Address.ipv6(bytes, address) != nil : Address.ipv4(bytes, address) != nil
        diagnostics.report(
            other ? SDPRules.addressFamily : SDPRules.address, address,
            other
                ? "'\(Bytes.string(bytes, address))' is an \(isIP4 ? "IPv6" : "IPv4") address but the address type is \(isIP4 ? "IP4" : "IP6")"
                : "'\(Bytes.string(bytes, address))' is not a valid \(isIP4 ? "IPv4" : "IPv6") address or domain name")
    }

    // MARK: b= (RFC 8866 §5.8)

    static func bandwidth(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> Bandwidth {
        let rule = SDPRules.bandwidthSyntax
        var parts = ValueScanner(range)
        let type = parts.upTo(ASCII.colon, bytes)
        guard type.found else {
            diagnostics.report(rule, range, "b= needs <bwtype>:<bandwidth>")
            return Bandwidth(type: Bandwidth.BandwidthType(rawValue: Bytes.string(bytes, type.range)), value: 0)
        }
        Field.token(bytes, type.range, "bandwidth type", rule, &diagnostics)
        let name = Bytes.string(bytes, type.range)
        let bandwidthType = Bandwidth.BandwidthType(rawValue: name)
        if !type.range.isEmpty && !Bandwidth.BandwidthType.registered.contains(bandwidthType) {
            diagnostics.report(
                SDPRules.unknownBandwidthType, type.range,
                "bandwidth type '\(name)' is not registered (CT, AS, TIAS, RS, RR); receivers ignore it")
        }
        let value = Field.integer(bytes, parts.remaining, "bandwidth", rule, as: UInt64.self, &diagnostics) ?? 0
        return Bandwidth(type: bandwidthType, value: value)
    }

    // MARK: t= r= z= (RFC 8866 §5.9–5.11)

    static func time(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> SessionDescription.TimeDescription {
        let rule = SDPRules.timeSyntax
        var scanner = scanner(range)
        let start = scanner.field(bytes, &diagnostics)
        let stop = scanner.field(bytes, &diagnostics)
        Field.noMore(&scanner, bytes, rule, "the stop time", &diagnostics)
        guard let start, let stop else {
            diagnostics.report(rule, range, "t= needs <start-time> <stop-time>", hint: "WebRTC uses t=0 0")
            return SessionDescription.TimeDescription()
        }
        let startTime = ntpTime(bytes, start, "start time", &diagnostics)
        let stopTime = ntpTime(bytes, stop, "stop time", &diagnostics)
        if stopTime != 0 && stopTime < startTime {
            diagnostics.report(rule, stop, "the stop time is before the start time")
        }
        return SessionDescription.TimeDescription(start: startTime, stop: stopTime)
    }

    /// `time = POS-DIGIT 9*DIGIT` or "0".
    private static func ntpTime(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ what: String, _ diagnostics: inout DiagnosticCollector
    ) -> UInt64 {
        guard let value = Field.integer(bytes, range, what, SDPRules.timeSyntax, as: UInt64.self, &diagnostics) else {
            return 0
        }
        if value != 0 && (range.count < 10 || bytes[range.lowerBound] == ASCII.zero) {
            diagnostics.report(
                SDPRules.timeSyntax, range, "\(what) \(value) is not an NTP time (at least 10 digits) or 0")
        }
        return value
    }

    static func repeatTime(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> SessionDescription.RepeatTime {
        var scanner = scanner(range)
        var times: [SessionDescription.TypedTime] = []
        var first = true
        while let field = scanner.field(bytes, &diagnostics) {
            let value = typedTime(bytes, field, &diagnostics)
            if first, value?.value == 0 {
                diagnostics.report(SDPRules.repeatSyntax, field, "the repeat interval must not be 0")
            }
            first = false
            times.append(value ?? SessionDescription.TypedTime(0))
        }
        if times.count < 3 {
            diagnostics.report(
                SDPRules.repeatSyntax, range, "r= needs <repeat interval> <active duration> and at least one offset")
        }
        while times.count < 2 { times.append(SessionDescription.TypedTime(0)) }
        return SessionDescription.RepeatTime(interval: times[0], duration: times[1], offsets: Array(times.dropFirst(2)))
    }

    static func zoneAdjustments(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> SessionDescription.ZoneAdjustments {
        let rule = SDPRules.repeatSyntax
        var scanner = scanner(range)
        var adjustments: [SessionDescription.ZoneAdjustments.Adjustment] = []
        while let timeRange = scanner.field(bytes, &diagnostics) {
            let time = Field.integer(bytes, timeRange, "adjustment time", rule, as: UInt64.self, &diagnostics) ?? 0
            guard var offsetRange = scanner.field(bytes, &diagnostics) else {
                diagnostics.report(rule, timeRange, "z= adjustment time has no offset")
                break
            }
            let negative = bytes[offsetRange.lowerBound] == ASCII.minus
            if negative { offsetRange = (offsetRange.lowerBound + 1)..<offsetRange.upperBound }
            let offset = typedTime(bytes, offsetRange, &diagnostics) ?? SessionDescription.TypedTime(0)
            adjustments.append(.init(time: time, offset: offset, isNegative: negative))
        }
        if adjustments.isEmpty && range.isEmpty {
            diagnostics.report(rule, range, "z= needs <adjustment time> <offset> pairs")
        }
        return SessionDescription.ZoneAdjustments(adjustments)
    }

    private static func typedTime(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> SessionDescription.TypedTime? {
        guard !range.isEmpty else { return nil }
        var digits = range
        var unit: SessionDescription.TypedTime.Unit?
        let last = bytes[range.upperBound - 1]
        if !last.isDigit {
            unit = SessionDescription.TypedTime.Unit(rawValue: Character(UnicodeScalar(last)))
            if unit == nil {
                diagnostics.report(
                    SDPRules.repeatSyntax, (range.upperBound - 1)..<range.upperBound,
                    "time unit \(last.displayed) is not d, h, m or s (units are case-sensitive)")
                return nil
            }
            digits = range.lowerBound..<(range.upperBound - 1)
        }
        guard let value = Field.integer(bytes, digits, "time", SDPRules.repeatSyntax, as: UInt64.self, &diagnostics)
        else { return nil }
        return SessionDescription.TypedTime(value, unit: unit)
    }

    // MARK: m= (RFC 8866 §5.14)

    /// Reads an m= line.
    ///
    /// - Parameter formatRanges: Receives where each format token stands, for findings about
    ///   it later (empty when the line lacks a field before them). The caller's array is reused
    ///   from section to section.
    ///   - media: An empty section, which receives the fields of the line.
    static func media(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into media: inout MediaDescription, formatRanges: inout [Range<Int>],
        _ diagnostics: inout DiagnosticCollector
    ) {
        let rule = SDPRules.mediaSyntax
        var scanner = scanner(range)
        let mediaRange = scanner.field(bytes, &diagnostics)
        let portRange = scanner.field(bytes, &diagnostics)
        let protoRange = scanner.field(bytes, &diagnostics)
        formatRanges.removeAll(keepingCapacity: true)
        // The usual list, tokens separated by single spaces, has nothing to report.
        var canonicalFormats = false
        if var cursor = CanonicalCursor(bytes, scanner.remaining) {
            while cursor.space(bytes), let format = cursor.token(bytes) {
                formatRanges.append(format)
                if cursor.isAtEnd {
                    canonicalFormats = true
                    break
                }
            }
            if !canonicalFormats { formatRanges.removeAll(keepingCapacity: true) }
        }
        if !canonicalFormats {
            while let format = scanner.field(bytes, &diagnostics) { formatRanges.append(format) }
        }
        media.media = MediaDescription.MediaType(rawValue: mediaRange.map { Common.media(bytes, $0) } ?? "")
        // A port that is missing is as unknown as one that is not a number: -1, which no rule
        // takes for a rejected section (MediaDescription.port).
        media.port = -1
        guard let mediaRange, let portRange, let protoRange else {
            diagnostics.report(rule, range, "m= needs <media> <port> <proto> <fmt> …")
            formatRanges.removeAll(keepingCapacity: true)
            return
        }
        Field.token(bytes, mediaRange, "media type", rule, &diagnostics)
        var portParts = ValueScanner(portRange)
        let port = portParts.upTo(ASCII.slash, bytes)
        var portNumber = -1
        if let value = Field.integer(bytes, port.range, "port", rule, as: UInt64.self, &diagnostics) {
            if value > 65535 { diagnostics.report(rule, port.range, "port \(value) is out of range 0–65535") }
            portNumber = Int(min(value, UInt64(Int32.max)))
        }
        var portCount: Int?
        if port.found {
            portCount = Field.integer(
                bytes, portParts.remaining, "number of ports", rule, in: 1...UInt64(65535), &diagnostics
            ).map { Int($0) }
        }
        let commonProtocol = Common.commonTransportProtocol(bytes, protoRange)
        var protoParts = ValueScanner(protoRange)
        if formatRanges.isEmpty {
            diagnostics.report(
                rule, protoRange.upperBound..<protoRange.upperBound, "m= lists no format",
                hint: "list at least one payload type or format")
        }
        // Without a format a field is missing, and the fields after it are shifted ("m=video 96 97"
        // reads 97 as the protocol): the finding above is the one to report.
        while commonProtocol == nil && !formatRanges.isEmpty && !protoParts.isAtEnd {
            let part = protoParts.upTo(ASCII.slash, bytes).range
            if !Field.token(bytes, part, "protocol part", rule, &diagnostics) { break }
            if !protocolParts.contains(where: { Bytes.equalsIgnoringCase(bytes, part, $0) }) {
                diagnostics.report(
                    SDPRules.unregisteredType, protoRange,
                    """
                    transport protocol '\(Bytes.string(bytes, protoRange))' is not registered ('\(Bytes.string(bytes, part))' \
                    is part of none): a receiver rejects the section
                    """
                )
                break
            }
        }
        var formats: [String] = []
        formats.reserveCapacity(formatRanges.count)
        let payloadTypes = Common.payloadTypes
        for format in formatRanges {
            if !canonicalFormats { Field.token(bytes, format, "format", rule, &diagnostics) }
            formats.append(Common.format(bytes, format, payloadTypes))
        }
        media.port = portNumber
        media.portCount = portCount
        media.proto = MediaDescription.TransportProtocol(
            rawValue: commonProtocol ?? Bytes.string(bytes, protoRange))
        media.formats = formats
    }
}
