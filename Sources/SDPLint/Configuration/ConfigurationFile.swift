public import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintSDP
import SDPLintWebRTC

#if canImport(FoundationEssentials)
import FoundationEssentials  // not all of Foundation: see Package.swift
#else
import Foundation
#endif

/// `.sdplint.json`: the rules and severities a project settles on, found from the working
/// directory upward (as `.editorconfig` and `.swiftlint.yml` are). Options on the command line
/// are applied after it and win. The schema is `Schemas/sdplint-config.schema.json`.
///
/// ```json
/// {
///   "disable": ["WEB111"],
///   "severity": { "OA210": "error", "SDP300": "off" },
///   "failOn": "warning",
///   "profiles": ["safari"]
/// }
/// ```
public enum ConfigurationFile {
    /// The name looked for.
    public static let name = ".sdplint.json"

    /// The nearest `.sdplint.json` in `directory` or one of its parents.
    ///
    /// The path is read as written, as `URL.standardizedFileURL` reads it: `.` is dropped and
    /// `..` takes the component before it off, without following symbolic links. It is
    /// composed as text rather than through `URL`, which took nearly a tenth of the
    /// instructions of a launch of `sdplint check`.
    public static func find(from directory: String) -> String? {
        let absolute = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        while true {
            var candidate = ""
            for component in components {
                candidate += "/"
                candidate.append(contentsOf: component)
            }
            candidate += "/" + name
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
            if components.popLast() == nil { return nil }
        }
    }

    /// A configuration file that cannot be used, with the place of the mistake.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var diagnostic: Diagnostic
        public var description: String {
            "\(path):\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)"
        }
    }

    static let keys: Set<String> = ["$schema", "disable", "enable", "severity", "failOn", "strict", "profiles", "type"]

    /// Applies the file's settings to `configuration`.
    ///
    /// - Throws: A ``Problem`` naming the line and column of the first mistake: JSON that does
    ///   not parse, an unknown key or rule, a value of the wrong type.
    public static func apply(_ bytes: [UInt8], path: String, to configuration: inout LintConfiguration) throws(Problem)
    {
        let parsed = JSONDocument.parse(bytes: bytes)
        guard let document = parsed.value else {
            let first =
                parsed.diagnostics.first { $0.severity == .error }
                ?? JSONRules.unexpectedEnd.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "empty file")
            throw Problem(path: path, diagnostic: first)
        }
        let root = document.root
        func fail(_ node: JSONNode, _ message: String) -> Problem {
            Problem(
                path: path,
                diagnostic: JSONRules.typeMismatch.diagnostic(
                    at: node.location ?? SourceLocation(line: 1, column: 1, bytes: 0..<0), message))
        }
        guard root.value.objectValue != nil else { throw fail(root, "the configuration must be a JSON object") }
        for member in root.members where !keys.contains(member.key ?? "") {
            throw Problem(
                path: path,
                diagnostic: JSONRules.typeMismatch.diagnostic(
                    at: member.keyLocation ?? member.location ?? SourceLocation(line: 1, column: 1, bytes: 0..<0),
                    "unknown key '\(member.key ?? "")'; the keys are \(keys.filter { $0 != "$schema" }.sorted().joined(separator: ", "))"
                ))
        }
        func strings(_ key: String) throws(Problem) -> [(String, JSONNode)] {
            guard let node = root[key] else { return [] }
            guard node.value.arrayValue != nil else { throw fail(node, "\(key) must be a list of rule codes or names") }
            var result: [(String, JSONNode)] = []
            for element in node.elements {
                guard let text = element.value.stringValue else { throw fail(element, "\(key) must list strings") }
                result.append((text, element))
            }
            return result
        }
        for (code, node) in try strings("disable") {
            do { try configuration.disable(code) } catch { throw fail(node, error.description) }
        }
        for (code, node) in try strings("enable") {
            do { try configuration.enable(code) } catch { throw fail(node, error.description) }
        }
        if let severities = root["severity"] {
            guard severities.value.objectValue != nil else {
                throw fail(severities, "severity must map rule codes to error, warning, info or off")
            }
            for member in severities.members {
                guard let level = member.value.stringValue else {
                    throw fail(member, "the severity of \(member.key ?? "") must be a string")
                }
                do { try configuration.setSeverity("\(member.key ?? "")=\(level)") } catch {
                    throw fail(member, error.description)
                }
            }
        }
        if let node = root["failOn"] {
            guard let text = node.value.stringValue, let level = Severity(name: text), level != .info else {
                throw fail(node, "failOn must be \"error\" or \"warning\"")
            }
            configuration.failOn = level
        }
        if let node = root["strict"] {
            guard let strict = node.value.boolValue else { throw fail(node, "strict must be true or false") }
            configuration.strict = strict
        }
        for (name, node) in try strings("profiles") {
            guard let profile = Profile(rawValue: name.lowercased()) else {
                throw fail(
                    node,
                    "unknown profile '\(name)'; use one of \(Profile.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !configuration.profiles.contains(profile) { configuration.profiles.append(profile) }
        }
        if let node = root["type"] {
            guard let text = node.value.stringValue, let type = SDPType(rawValue: text), type != .rollback else {
                throw fail(node, "type must be \"offer\", \"answer\" or \"pranswer\"")
            }
            configuration.type = type
        }
    }
}
