extension SessionDescription: CustomStringConvertible {
    /// The description as SDP text, with ``lineEnding`` after every line.
    ///
    /// For a parsed description this is the input, byte for byte, unless the parser reported
    /// lines out of order, a missing mandatory line, mixed line endings, a missing final line
    /// ending or invalid UTF-8 (each of which it names in a diagnostic).
    ///
    /// An untouched parsed description gives back the bytes it was read from, copied once; an
    /// edited one is written line by line.
    ///
    /// - Complexity: O(*n*) in the size of the output.
    public func serialized() -> String {
        if let bytes = parsed.bytes { return String(decoding: bytes, as: UTF8.self) }
        // Two passes over the same writer: count the bytes, then write them into a string of
        // exactly that size (see ``TextSink``).
        var counter = ByteCounter()
        write(into: &counter)
        return String(unsafeUninitializedCapacity: counter.count) { buffer in
            var writer = ByteWriter(buffer)
            write(into: &writer)
            return writer.count
        }
    }

    public var description: String { serialized() }

    /// Appends the description as SDP text.
    public func write(to output: inout String) {
        output += serialized()
    }

    /// Writes the description as SDP text.
    func write<Sink: TextSink>(into output: inout Sink) {
        let eol = lineEnding.rawValue
        var writer = SectionWriter(extras: extraLines)
        writer.line("v=", eol, &output) { out in
            if let versionVerbatim { out.write(versionVerbatim) } else { out.write(decimal: version) }
        }
        writer.line("o=", eol, &output) { origin.write(into: &$0) }
        writer.line("s=", eol, &output) { $0.write(sessionName) }
        if let information { writer.line("i=", eol, &output) { $0.write(information) } }
        if let uri { writer.line("u=", eol, &output) { $0.write(uri) } }
        for email in emails { writer.line("e=", eol, &output) { $0.write(email) } }
        for phone in phones { writer.line("p=", eol, &output) { $0.write(phone) } }
        if let connection { writer.line("c=", eol, &output) { connection.write(into: &$0) } }
        for bandwidth in bandwidths { writer.line("b=", eol, &output) { bandwidth.write(into: &$0) } }
        for time in times {
            writer.line("t=", eol, &output) { time.write(into: &$0) }
            for repeatTime in time.repeats { writer.line("r=", eol, &output) { repeatTime.write(into: &$0) } }
            if let zone = time.zoneAdjustments { writer.line("z=", eol, &output) { zone.write(into: &$0) } }
        }
        if let encryptionKey { writer.line("k=", eol, &output) { $0.write(encryptionKey) } }
        for attribute in attributes { writer.line("a=", eol, &output) { attribute.write(into: &$0) } }
        writer.finish(eol, &output)
        for section in media { section.write(into: &output, eol: eol) }
    }
}

extension MediaDescription: CustomStringConvertible {
    /// The section as SDP text, from its m= line, with CRLF line endings.
    public var description: String {
        var output = ""
        write(to: &output, eol: LineEnding.crlf.rawValue)
        return output
    }

    /// Appends the section as SDP text.
    public func write(to output: inout String, eol: String) {
        write(into: &output, eol: eol)
    }

    /// Writes the section as SDP text.
    func write<Sink: TextSink>(into output: inout Sink, eol: String) {
        var writer = SectionWriter(extras: extraLines)
        writer.line("m=", eol, &output) { writeMediaLine(into: &$0) }
        if let information { writer.line("i=", eol, &output) { $0.write(information) } }
        for connection in connections { writer.line("c=", eol, &output) { connection.write(into: &$0) } }
        for bandwidth in bandwidths { writer.line("b=", eol, &output) { bandwidth.write(into: &$0) } }
        if let encryptionKey { writer.line("k=", eol, &output) { $0.write(encryptionKey) } }
        for attribute in attributes { writer.line("a=", eol, &output) { attribute.write(into: &$0) } }
        writer.finish(eol, &output)
    }
}

/// Writes one section's lines and puts each ``ExtraLine`` back at its position.
struct SectionWriter {
    private let extras: [ExtraLine]
    private var nextExtra = 0
    private var written = 0

    init(extras: [ExtraLine]) {
        // Parsed extras are already in order; sort only what an edit may have disordered.
        var sorted = extras
        if !extras.isEmpty && !zip(extras, extras.dropFirst()).allSatisfy({ $0.position <= $1.position }) {
            sorted.sort { $0.position < $1.position }
        }
        self.extras = sorted
    }

    @inline(__always)
    mutating func line<Sink: TextSink>(
        _ prefix: StaticString, _ eol: String, _ output: inout Sink, _ body: (inout Sink) -> Void
    ) {
        if nextExtra < extras.count { flushExtras(eol, &output) }
        output.write(literal: prefix)
        body(&output)
        output.write(eol)
        written += 1
    }

    mutating func finish<Sink: TextSink>(_ eol: String, _ output: inout Sink) {
        while nextExtra < extras.count { writeExtra(eol, &output) }
    }

    private mutating func flushExtras<Sink: TextSink>(_ eol: String, _ output: inout Sink) {
        while nextExtra < extras.count && extras[nextExtra].position <= written { writeExtra(eol, &output) }
    }

    private mutating func writeExtra<Sink: TextSink>(_ eol: String, _ output: inout Sink) {
        output.write(extras[nextExtra].text)
        output.write(eol)
        nextExtra += 1
        written += 1
    }
}
