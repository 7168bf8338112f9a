import JSON

/// Finds the capture format of an input and reads its traces.
public enum TraceReader {
    /// The input's traces, or `nil` when it is not a capture sdplint reads (a single
    /// description, an envelope, a JSON that is not a dump).
    public static func read(_ source: [UInt8], kind: InputKind) -> TraceCapture? {
        switch kind {
        case .rtcstats:
            return RTCStatsDump.read(source)
        case .json:
            // A dump cut short is recognised from what was complete before the cut.
            let value = JSONValue.parse(source).value ?? JSONTruncation.closing(source).flatMap { JSONValue.parse($0.text).value }
            guard let value else { return nil }
            if WebRTCInternalsDump.matches(value) { return WebRTCInternalsDump.read(source) }
            if FirefoxWebRTCHistory.matches(value) { return FirefoxWebRTCHistory.read(source) }
            return nil
        default:
            return nil
        }
    }
}
