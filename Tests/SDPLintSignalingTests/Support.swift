import Foundation
import SDPLintDiagnostics
import SDPLintJSON
import SDPLintSignaling
import SDPLintTestSupport

/// The fixtures of the Signaling tests.
enum Fixtures {
    /// Every JSON envelope and candidate stream captured from a WebRTC client (webrtc-internals
    /// and about:webrtc dumps are not signaling messages).
    static let corpusJSON: [Fixture] =
        (["chromium", "firefox", "aiortc", "gstreamer", "cross"].flatMap {
            Fixture.files(in: "corpus/\($0)", suffix: ".json")
                + Fixture.files(in: "corpus/\($0)", suffix: ".candidates.ndjson")
        }).sorted { $0.path < $1.path }

    /// Every captured SIP message.
    static let corpusSIP: [Fixture] = Fixture.files(in: "corpus", suffix: ".sip")

    /// Hand-made valid inputs of every format.
    static let handMade: [Fixture] = ["json", "whip", "sip", "sdpfrag"].flatMap { folder in
        Fixture.files(in: "signaling/\(folder)", suffix: "").filter {
            !$0.path.hasSuffix(".md") && !$0.path.hasSuffix("ice-servers.json")
        }
    }

    /// Hand-made invalid inputs, each with its `.expected`.
    static let invalid: [Fixture] = Fixture.files(in: "signaling/invalid", suffix: "").filter {
        !$0.path.hasSuffix(".expected")
    }

    /// The `LINE:COL CODE` lines of the `.expected` beside `fixture`.
    static func expected(for fixture: Fixture) throws -> [String] {
        let path = fixture.path.split(separator: ".").dropLast().joined(separator: ".") + ".expected"
        return try Fixture(path: path).text().split(separator: "\n").map(String.init).filter {
            !$0.isEmpty && !$0.hasPrefix("#")
        }
    }
}

extension Diagnostic {
    /// `LINE:COL CODE`, as `.expected` files write it.
    var positionAndCode: String { "\(location.line):\(location.column) \(code)" }
}

extension Array where Element == Diagnostic {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}

/// The messages as the model holds them, for comparing two reads.
func values(_ located: [Located<SignalingMessage>]) -> [SignalingMessage] { located.map(\.value) }
