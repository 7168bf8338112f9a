public import SDPLintDiagnostics
public import SDPLintWebRTC

/// One input, or one text inside an input, and the findings about it, ready to render.
public struct LintedFile: Sendable {
    /// How the input is named in reports: a path, or "<stdin>".
    public var path: String
    /// Where in the input the checked text sits, when it is not the whole file: a description
    /// inside a browser dump (`PeerConnections["8-1"].updateLog[7]`), the `sdp` member of an
    /// envelope, a frame of a capture. Line and column numbers then count in that text.
    public var context: String?
    /// The text the line and column numbers refer to (for the snippets under each finding).
    /// Emptied in batch runs that need no snippets, to keep memory flat.
    public var text: SourceText
    /// The line of the input ``text`` starts at: 1, or later for a window of a stream read a
    /// block at a time, whose findings keep the input's line numbers.
    public var firstLine: Int
    public var diagnostics: [Diagnostic]
    /// The line of the record of a stream checked record by record whose arrival reported these
    /// findings: the record's own, or the answer that completed the exchange they concern
    /// (``InputDocument/records``).
    public var record: Int?
    /// The candidates the input holds and what they offer for connectivity, when it has any.
    public var connectivity: ConnectivityReport?

    public init(
        path: String, context: String? = nil, text: SourceText, firstLine: Int = 1, diagnostics: [Diagnostic],
        connectivity: ConnectivityReport? = nil
    ) {
        self.path = path
        self.context = context
        self.text = text
        self.firstLine = firstLine
        self.diagnostics = diagnostics
        self.connectivity = connectivity
    }

    public init(
        path: String, context: String? = nil, source: [UInt8], firstLine: Int = 1, diagnostics: [Diagnostic],
        connectivity: ConnectivityReport? = nil
    ) {
        self.init(
            path: path, context: context, text: SourceText(source), firstLine: firstLine, diagnostics: diagnostics,
            connectivity: connectivity)
    }

    /// The bytes of ``text``.
    public var source: [UInt8] {
        get { text.bytes }
        set { text = SourceText(newValue) }
    }

    /// How findings name their place: `offer.sdp:` or, inside a larger input,
    /// `dump.json: PeerConnections["8-1"].updateLog[7] line `.
    public var locationPrefix: String {
        guard let context else { return path + ":" }
        return "\(path): \(context) line "
    }

    /// How many findings of each severity.
    public var counts: SeverityCounts { SeverityCounts(diagnostics) }

    /// The text of a 1-based line of the input, without its line ending.
    ///
    /// - Complexity: O(m) in the length of the line.
    public func line(_ number: Int) -> [UInt8] {
        lineBounds(number).map { Array(text.bytes[$0]) } ?? []
    }

    /// The byte range in ``text`` of a line of the input (numbered from ``firstLine``), without
    /// its line ending.
    package func lineBounds(_ line: Int) -> Range<Int>? {
        text.range(ofLine: line - firstLine + 1)
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
