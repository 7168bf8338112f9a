import Foundation
import SDPLintFuzzTargets
import SDPLintTestSupport
import Testing

/// Every input a fuzzer once broke a parser with, replayed through the target that found it:
/// it must run without trapping, keep the target's oracles and finish within a time bound.
///
/// Inputs live in `Fixtures/fuzz-regressions/<target>/`, one file each, beside an optional
/// `<name>.txt` note saying what happened. Those under `pending/` still fail (their module is
/// being changed elsewhere) and are not replayed.
@Suite struct FuzzRegressionTests {
    /// One saved input and the target it belongs to.
    struct Case: CustomTestStringConvertible, Sendable {
        var target: String
        var fixture: Fixture
        var testDescription: String { fixture.path }
    }

    static let folder = "fuzz-regressions"

    static let cases: [Case] = FuzzTarget.all.flatMap { target in
        Fixture.files(in: "\(folder)/\(target.name)", suffix: "")
            .filter { !$0.path.hasSuffix(".txt") && !$0.path.hasSuffix(".md") }
            .map { Case(target: target.name, fixture: $0) }
    }

    /// Generous for a debug build on a loaded machine: the inputs are a few KiB, and a release
    /// build parses them in microseconds. A quadratic path on a fuzzer-sized input shows up as
    /// seconds.
    static let timeBound = Duration.seconds(2)

    @Test(arguments: cases)
    func replaysWithoutTrapping(_ saved: Case) throws {
        let target = try #require(FuzzTarget.named(saved.target))
        let input = try saved.fixture.bytes()
        var violations: [Violation] = []
        let elapsed = ContinuousClock().measure { violations = target.run(input) }
        #expect(violations.isEmpty, "\(violations)")
        #expect(elapsed < Self.timeBound, "\(saved.fixture.path) took \(elapsed)")
    }

    @Test func everyFolderNamesATarget() throws {
        let root = Fixture.root.appendingPathComponent(Self.folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let known = Set(FuzzTarget.all.map(\.name) + ["pending", "README.md"])
        #expect(names.filter { !known.contains($0) } == [])
        let pending =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("pending").path)) ?? []
        #expect(pending.filter { FuzzTarget.named($0) == nil } == [])
    }

    /// The smallest seeds of each target pass through it: the targets and their seed sources
    /// stay in step with the modules and the fixtures between fuzzing runs.
    @Test(arguments: FuzzTarget.all.map(\.name))
    func runsItsSeeds(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = target.seedInputs(fixtures: Fixture.root.path)
        #expect(!seeds.isEmpty)
        for seed in seeds.sorted(by: { $0.bytes.count < $1.bytes.count }).prefix(8) {
            let violations = target.run(seed.bytes)
            #expect(violations.isEmpty, "\(seed.path): \(violations)")
        }
    }
}
