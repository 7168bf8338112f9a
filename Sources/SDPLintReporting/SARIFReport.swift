public import SDPLintDiagnostics
public import SDPLintInput
import SDPLintJSON

/// SARIF 2.1.0 (OASIS), the format code-scanning UIs (GitHub, GitLab, Azure DevOps) read to
/// show findings inline. Columns are converted from UTF-8 bytes to Unicode code points, as
/// the run declares (`columnKind: unicodeCodePoints`).
public enum SARIFReport {
    public static func render(_ files: [LintedFile], toolVersion: String, rules: [Rule]) -> String {
        var stream = Stream(toolVersion: toolVersion, rules: rules)
        return stream.begin() + files.map { stream.add($0) }.joined() + stream.end()
    }

    /// The log written as findings come: ``begin()``, then ``add(_:)`` for each file, then
    /// ``end()``, so that a batch of any size is reported without keeping its findings.
    public struct Stream: Sendable {
        let toolVersion: String
        let rules: [Rule]
        let ruleIndex: [Rule.Code: Int]
        var count = 0
        /// What the log holds after its results.
        private static let closing = "\n      ]\n    }\n  ]\n}\n"

        public init(toolVersion: String, rules: [Rule]) {
            self.toolVersion = toolVersion
            self.rules = rules
            var index: [Rule.Code: Int] = [:]
            for (position, rule) in rules.enumerated() where index[rule.code] == nil { index[rule.code] = position }
            ruleIndex = index
        }

        /// The log up to the opening of its results.
        public func begin() -> String {
            var json = JSONWriter(format: .pretty)
            json.object { log in
                log.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                log.member("version", "2.1.0")
                log.member(
                    "runs",
                    array: { runs in
                        runs.object { run in
                            run.member(
                                "tool",
                                object: { tool in
                                    tool.member(
                                        "driver",
                                        object: { driver in
                                            driver.member("name", "sdplint")
                                            driver.member("version", toolVersion)
                                            driver.member("informationUri", "https://www.rfc-editor.org/rfc/rfc8866")
                                            driver.member(
                                                "rules",
                                                array: { list in
                                                    for rule in rules { list.object { write(rule, to: &$0) } }
                                                })
                                        })
                                })
                            run.member("columnKind", "unicodeCodePoints")
                            run.member("results", array: { _ in })
                        }
                    })
            }
            // Reopen the empty results array the writer closed.
            let output = json.output
            let bytes = Array(output.utf8)
            let marker = Array("\"results\": [".utf8)
            guard
                let start = stride(from: bytes.count - marker.count, through: 0, by: -1).first(where: {
                    bytes[$0..<($0 + marker.count)].elementsEqual(marker)
                })
            else { return output }
            return String(decoding: bytes[..<(start + marker.count)], as: UTF8.self)
        }

        /// One result per finding of `file`.
        public mutating func add(_ file: LintedFile) -> String {
            var output = ""
            for diagnostic in file.diagnostics {
                var json = JSONWriter(format: .pretty)
                json.object { write(diagnostic, in: file, ruleIndex: ruleIndex[diagnostic.code], to: &$0) }
                // Results sit four levels deep; strings hold no raw line breaks, so indenting
                // each line is safe.
                output += (count == 0 ? "\n" : ",\n") + "        " + json.output.replacing("\n", with: "\n        ")
                count += 1
            }
            return output
        }

        /// The rest of the log after the results.
        public func end() -> String {
            count == 0 ? "]\n    }\n  ]\n}\n" : Self.closing
        }
    }

    private static func write(_ rule: Rule, to json: inout JSONWriter.ObjectWriter) {
        json.member("id", rule.code.rawValue)
        json.member("name", rule.name)
        json.member("shortDescription", object: { $0.member("text", rule.summary) })
        json.member("fullDescription", object: { $0.member("text", rule.explanation) })
        json.member("helpUri", ifPresent: rule.reference.url)
        json.member("help", object: { $0.member("text", "\(rule.explanation) See \(rule.reference).") })
        json.member("defaultConfiguration", object: { $0.member("level", level(rule.severity)) })
        json.member("properties", object: { $0.member("reference", rule.reference.description) })
    }

    private static func write(
        _ diagnostic: Diagnostic, in file: LintedFile, ruleIndex: Int?, to json: inout JSONWriter.ObjectWriter
    ) {
        json.member("ruleId", diagnostic.code.rawValue)
        if let ruleIndex { json.member("ruleIndex", ruleIndex) }
        json.member("level", level(diagnostic.severity))
        json.member(
            "message", object: { $0.member("text", diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? "")) })
        json.member(
            "locations",
            array: { locations in
                locations.object { location in
                    if let context = file.context {
                        // Lines count in the embedded text, not the file: name the place logically.
                        location.member(
                            "physicalLocation",
                            object: { physical in
                                physical.member("artifactLocation", object: { $0.member("uri", uri(file.path)) })
                            })
                        location.member(
                            "logicalLocations",
                            array: { list in
                                list.object {
                                    $0.member(
                                        "fullyQualifiedName",
                                        "\(context) line \(diagnostic.location.line):\(diagnostic.location.column)")
                                }
                            })
                        return
                    }
                    location.member(
                        "physicalLocation",
                        object: { physical in
                            physical.member("artifactLocation", object: { $0.member("uri", uri(file.path)) })
                            physical.member(
                                "region",
                                object: { region in
                                    let line = file.line(diagnostic.location.line)
                                    region.member("startLine", diagnostic.location.line)
                                    region.member(
                                        "startColumn", codePointColumn(line, byteColumn: diagnostic.location.column))
                                    region.member(
                                        "endColumn", codePointColumn(line, byteColumn: diagnostic.location.endColumn))
                                    region.member("byteOffset", diagnostic.location.bytes.lowerBound)
                                    region.member("byteLength", diagnostic.location.bytes.count)
                                })
                        })
                }
            })
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
            let allowed =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
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
                let command =
                    switch diagnostic.severity {
                    case .error: "error"
                    case .warning: "warning"
                    case .info: "notice"
                    }
                let location = diagnostic.location
                let title = property("\(diagnostic.code) \(diagnostic.rule.name)")
                if let context = file.context {
                    // Lines count in the embedded text: annotate the file, say where in words.
                    output += "::\(command) file=\(property(file.path)),title=\(title)::"
                    output += data(
                        """
                        \(context) line \(location.line):\(location.column): \(diagnostic.message) \
                        [\(diagnostic.reference)]
                        """
                    )
                } else {
                    output +=
                        """
                        ::\(command) \
                        file=\(property(file.path)),line=\(location.line),col=\(location.column),endColumn=\(location.endColumn),title=\(title)::
                        """
                    output += data("\(diagnostic.message) [\(diagnostic.reference)]")
                }
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
