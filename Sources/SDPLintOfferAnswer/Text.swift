// Small helpers for this module's messages. ASCII case and trimming come from SDPLintScanning.

extension Array where Element == String {
    /// "a", "a and b", "a, b and c".
    var joinedAsList: String {
        switch count {
        case 0: return ""
        case 1: return self[0]
        default: return dropLast().joined(separator: ", ") + " and " + self[count - 1]
        }
    }
}

/// "1 section", "2 sections".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : (plural ?? singular + "s"))
}
