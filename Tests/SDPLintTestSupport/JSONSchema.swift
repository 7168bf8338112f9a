public import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords our schemas use: type, const, enum,
/// required, properties, additionalProperties, items, prefixItems, $ref to #/$defs, minimum,
/// maximum, minLength, maxLength, pattern, minItems, maxItems, allOf, anyOf, oneOf, not.
/// Unknown keywords are an error, so a schema cannot silently rely on one we do not check.
public struct JSONSchema {
    public let root: [String: Any]

    public init(contentsOf url: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let root = object as? [String: Any] else { throw SchemaError("schema is not an object") }
        self.root = root
    }

    /// The schema file `Schemas/<name>`.
    public init(named name: String) throws {
        try self.init(
            contentsOf: Fixture.root.deletingLastPathComponent().appendingPathComponent("Schemas")
                .appendingPathComponent(name))
    }

    /// Every violation of the schema by `json`, as "path: problem"; empty when valid.
    public func validate(_ json: Data) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        var errors: [String] = []
        check(value, against: root, at: "$", &errors)
        return errors
    }

    public struct SchemaError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private static let known: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "examples", "default",
        "type", "const", "enum", "required", "properties", "additionalProperties", "items", "prefixItems",
        "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
        "allOf", "anyOf", "oneOf", "not", "format",
    ]

    private func check(_ value: Any, against schema: [String: Any], at path: String, _ errors: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) {
            errors.append("\(path): schema uses unsupported keyword \(key)")
        }
        if let ref = schema["$ref"] as? String {
            guard ref.hasPrefix("#/$defs/"), let defs = root["$defs"] as? [String: Any],
                let target = defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any]
            else {
                errors.append("\(path): unresolvable $ref \(ref)")
                return
            }
            check(value, against: target, at: path, &errors)
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(path): expected \(types.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(value, constant) {
            errors.append("\(path): expected \(constant)")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let object = value as? [String: Any], !(value is NSNumber) {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                errors.append("\(path): missing required property \(key)")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, member) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(member, against: propertySchema, at: "\(path).\(key)", &errors)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool {
                        if !allowed { errors.append("\(path): unexpected property \(key)") }
                    } else if let additionalSchema = additional as? [String: Any] {
                        check(member, against: additionalSchema, at: "\(path).\(key)", &errors)
                    }
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                errors.append("\(path): fewer than \(minimum) items")
            }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum {
                errors.append("\(path): more than \(maximum) items")
            }
            let prefix = (schema["prefixItems"] as? [[String: Any]]) ?? []
            for (index, item) in array.enumerated() {
                if index < prefix.count {
                    check(item, against: prefix[index], at: "\(path)[\(index)]", &errors)
                } else if let items = schema["items"] as? [String: Any] {
                    check(item, against: items, at: "\(path)[\(index)]", &errors)
                }
            }
        }
        if let number = value as? NSNumber, !Self.isBool(number) {
            if let minimum = schema["minimum"] as? NSNumber, number.doubleValue < minimum.doubleValue {
                errors.append("\(path): \(number) < \(minimum)")
            }
            if let maximum = schema["maximum"] as? NSNumber, number.doubleValue > maximum.doubleValue {
                errors.append("\(path): \(number) > \(maximum)")
            }
        }
        if let string = value as? String {
            let length = string.unicodeScalars.count
            if let minimum = schema["minLength"] as? Int, length < minimum {
                errors.append("\(path): shorter than \(minimum)")
            }
            if let maximum = schema["maxLength"] as? Int, length > maximum {
                errors.append("\(path): longer than \(maximum)")
            }
            if let pattern = schema["pattern"] as? String {
                if let regex = try? NSRegularExpression(pattern: pattern),
                    regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil
                {
                    errors.append("\(path): '\(string)' does not match \(pattern)")
                }
            }
        }
        for sub in (schema["allOf"] as? [[String: Any]]) ?? [] { check(value, against: sub, at: path, &errors) }
        if let anyOf = schema["anyOf"] as? [[String: Any]] {
            if !anyOf.contains(where: { sub in
                var e: [String] = []
                check(value, against: sub, at: path, &e)
                return e.isEmpty
            }) {
                errors.append("\(path): matches none of anyOf")
            }
        }
        if let oneOf = schema["oneOf"] as? [[String: Any]] {
            let matching = oneOf.filter { sub in
                var e: [String] = []
                check(value, against: sub, at: path, &e)
                return e.isEmpty
            }.count
            if matching != 1 { errors.append("\(path): matches \(matching) of oneOf (exactly 1 required)") }
        }
        if let not = schema["not"] as? [String: Any] {
            var e: [String] = []
            check(value, against: not, at: path, &e)
            if e.isEmpty { errors.append("\(path): matches a schema it must not") }
        }
    }

    private static func isBool(_ number: NSNumber) -> Bool { String(describing: type(of: number)).contains("Boolean") }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return (value as? NSNumber).map(isBool) ?? false
        case "integer":
            guard let number = value as? NSNumber, !isBool(number) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return (value as? NSNumber).map { !isBool($0) } ?? false
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    private static func typeName(_ value: Any) -> String {
        for name in ["null", "boolean", "integer", "number", "string", "array", "object"]
        where matches(value, type: name) { return name }
        return "unknown"
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }
}
