/// How much a finding matters. The set is closed: tools map it onto their own levels.
public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Worth knowing; nothing is wrong.
    case info = 0
    /// Allowed, or tolerated by most receivers, but likely to cause trouble.
    case warning = 1
    /// Breaks the standard; a conforming receiver may reject the whole description.
    case error = 2

    public var description: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// The word text output uses, as compilers do: "error", "warning", "note" (summaries count
    /// notes; JSON, SARIF and the configuration keep ``description``'s "info").
    public var label: String {
        switch self {
        case .info: "note"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// Parses "info", "warning" or "error" (also "note" and "warn").
    public init?(name: String) {
        switch name.lowercased() {
        case "info", "note": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}
