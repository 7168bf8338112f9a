public import Diagnostics

/// SARIF 2.1.0 (OASIS), the format code-scanning UIs (GitHub, GitLab, Azure DevOps) read to
/// show findings inline. Columns are converted from UTF-8 bytes to Unicode code points, as
/// the run declares (`columnKind: unicodeCodePoints`).
public enum SARIFReport {
    public static func render(_ files: [LintedFile], toolVersion: String, rules: [Rule] = RuleCatalog.all) -> String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.code] == nil { ruleIndex[rule.code] = index }
        var json = JSONWriter()
        json.beginObject()
        json.string("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.string("version", "2.1.0")
        json.beginArray("runs")
        json.beginObject()
        json.beginObject("tool")
        json.beginObject("driver")
        json.string("name", "sdplint")
        json.string("version", toolVersion)
        json.string("informationUri", "https://www.rfc-editor.org/rfc/rfc8866")
        json.beginArray("rules")
        for rule in rules {
            json.beginObject()
            json.string("id", rule.code)
            json.string("name", rule.name)
            json.beginObject("shortDescription")
            json.string("text", rule.summary)
            json.endObject()
            json.beginObject("fullDescription")
            json.string("text", rule.explanation)
            json.endObject()
            if let url = rule.reference.url { json.string("helpUri", url) }
            json.beginObject("help")
            json.string("text", "\(rule.explanation) See \(rule.reference).")
            json.endObject()
            json.beginObject("defaultConfiguration")
            json.string("level", level(rule.severity))
            json.endObject()
            json.beginObject("properties")
            json.string("reference", rule.reference.description)
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.string("columnKind", "unicodeCodePoints")
        json.beginArray("results")
        for file in files {
            for diagnostic in file.diagnostics {
                json.beginObject()
                json.string("ruleId", diagnostic.code)
                if let index = ruleIndex[diagnostic.code] { json.int("ruleIndex", index) }
                json.string("level", level(diagnostic.severity))
                json.beginObject("message")
                json.string("text", diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))
                json.endObject()
                json.beginArray("locations")
                json.beginObject()
                json.beginObject("physicalLocation")
                json.beginObject("artifactLocation")
                json.string("uri", uri(file.path))
                json.endObject()
                json.beginObject("region")
                let line = file.line(diagnostic.location.line)
                json.int("startLine", diagnostic.location.line)
                json.int("startColumn", codePointColumn(line, byteColumn: diagnostic.location.column))
                json.int("endColumn", codePointColumn(line, byteColumn: diagnostic.location.endColumn))
                json.int("byteOffset", diagnostic.location.bytes.lowerBound)
                json.int("byteLength", diagnostic.location.bytes.count)
                json.endObject()
                json.endObject()
                json.endObject()
                json.endArray()
                json.endObject()
            }
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative path as a URI reference (RFC 3986): percent-encode what is not allowed.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let allowed = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/".utf8.contains(byte)
            if allowed {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// The 1-based code-point column of a 1-based byte column in `line`.
    static func codePointColumn(_ line: [UInt8], byteColumn: Int) -> Int {
        let prefix = line.prefix(max(0, byteColumn - 1))
        let codePoints = String(decoding: prefix, as: UTF8.self).unicodeScalars.count
        return codePoints + 1 + max(0, byteColumn - 1 - line.count)
    }
}

/// GitHub Actions workflow commands, so findings appear as annotations on the pull request
/// (`::error file=…,line=…,col=…::message`).
public enum GitHubAnnotations {
    public static func render(_ files: [LintedFile]) -> String {
        var output = ""
        for file in files {
            for diagnostic in file.diagnostics {
                let command = switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
                let location = diagnostic.location
                output += "::\(command) file=\(property(file.path)),line=\(location.line),col=\(location.column),endColumn=\(location.endColumn),title=\(property("\(diagnostic.code) \(RuleCatalog.rule(diagnostic.code)?.name ?? "")"))::"
                output += data("\(diagnostic.message) [\(diagnostic.reference)]")
                output += "\n"
            }
        }
        return output
    }

    /// Escapes a message (the part after `::`).
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Escapes a property value (`file=`, `title=`).
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
