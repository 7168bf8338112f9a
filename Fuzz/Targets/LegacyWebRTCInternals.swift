import SDPLintDiagnostics
import SDPLintJSON

/// Makes seeds in the older webrtc-internals value format from current dumps, since no dump of
/// that age is among the fixtures.
///
/// Chromium once wrote each `updateLog` entry's `value` as `type: offer, sdp: v=0…` and
/// `sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:…` instead of JSON text; the dump reader
/// still takes both (`ChromiumEvents.description`, `ChromiumEvents.candidate`).
enum LegacyWebRTCInternals {
    /// The dump with every JSON-text value of a description or candidate rewritten, or `nil`
    /// when the file is not JSON or no value changed.
    ///
    /// - Complexity: O(*n*) in the size of the dump.
    static func rewriting(_ file: [UInt8]) -> [UInt8]? {
        guard let root = JSONValue.parse(bytes: file).value else { return nil }
        var changed = false
        let rewritten = rewrite(root, changed: &changed)
        return changed ? Array(rewritten.serialized().utf8) : nil
    }

    private static func rewrite(_ value: JSONValue, changed: inout Bool) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for member in object {
                if member.key == "value", let text = member.value.stringValue, let legacy = legacyText(text) {
                    result.append(member.key, .string(legacy))
                    changed = true
                } else {
                    result.append(member.key, rewrite(member.value, changed: &changed))
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(JSONArray(elements.map { rewrite($0, changed: &changed) }))
        default:
            return value
        }
    }

    /// The older form of one value's JSON text, or `nil` when it is neither a description nor
    /// a candidate.
    private static func legacyText(_ text: String) -> String? {
        guard text.first == "{", let object = JSONValue.parse(text).value else { return nil }
        if let type = object["type"]?.stringValue, let sdp = object["sdp"]?.stringValue {
            return "type: \(type), sdp: \(sdp)"
        }
        if let candidate = object["candidate"]?.stringValue {
            let mid = object["sdpMid"]?.stringValue ?? ""
            let index = object["sdpMLineIndex"]?.numberValue?.int.map(String.init) ?? ""
            return "sdpMid: \(mid), sdpMLineIndex: \(index), candidate: \(candidate)"
        }
        return nil
    }
}
