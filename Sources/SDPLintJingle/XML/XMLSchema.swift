public import SDPLintDiagnostics

/// A compiled XML Schema (XSD), checked with libxml2's schema validator.
///
/// The schema document is read from memory with the same safe parser as stanzas (no DTD, no
/// network). Its `xs:import`s are loaded by libxml2 relative to `baseURL`, so a root schema
/// can import one file per namespace. Owns the compiled schema and the document it was compiled
/// from, and frees both.
///
/// A compiled libxml2 schema is not changed by validation (each validation has its own
/// context), so one instance may be shared between threads.
public final class XMLSchema: @unchecked Sendable {
    /// The `sdplint_xml_schema`.
    private let schema: OpaquePointer
    /// The schema document, which the compiled schema points into.
    private let source: LibXMLDocument

    /// Compiles a schema.
    ///
    /// - Parameters:
    ///   - text: the root schema document.
    ///   - baseURL: the path or URL the root schema would have, against which `xs:import`
    ///     schema locations resolve; `nil` for a schema that imports nothing.
    /// - Throws: ``XMLSchemaError`` with the findings when the text is not XML or not a schema.
    public init(text: String, baseURL: String? = nil) throws(XMLSchemaError) {
        var collector = DiagnosticCollector()
        let bytes = Array(text.utf8)
        let lines = SourceText(bytes)
        guard
            let document = LibXMLReader.open(
                bytes, options: XMLParseOptions(maxBytes: 16 << 20), lines: lines, url: baseURL, collector: &collector)
        else {
            throw XMLSchemaError(diagnostics: collector.finish(overflowRule: JingleRules.tooManyFindings))
        }
        let errors = LibXMLErrorList()
        guard let list = errors.pointer, let compiled = document.compileSchema(errors: list) else {
            for error in errors.errors {
                collector.report(
                    JingleRules.schemaViolation,
                    at: lines.location(at: lines.offset(line: error.line, characterColumn: max(1, error.column))),
                    "the schema does not compile: " + error.message)
            }
            if !collector.hasErrors {
                collector.report(
                    JingleRules.schemaViolation, at: lines.location(at: 0), "the schema does not compile")
            }
            throw XMLSchemaError(diagnostics: collector.finish(overflowRule: JingleRules.tooManyFindings))
        }
        schema = compiled
        source = document
    }

    deinit {
        LibXMLDocument.free(schema: schema)
    }

    /// Validates an XML document against the schema.
    ///
    /// - Returns: the findings: well-formedness errors of the document, or one
    ///   ``JingleRules/schemaViolation`` per element the validator rejects, at its line.
    public func validate(_ xml: String, options: XMLParseOptions = .lenient) -> [Diagnostic] {
        var collector = DiagnosticCollector(strict: options.strict, limit: options.maxDiagnostics)
        let bytes = Array(xml.utf8)
        let lines = SourceText(bytes)
        guard let document = LibXMLReader.open(bytes, options: options, lines: lines, collector: &collector) else {
            return collector.finish(overflowRule: JingleRules.tooManyFindings)
        }
        let errors = LibXMLErrorList()
        let result: Int32? = errors.pointer.map { document.validate(against: schema, errors: $0) }
        for error in errors.errors {
            // Validation errors carry the element's line but no column: point at the line's
            // first element.
            var offset = lines.offset(line: error.line, characterColumn: max(1, error.column))
            while offset < bytes.count && (bytes[offset] == 0x20 || bytes[offset] == 0x09) { offset += 1 }
            collector.report(JingleRules.schemaViolation, at: lines.location(at: offset, length: 1), error.message)
        }
        if let result, result != 0, errors.errors.isEmpty {
            collector.report(
                JingleRules.schemaViolation, at: lines.location(at: 0),
                "libxml2 could not validate the document (code \(result))")
        }
        return collector.finish(overflowRule: JingleRules.tooManyFindings)
    }
}

/// Thrown when a schema does not compile.
public struct XMLSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.first?.description ?? "the schema does not compile" }
}
