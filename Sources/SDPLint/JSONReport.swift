public import Diagnostics
public import JSON

/// The machine-readable report of `sdplint check --format json`; its schema is
/// `Schemas/sdplint-report.schema.json`.
public enum JSONReport {
    /// The version of the report format; raised when a field changes meaning.
    public static let formatVersion = 1

    public static func render(_ files: [LintedFile], toolVersion: String, pretty: Bool = true) -> String {
        var json = JSONWriter(format: pretty ? .pretty : .compact)
        json.object { report in
            writeHeader(toolVersion: toolVersion, to: &report)
            var total = SeverityCounts()
            report.member("files", array: { list in
                for file in files {
                    list.object { entry in
                        entry.member("path", file.path)
                        entry.member("context", orNull: file.context)
                        entry.member("diagnostics", array: { items in
                            for diagnostic in file.diagnostics { items.object { write(diagnostic, to: &$0) } }
                        })
                        writeCounts(file.counts, to: &entry)
                        if let connectivity = file.connectivity {
                            entry.member("connectivity", object: { connectivity.write(to: &$0) })
                        } else {
                            entry.nullMember("connectivity")
                        }
                    }
                    total = total + file.counts
                }
            })
            writeCounts(total, to: &report)
        }
        return json.output + "\n"
    }

    /// The `version` and `tool` members every JSON report of sdplint starts with.
    public static func writeHeader(toolVersion: String, to report: inout JSONWriter.ObjectWriter) {
        report.member("version", formatVersion)
        report.member("tool", object: { tool in
            tool.member("name", "sdplint")
            tool.member("version", toolVersion)
        })
    }

    /// The members of one diagnostic, the same in every report (`$defs/diagnostic` in the schemas).
    public static func write(_ diagnostic: Diagnostic, to json: inout JSONWriter.ObjectWriter) {
        json.member("code", diagnostic.code)
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
        json.member("summary", object: { summary in
            summary.member("errors", counts.errors)
            summary.member("warnings", counts.warnings)
            summary.member("infos", counts.infos)
        })
    }
}
