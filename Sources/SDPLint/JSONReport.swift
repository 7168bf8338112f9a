public import Diagnostics

/// The machine-readable report of `sdplint check --format json`; its schema is
/// `Schemas/sdplint-report.schema.json`.
public enum JSONReport {
    /// The version of the report format; raised when a field changes meaning.
    public static let formatVersion = 1

    public static func render(_ files: [LintedFile], toolVersion: String, pretty: Bool = true) -> String {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.int("version", formatVersion)
        json.beginObject("tool")
        json.string("name", "sdplint")
        json.string("version", toolVersion)
        json.endObject()
        json.beginArray("files")
        var total = SeverityCounts()
        for file in files {
            json.beginObject()
            json.string("path", file.path)
            json.beginArray("diagnostics")
            for diagnostic in file.diagnostics { write(diagnostic, to: &json) }
            json.endArray()
            writeCounts(file.counts, to: &json)
            json.endObject()
            total = total + file.counts
        }
        json.endArray()
        writeCounts(total, to: &json)
        json.endObject()
        return json.output + "\n"
    }

    public static func write(_ diagnostic: Diagnostic, to json: inout JSONWriter) {
        json.beginObject()
        json.string("code", diagnostic.code)
        json.string("severity", diagnostic.severity.description)
        json.int("line", diagnostic.location.line)
        json.int("column", diagnostic.location.column)
        json.int("endColumn", diagnostic.location.endColumn)
        json.int("offset", diagnostic.location.bytes.lowerBound)
        json.int("length", diagnostic.location.bytes.count)
        json.string("message", diagnostic.message)
        json.string("reference", diagnostic.reference.description)
        json.string("referenceURL", diagnostic.reference.url)
        json.string("hint", diagnostic.hint)
        json.endObject()
    }

    static func writeCounts(_ counts: SeverityCounts, to json: inout JSONWriter) {
        json.beginObject("summary")
        json.int("errors", counts.errors)
        json.int("warnings", counts.warnings)
        json.int("infos", counts.infos)
        json.endObject()
    }
}
