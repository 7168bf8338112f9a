import Foundation
import SDPLint
import SDPLintCapture
import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// Anonymizes fixtures of every kind and checks the result against what an independent
/// inventory (``SecretInventory``) finds in the original: nothing identifying survives, the
/// result reads as the same kind with as many messages or frames, and it lints the same.
@Suite struct AnonymizationLeakTests {
    static let samples = AnonymizationSample.all

    @Test(arguments: samples)
    func noIdentifierSurvives(_ sample: AnonymizationSample) throws {
        let original = try sample.bytes()
        let inventory = SecretInventory.collect(original)
        let anonymized = try Anonymizer.anonymize(original)
        let view = TextView.of(anonymized)
        let survivors = inventory.survivors(in: view.searched)
        #expect(
            survivors.isEmpty, "\(survivors.count) of \(inventory.count) identifiers survived: \(survivors.prefix(12))")
    }

    @Test(arguments: samples)
    func readsAndLintsTheSame(_ sample: AnonymizationSample) throws {
        let original = try sample.bytes()
        let anonymized = try Anonymizer.anonymize(original)
        let kind = InputKind.detect(original)
        #expect(InputKind.detect(anonymized) == kind)
        if kind == .gzip {
            let inner = Gzip.decompress(original).bytes
            let result = Gzip.decompress(anonymized)
            #expect(result.error == nil)
            #expect(InputKind.detect(result.bytes) == InputKind.detect(inner))
            #expect(result.bytes.count == inner.count, "every replacement keeps its length")
        } else {
            #expect(anonymized.count == original.count, "every replacement keeps its length")
        }
        #expect(anonymized != original || SecretInventory.collect(original).count == 0)
        #expect(Self.ruleCodes(anonymized) == Self.ruleCodes(original))
        #expect(Self.messageCounts(anonymized) == Self.messageCounts(original))
        if kind == .json {
            let before = JSONValue.parse(bytes: original).value
            let after = JSONValue.parse(bytes: anonymized).value
            #expect((before == nil) == (after == nil), "parses as JSON exactly when the original does")
            if let before, let after { #expect(Self.shape(after) == Self.shape(before)) }
        }
    }

    /// The rule codes `sdplint check` reports, with how often.
    static func ruleCodes(_ bytes: [UInt8]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in Linter.check(bytes, path: "input") {
            for diagnostic in file.diagnostics { counts[diagnostic.code.rawValue, default: 0] += 1 }
        }
        return counts
    }

    /// How many traces and events the readers find, and frames in a capture.
    static func messageCounts(_ bytes: [UInt8]) -> [Int] {
        var counts: [Int] = []
        let capture = InputReader.read(bytes, name: "input")
        if case .traces = capture.content {
            counts += [capture.traces.count] + capture.traces.map(\.events.count)
        }
        let inner = Gzip.isGzip(bytes) ? Gzip.decompress(bytes).bytes : bytes
        if InputKind.detect(inner) == .pcap, let reader = try? PacketReader(bytes: inner) {
            while let packet = try? reader.next() { counts.append(packet.data.count) }
        }
        return counts
    }

    /// The structure of a JSON value: types, member names in order (but stats ids, which are
    /// anonymized: the names of a `stats` object's members), element counts.
    static func shape(_ value: JSONValue, statsIDs: Bool = false) -> String {
        switch value {
        case .object(let object):
            let members = object.members.map { member in
                (statsIDs ? "#" : member.key) + ":" + shape(member.value, statsIDs: member.key == "stats")
            }
            return "{" + members.joined(separator: ",") + "}"
        case .array(let elements):
            return "[" + elements.map { shape($0) }.joined(separator: ",") + "]"
        case .string: return "s"
        case .number: return "n"
        default: return "l"
        }
    }

    /// The samples cover every kind of input `sdplint` reads, with secrets in each.
    @Test func samplesCoverEveryKind() throws {
        var secrets: [String: (samples: Int, secrets: Int)] = [:]
        for sample in Self.samples {
            let bytes = try sample.bytes()
            let kind = InputKind.detect(bytes)
            let name = kind == .gzip ? "gzip (\(InputKind.detect(Gzip.decompress(bytes).bytes)))" : kind.rawValue
            let count = SecretInventory.collect(bytes).count
            secrets[name, default: (0, 0)].samples += 1
            secrets[name, default: (0, 0)].secrets += count
        }
        let kinds = Set(secrets.keys)
        #expect(kinds.isSuperset(of: InputKind.readable.filter { $0 != .gzip }.map(\.rawValue)))
        #expect(
            kinds.contains { $0.hasPrefix("gzip (json") } && kinds.contains("gzip (rtcstats)")
                && kinds.contains("gzip (pcap)"))
        for (kind, figures) in secrets { #expect(figures.secrets > 0, "no identifier found in the \(kind) samples") }
        if ProcessInfo.processInfo.environment["SDPLINT_PRINT_INVENTORY"] != nil {
            for (kind, figures) in secrets.sorted(by: { $0.key < $1.key }) {
                print("anonymization samples: \(kind): \(figures.samples) samples, \(figures.secrets) identifiers")
            }
            for sample in Self.samples {
                print("anonymization sample \(sample.name): \(SecretInventory.collect(try sample.bytes()).count)")
            }
        }
    }
}
