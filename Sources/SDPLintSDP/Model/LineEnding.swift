/// How lines end. RFC 8866 §5 requires CRLF but asks parsers to accept a bare LF too.
public enum LineEnding: String, Sendable, Hashable, CaseIterable {
    case crlf = "\r\n"
    case lf = "\n"
}
