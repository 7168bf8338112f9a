import Foundation
import Testing

/// The real captures under `Fixtures/ice/`, found relative to this file.
enum Fixtures {
    /// The package root: three levels above `Tests/ICETests/Fixtures.swift`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One line of `Fixtures/ice/candidates.txt`, named by its line number and the corpus file
    /// `PROVENANCE.md` gives for it.
    struct Line: Sendable, CustomTestStringConvertible {
        let number: Int
        let text: String
        let source: String
        var testDescription: String { "candidates.txt:\(number) (\(source))" }
    }

    /// Every candidate line, in file order.
    static let candidates: [Line] = {
        let directory = root.appendingPathComponent("Fixtures/ice")
        guard let text = try? String(contentsOf: directory.appendingPathComponent("candidates.txt"), encoding: .utf8),
            let provenance = try? String(contentsOf: directory.appendingPathComponent("PROVENANCE.md"), encoding: .utf8)
        else { return [] }
        // Table rows: | line | `source` | also in |
        var sources: [Int: String] = [:]
        for row in provenance.split(separator: "\n") where row.hasPrefix("| ") {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count >= 2, let number = Int(cells[0]) {
                sources[number] = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
        }
        var lines: [Line] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            lines.append(Line(number: index + 1, text: String(line), source: sources[index + 1] ?? "?"))
        }
        return lines
    }()
}
