import Foundation

extension FuzzTarget {
    /// The seed inputs of the target, made from the fixtures: each with the fixture it came
    /// from. Compressed fixtures (`.gz`) come as they are.
    ///
    /// - Parameter fixtures: The path of `Fixtures/`.
    /// - Complexity: O(total size of the matching fixtures).
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
                guard let bytes = read(path) else { continue }
                let inputs = relative.hasSuffix(".gz") ? [bytes] : source.inputs(from: bytes, path: path, read: read)
                result += inputs.map { (path, $0) }
            }
        }
        return result
    }
}
