/// A line the parser kept but could not place in the model: a type letter it does not know
/// (for example GB28181's `y=` and `f=`), a line without `=`, a blank line, or a field that is
/// not allowed where it stands.
///
/// Extra lines are written back at the position they had among their section's lines, so the
/// serialization of a description with odd lines still gives back the input.
public struct ExtraLine: Sendable, Hashable, CustomStringConvertible {
    /// The whole line, without its line ending.
    public var text: String
    /// Its 0-based index among all the lines of its section (the m= line is index 0 of a media
    /// section, the v= line index 0 of the session).
    public var position: Int

    public init(text: String, position: Int) {
        self.text = text
        self.position = position
    }

    public var description: String { text }
}
