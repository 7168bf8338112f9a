import SDPLintDiagnostics
import SDPLintICE
import SDPLintTestSupport
import Testing

/// Mutated real inputs, checked against simple oracles: nothing traps, a candidate that comes
/// back prints exactly the input value, and every finding points inside the input.
@Suite struct GeneratedInputTests {
    static let alphabet = Array(" \t:.-+/0123456789abcdefghijklmnopqrstuvwxyzTYPUDC@[]?=é".unicodeScalars)

    static func mutate(_ text: String, _ random: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !scalars.isEmpty else { break }
            let index = Int.random(in: 0..<scalars.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: scalars[index] = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            case 1: scalars.remove(at: index)
            case 2: scalars.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: index)
            default: scalars.insert(" ", at: index)
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    /// The value `Candidate.parse` reads: without `a=`, `candidate:` and the line ending.
    static func value(of text: String) -> String {
        var rest = Substring(text)
        if rest.hasSuffix("\n") { rest = rest.dropLast() }
        if rest.hasSuffix("\r") { rest = rest.dropLast() }
        if rest.hasPrefix("a=") { rest = rest.dropFirst(2) }
        if rest.hasPrefix("candidate:") { rest = rest.dropFirst(10) }
        return String(rest)
    }

    @Test func mutatedCandidatesPrintBackAndPointInside() {
        var random = SeededGenerator(seed: 8839)
        let seeds =
            Fixtures.candidates.map(\.text) + [
                "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 203.0.113.141 rport 8998",
                "a=candidate:3 1 udp 41885439 198.51.100.7 50001 typ relay raddr 0.0.0.0 rport 0 generation 0",
            ]
        #expect(seeds.count > 2)
        var returned = 0
        for _ in 0..<20_000 {
            let text = Self.mutate(seeds[Int.random(in: 0..<seeds.count, using: &random)], &random)
            let parsedCandidate = Candidate.parse(text)
            let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
            if let candidate {
                returned += 1
                #expect(Array(candidate.description.utf8) == Array(Self.value(of: text).utf8), "\(text)")
            } else {
                #expect(diagnostics.containsErrors, "\(text)")
            }
            let length = text.utf8.count
            for diagnostic in diagnostics {
                #expect(diagnostic.location.line == 1)
                #expect(
                    diagnostic.location.column >= 1 && diagnostic.location.column <= length + 1,
                    "\(text): \(diagnostic)")
                #expect(diagnostic.location.bytes.upperBound <= length, "\(text): \(diagnostic)")
            }
        }
        // Most mutations leave a recoverable candidate; none may be lost silently.
        #expect(returned > 10_000)
    }

    @Test func mutatedServerURLsPrintBackAndPointInside() {
        var random = SeededGenerator(seed: 7065)
        let seeds = [
            "stun:stun.l.example.org:19302", "turn:[2001:db8::1]:3478?transport=udp",
            "turns:turn.example.org:443?transport=tcp", "turn:192.0.2.1?transport=tcp", "stuns:[::1]",
        ]
        for _ in 0..<20_000 {
            let text = Self.mutate(seeds[Int.random(in: 0..<seeds.count, using: &random)], &random)
            let parsedUrl = ICEServerURL.parse(text)
            let (url, diagnostics) = (parsedUrl.value, parsedUrl.diagnostics)
            if let url {
                #expect(Array(url.description.utf8) == Array(text.utf8), "\(text)")
            } else {
                #expect(diagnostics.containsErrors, "\(text)")
            }
            for diagnostic in diagnostics {
                #expect(diagnostic.location.bytes.upperBound <= text.utf8.count, "\(text): \(diagnostic)")
            }
        }
    }
}
