/// The XML namespace, bound to the `xml` prefix by definition (Namespaces in XML 1.0 §3).
let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

extension XMLTreeElement {
    /// The element as XML text: no XML declaration, no indentation, each namespace declared as
    /// the default namespace where it starts to apply (how XMPP servers and libraries write
    /// stanzas), and attributes in other namespaces given generated prefixes.
    ///
    /// Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
    /// return) are written as U+FFFD; the readers of this module report such input before it
    /// gets here.
    ///
    /// - Parameter inheritedNamespace: the default namespace in scope where the element is
    ///   written; `nil` for a document root.
    /// - Complexity: O(*n*) in the size of the output.
    public func serialized(inheritedNamespace: String? = nil) -> String {
        var output = ""
        write(to: &output, defaultNamespace: inheritedNamespace)
        return output
    }

    /// Appends the element as XML text.
    public func write(to output: inout String, defaultNamespace: String?) {
        output += "<"
        output += name.localName
        if name.namespace != defaultNamespace {
            output += " xmlns=\""
            XMLEscaping.appendAttribute(name.namespace ?? "", to: &output)
            output += "\""
        }
        var prefixes: [String: String] = [:]
        for attribute in attributes {
            output += " "
            if let namespace = attribute.name.namespace {
                if namespace == xmlNamespace {
                    output += "xml:"
                } else {
                    let prefix: String
                    if let known = prefixes[namespace] {
                        prefix = known
                    } else {
                        prefix = "ns\(prefixes.count + 1)"
                        prefixes[namespace] = prefix
                        output += "xmlns:" + prefix + "=\""
                        XMLEscaping.appendAttribute(namespace, to: &output)
                        output += "\" "
                    }
                    output += prefix + ":"
                }
            }
            output += attribute.name.localName
            output += "=\""
            XMLEscaping.appendAttribute(attribute.value, to: &output)
            output += "\""
        }
        if children.isEmpty {
            output += "/>"
            return
        }
        output += ">"
        for child in children {
            switch child {
            case .element(let element): element.write(to: &output, defaultNamespace: name.namespace)
            case .text(let text): XMLEscaping.appendText(text, to: &output)
            }
        }
        output += "</"
        output += name.localName
        output += ">"
    }
}

/// Escaping for XML 1.0 character data and attribute values (XML 1.0 §2.4, §3.3.3).
enum XMLEscaping {
    static func appendText(_ text: String, to output: inout String) {
        append(text, to: &output, inAttribute: false)
    }

    static func appendAttribute(_ text: String, to output: inout String) {
        append(text, to: &output, inAttribute: true)
    }

    private static func append(_ text: String, to output: inout String, inAttribute: Bool) {
        // Fast path: nothing to escape.
        if !text.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x7F
        }) {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: output += "&amp;"
            case 0x3C: output += "&lt;"
            case 0x3E: output += "&gt;"
            case 0x22 where inAttribute: output += "&quot;"
            // Attribute-value normalization would turn these into spaces (XML 1.0 §3.3.3), so
            // they are written as character references; in text, only CR needs one (§2.11).
            case 0x09 where inAttribute: output += "&#9;"
            case 0x0A where inAttribute: output += "&#10;"
            case 0x0D: output += "&#13;"
            case 0x09, 0x0A: output.unicodeScalars.append(scalar)
            case 0x00..<0x20, 0xFFFE, 0xFFFF: output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
