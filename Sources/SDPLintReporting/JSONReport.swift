public import SDPLintDiagnostics
public import SDPLintInput
public import SDPLintJSON
import SDPLintWebRTC

/// The machine-readable report of `sdplint check --format json`; its schema is
/// `Schemas/sdplint-report.schema.json`.
public enum JSONReport {
    /// The version of the report format; raised when a field changes meaning.
    public static let formatVersion = 1

    public static func render(_ files: [LintedFile], toolVersion: String) -> String {
        var stream = Stream(toolVersion: toolVersion)
        var output = stream.begin()
        for file in files { output += stream.add(file) }
        return output + stream.end()
    }

    /// The report written as files are checked, so a batch of any size needs no more memory
    /// than one file: ``begin()``, then ``add(_:)`` per file, then ``end()``; the pieces joined
    /// are exactly ``render(_:toolVersion:)``'s text.
    public struct Stream: Sendable {
        let toolVersion: String
        var total = SeverityCounts()
        var count = 0

        public init(toolVersion: String) { self.toolVersion = toolVersion }

        public func begin() -> String {
            var json = JSONWriter(format: .pretty)
            json.object { writeHeader(toolVersion: toolVersion, to: &$0) }
            return json.output.dropLast(2) + ",\n  \"files\": ["  // reopen the object before its closing brace
        }

        public mutating func add(_ file: LintedFile) -> String {
            var json = JSONWriter(format: .pretty)
            json.object { write(file, to: &$0) }
            let separator = count == 0 ? "\n" : ",\n"
            count += 1
            total = total + file.counts
            // The object sits two levels deep; strings hold no raw line breaks, so indenting each
            // line is safe.
            return separator + "    " + json.output.replacing("\n", with: "\n    ")
        }

        public func end() -> String {
            var json = JSONWriter(format: .pretty)
            json.object { writeCounts(total, to: &$0) }
            let summary = json.output.dropFirst(2).dropLast(2)  // the members without the braces
            return (count == 0 ? "" : "\n  ") + "],\n" + summary + "\n}\n"
        }
    }

    static func write(_ file: LintedFile, to entry: inout JSONWriter.ObjectWriter) {
        entry.member("path", file.path)
        entry.member("context", orNull: file.context)
        entry.member(
            "diagnostics",
            array: { items in
                for diagnostic in file.diagnostics { items.object { write(diagnostic, to: &$0) } }
            })
        writeCounts(file.counts, to: &entry)
        if let connectivity = file.connectivity {
            entry.member("connectivity", object: { connectivity.write(to: &$0) })
        } else {
            entry.nullMember("connectivity")
        }
    }

    /// The `version` and `tool` members every JSON report of sdplint starts with.
    public static func writeHeader(toolVersion: String, to report: inout JSONWriter.ObjectWriter) {
        report.member("version", formatVersion)
        report.member(
            "tool",
            object: { tool in
                tool.member("name", "sdplint")
                tool.member("version", toolVersion)
            })
    }

    /// The members of one diagnostic, the same in every report (`$defs/diagnostic` in the schemas).
    public static func write(_ diagnostic: Diagnostic, to json: inout JSONWriter.ObjectWriter) {
        json.member("code", diagnostic.code.rawValue)
        json.member("severity", diagnostic.severity.description)
        json.member("line", diagnostic.location.line)
        json.member("column", diagnostic.location.column)
        json.member("endColumn", diagnostic.location.endColumn)
        json.member("offset", diagnostic.location.bytes.lowerBound)
        json.member("length", diagnostic.location.bytes.count)
        json.member("message", diagnostic.message)
        json.member("reference", diagnostic.reference.description)
        json.member("referenceURL", orNull: diagnostic.reference.url)
        json.member("hint", orNull: diagnostic.hint)
    }

    public static func writeCounts(_ counts: SeverityCounts, to json: inout JSONWriter.ObjectWriter) {
        json.member(
            "summary",
            object: { summary in
                summary.member("errors", counts.errors)
                summary.member("warnings", counts.warnings)
                summary.member("infos", counts.infos)
            })
    }
}
