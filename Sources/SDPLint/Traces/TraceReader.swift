import JSON
import Signaling

/// Finds the capture format of an input and reads its traces.
public enum TraceReader {
    /// The input's traces, or `nil` when it holds no sequence of signaling (a single
    /// description, a candidate file, a stanza).
    public static func read(_ source: [UInt8], kind: InputKind, strict: Bool = false) -> TraceCapture? {
        switch kind {
        case .rtcstats:
            return RTCStatsDump.read(source)
        case .json:
            // A dump cut short is recognised from what was complete before the cut.
            let value = JSONValue.parse(source).value ?? JSONTruncation.closing(source).flatMap { JSONValue.parse($0.text).value }
            if let value, WebRTCInternalsDump.matches(value) { return WebRTCInternalsDump.read(source) }
            if let value, FirefoxWebRTCHistory.matches(value) { return FirefoxWebRTCHistory.read(source) }
            return SignalingMessages.read(source, format: .json, strict: strict)
        case .sip:
            return SignalingMessages.read(source, format: .sip, strict: strict)
        case .http:
            return SignalingMessages.read(source, format: .whip, strict: strict)
        default:
            return nil
        }
    }
}
