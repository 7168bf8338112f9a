// Small helpers for this module's messages. ASCII case and trimming come from SDPLintScanning.

/// "1 section", "2 sections".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : (plural ?? singular + "s"))
}
