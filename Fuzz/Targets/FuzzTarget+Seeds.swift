import Foundation
import SDPLintCapture

extension FuzzTarget {
    /// The seed inputs of the target, made from the fixtures: each with the fixture it came
    /// from. Compressed fixtures (`.gz`) are decompressed first, except for the
    /// ``SeedSource/Shape/stored`` shape, which keeps them as they are.
    ///
    /// - Parameter fixtures: The path of `Fixtures/`.
    /// - Complexity: O(total size of the matching fixtures, decompressed).
    public func seedInputs(fixtures: String) -> [(path: String, bytes: [UInt8])] {
        let files = FileManager.default
        let read: (String) -> [UInt8]? = { files.contents(atPath: $0).map { [UInt8]($0) } }
        var result: [(path: String, bytes: [UInt8])] = []
        for source in seeds {
            let base = (fixtures as NSString).appendingPathComponent(source.folder)
            guard let enumerator = files.enumerator(atPath: base) else { continue }
            var matches: [String] = []
            for case let relative as String in enumerator where source.suffixes.contains(where: relative.hasSuffix) {
                matches.append(relative)
            }
            for relative in matches.sorted() {
                let path = (base as NSString).appendingPathComponent(relative)
                guard var bytes = read(path) else { continue }
                if relative.hasSuffix(".gz") && source.shape != .stored {
                    let decompressed = Gzip.decompress(bytes, outputLimit: 64 << 20)
                    guard decompressed.error == nil else { continue }
                    bytes = decompressed.bytes
                }
                result += source.inputs(from: bytes, path: path, read: read).map { (path, $0) }
            }
        }
        return result
    }
}
