extension RTPMap {
    /// The encoding a static payload type stands for without an rtpmap line.
    ///
    /// [RFC 3551 §6](https://www.rfc-editor.org/rfc/rfc3551#section-6), Tables 4 and 5.
    /// Payload types 35–71 and 77–95 are unassigned, 72–76 reserved (RTCP), 96–127 dynamic.
    public static func staticPayloadType(_ payloadType: Int) -> RTPMap? {
        let entry: (String, Int, Int?)
        switch payloadType {
        case 0: entry = ("PCMU", 8000, 1)
        case 3: entry = ("GSM", 8000, 1)
        case 4: entry = ("G723", 8000, 1)
        case 5: entry = ("DVI4", 8000, 1)
        case 6: entry = ("DVI4", 16000, 1)
        case 7: entry = ("LPC", 8000, 1)
        case 8: entry = ("PCMA", 8000, 1)
        case 9: entry = ("G722", 8000, 1)
        case 10: entry = ("L16", 44100, 2)
        case 11: entry = ("L16", 44100, 1)
        case 12: entry = ("QCELP", 8000, 1)
        case 13: entry = ("CN", 8000, 1)
        case 14: entry = ("MPA", 90000, nil)
        case 15: entry = ("G728", 8000, 1)
        case 16: entry = ("DVI4", 11025, 1)
        case 17: entry = ("DVI4", 22050, 1)
        case 18: entry = ("G729", 8000, 1)
        case 25: entry = ("CelB", 90000, nil)
        case 26: entry = ("JPEG", 90000, nil)
        case 28: entry = ("nv", 90000, nil)
        case 31: entry = ("H261", 90000, nil)
        case 32: entry = ("MPV", 90000, nil)
        case 33: entry = ("MP2T", 90000, nil)
        case 34: entry = ("H263", 90000, nil)
        default: return nil
        }
        return RTPMap(payloadType: payloadType, encodingName: entry.0, clockRate: entry.1, channels: entry.2)
    }

    /// Whether the payload type is in the dynamic range 96–127 (RFC 3551 §3).
    public static func isDynamic(_ payloadType: Int) -> Bool { (96...127).contains(payloadType) }
}
