/// A pointer into the standard a rule comes from, such as "RFC 8866 §5.2".
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    /// The document: "RFC 8866", "XEP-0166", "draft-ietf-wish-whep".
    public var document: String
    /// The section within it, without the "§" sign, or `nil` for the whole document.
    public var section: String?

    public init(_ document: String, section: String? = nil) {
        self.document = document
        self.section = section
    }

    /// An RFC section: `.rfc(8866, "5.2")`.
    public static func rfc(_ number: Int, _ section: String? = nil) -> Reference {
        Reference("RFC \(number)", section: section)
    }

    /// An XMPP extension protocol section: `.xep(166, "7.2")`.
    public static func xep(_ number: Int, _ section: String? = nil) -> Reference {
        let digits = String(number)
        return Reference("XEP-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits, section: section)
    }

    /// "RFC 8866 §5.2".
    public var description: String {
        guard let section else { return document }
        return "\(document) §\(section)"
    }

    /// The canonical web address of the document (and section, where the publisher has anchors).
    public var url: String? {
        if document.hasPrefix("RFC "), let number = Int(document.dropFirst(4)) {
            let base = "https://www.rfc-editor.org/rfc/rfc\(number)"
            guard let section else { return base }
            let kind = section.first?.isLetter == true ? "appendix" : "section"
            return "\(base)#\(kind)-\(section)"
        }
        if document.hasPrefix("XEP-") {
            return "https://xmpp.org/extensions/\(document.lowercased()).html"
        }
        if document.hasPrefix("draft-") { return "https://datatracker.ietf.org/doc/\(document)/" }
        if document.hasPrefix("HEP3 ") { return "https://github.com/sipcapture/HEP/blob/master/docs/HEP3_rev12.pdf" }
        return nil
    }
}
