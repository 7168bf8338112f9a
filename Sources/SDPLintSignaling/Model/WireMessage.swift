/// A message as it went over the wire — a SIP request or response — whether or not it
/// carried a signaling message: what a call-flow ladder draws as one arrow.
///
/// A 100 Trying, a 180 Ringing without SDP or an ACK carry no offer or answer, yet a support
/// engineer reading a failed call needs to see them in order, between the parties.
public struct WireMessage: Sendable, Hashable {
    /// The request's method (`INVITE`) or the response's status (`180 Ringing`).
    public var label: String
    /// The dialog it belongs to (the SIP Call-ID), when it says.
    public var session: String?
    /// Who sent it: `127.0.0.1:5061` in a capture, the party's address of record
    /// (`alice@atlanta.example.com`) in a file, which holds no network addresses.
    public var sender: String
    /// Who it was sent to, named like ``sender``.
    public var receiver: String
    /// Its position among the input's SIP messages, from 1, or its frame number in a capture:
    /// the number a user finds it by.
    public var number: Int
    /// The line of the input its start line is on; `nil` in a packet capture, whose packets
    /// are numbered by frame.
    public var line: Int?

    public init(label: String, session: String?, sender: String, receiver: String, number: Int, line: Int?) {
        self.label = label
        self.session = session
        self.sender = sender
        self.receiver = receiver
        self.number = number
        self.line = line
    }
}
