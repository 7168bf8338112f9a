internal import SDPLintScanning

/// ASCII case-insensitive comparison and hashing of spellings, for the open vocabularies whose
/// standards make names case-insensitive (ABNF string literals are, RFC 5234 §2.3) while the
/// original spelling is kept for output.
///
/// Kept in ICE for now; it is a candidate for `Scanning` once the SDP module needs the same.
package enum CaseInsensitive {
    /// Whether `a` and `b` are equal when ASCII letters are folded to lower case.
    ///
    /// - Complexity: O(n), without allocating.
    package static func equal(_ a: String, _ b: String) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        var i = x.startIndex
        var j = y.startIndex
        while i != x.endIndex {
            if x[i].asciiLowercased != y[j].asciiLowercased { return false }
            i = x.index(after: i)
            j = y.index(after: j)
        }
        return true
    }

    /// Hashes `text` so that spellings `equal` considers the same hash the same.
    package static func hash(_ text: String, into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte.asciiLowercased) }
        hasher.combine(text.utf8.count)
    }
}
