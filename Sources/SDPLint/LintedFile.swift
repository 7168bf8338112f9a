public import Diagnostics

/// One input and the findings about it, ready to render.
public struct LintedFile: Sendable {
    /// How the input is named in reports: a path, or "<stdin>".
    public var path: String
    /// Where in the input the checked text sits, when it is not the whole file: a description
    /// inside a browser dump (`PeerConnections["8-1"].updateLog[7]`), the `sdp` member of an
    /// envelope, a frame of a capture. Line and column numbers then count in that text.
    public var context: String?
    /// The text the line and column numbers refer to (for the snippets under each finding).
    /// Emptied in batch runs that need no snippets, to keep memory flat.
    public var source: [UInt8]
    public var diagnostics: [Diagnostic]
    /// The candidates the input holds and what they offer for connectivity, when it has any.
    public var connectivity: ConnectivityReport?

    public init(path: String, context: String? = nil, source: [UInt8], diagnostics: [Diagnostic],
                connectivity: ConnectivityReport? = nil) {
        self.path = path
        self.context = context
        self.source = source
        self.diagnostics = diagnostics
        self.connectivity = connectivity
    }

    /// How findings name their place: `offer.sdp:` or, inside a larger input,
    /// `dump.json: PeerConnections["8-1"].updateLog[7] line `.
    public var locationPrefix: String {
        guard let context else { return path + ":" }
        return "\(path): \(context) line "
    }

    /// How many findings of each severity.
    public var counts: SeverityCounts { SeverityCounts(diagnostics) }

    /// The text of a 1-based line, without its line ending.
    public func line(_ number: Int) -> [UInt8] {
        var current = 1
        var start = 0
        var index = 0
        while index < source.count && current < number {
            if source[index] == 0x0A {
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == number, start <= source.count else { return [] }
        var end = start
        while end < source.count && source[end] != 0x0A { end += 1 }
        if end > start && source[end - 1] == 0x0D { end -= 1 }
        return Array(source[start..<end])
    }
}

/// Findings counted by severity.
public struct SeverityCounts: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init() {}

    public init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic.severity) }
    }

    public mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
    }

    public static func + (lhs: SeverityCounts, rhs: SeverityCounts) -> SeverityCounts {
        var sum = lhs
        sum.errors += rhs.errors
        sum.warnings += rhs.warnings
        sum.infos += rhs.infos
        return sum
    }
}
