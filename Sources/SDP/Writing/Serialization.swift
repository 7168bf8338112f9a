extension SessionDescription: CustomStringConvertible {
    /// The description as SDP text, with ``lineEnding`` after every line.
    ///
    /// For a parsed description this is the input, byte for byte, unless the parser reported
    /// lines out of order, a missing mandatory line, mixed line endings, a missing final line
    /// ending or invalid UTF-8 (each of which it names in a diagnostic).
    ///
    /// - Complexity: O(*n*) in the size of the output.
    public func serialized() -> String {
        var output = ""
        output.reserveCapacity(estimatedSize)
        write(to: &output)
        return output
    }

    public var description: String { serialized() }

    /// Appends the description as SDP text.
    public func write(to output: inout String) {
        var writer = SectionWriter(output: output, eol: lineEnding.rawValue, extras: extraLines)
        output = ""
        writer.line("v=") { out in
            if let versionVerbatim { out += versionVerbatim } else { out += String(version) }
        }
        writer.line("o=") { origin.write(to: &$0) }
        writer.line("s=") { $0 += sessionName }
        if let information { writer.line("i=") { $0 += information } }
        if let uri { writer.line("u=") { $0 += uri } }
        for email in emails { writer.line("e=") { $0 += email } }
        for phone in phones { writer.line("p=") { $0 += phone } }
        if let connection { writer.line("c=") { connection.write(to: &$0) } }
        for bandwidth in bandwidths { writer.line("b=") { bandwidth.write(to: &$0) } }
        for time in times {
            writer.line("t=") { time.write(to: &$0) }
            for repeatTime in time.repeats { writer.line("r=") { repeatTime.write(to: &$0) } }
            if let zone = time.zoneAdjustments { writer.line("z=") { zone.write(to: &$0) } }
        }
        if let encryptionKey { writer.line("k=") { $0 += encryptionKey } }
        for attribute in attributes { writer.line("a=") { attribute.write(to: &$0) } }
        writer.finish()
        output = writer.output
        for section in media { section.write(to: &output, eol: lineEnding.rawValue) }
    }

    /// A guess at the serialized size, to reserve the output once.
    var estimatedSize: Int {
        var lines = 8 + attributes.count + extraLines.count
        for section in media { lines += 4 + section.attributes.count + section.extraLines.count }
        return lines * 48
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
        var writer = SectionWriter(output: output, eol: eol, extras: extraLines)
        output = ""
        writer.line("m=") { writeMediaLine(to: &$0) }
        if let information { writer.line("i=") { $0 += information } }
        for connection in connections { writer.line("c=") { connection.write(to: &$0) } }
        for bandwidth in bandwidths { writer.line("b=") { bandwidth.write(to: &$0) } }
        if let encryptionKey { writer.line("k=") { $0 += encryptionKey } }
        for attribute in attributes { writer.line("a=") { attribute.write(to: &$0) } }
        writer.finish()
        output = writer.output
    }
}

/// Writes one section's lines and puts each ``ExtraLine`` back at its position.
struct SectionWriter {
    var output: String
    let eol: String
    private let extras: [ExtraLine]
    private var nextExtra = 0
    private var written = 0

    init(output: String, eol: String, extras: [ExtraLine]) {
        self.output = output
        self.eol = eol
        // Parsed extras are already in order; sort only what an edit may have disordered.
        var sorted = extras
        if !extras.isEmpty && !zip(extras, extras.dropFirst()).allSatisfy({ $0.position <= $1.position }) {
            sorted.sort { $0.position < $1.position }
        }
        self.extras = sorted
    }

    @inline(__always)
    mutating func line(_ prefix: String, _ body: (inout String) -> Void) {
        flushExtras()
        output += prefix
        body(&output)
        output += eol
        written += 1
    }

    mutating func finish() {
        while nextExtra < extras.count { writeExtra() }
    }

    @inline(__always)
    private mutating func flushExtras() {
        while nextExtra < extras.count && extras[nextExtra].position <= written { writeExtra() }
    }

    private mutating func writeExtra() {
        output += extras[nextExtra].text
        output += eol
        nextExtra += 1
        written += 1
    }
}
