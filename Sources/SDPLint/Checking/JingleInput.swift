import SDPLintDiagnostics
import SDPLintInput
import SDPLintJingle
import SDPLintReporting
import SDPLintSDP
import SDPLintWebRTC

/// An XMPP stanza carrying Jingle (XEP-0166): its XML and Jingle findings, located in the file,
/// then — for a session-initiate or session-accept — the description it converts to, checked
/// as an offer or an answer the way `sdplint check` checks SDP.
enum JingleInput {
    static func check(_ source: [UInt8], path: String, configuration: LintConfiguration) -> [LintedFile] {
        let result = Stanza.parse(bytes: source)
        var files = [
            LintedFile(
                path: path, source: source,
                diagnostics: configuration.apply(result.diagnostics).sorted { $0.location < $1.location })
        ]
        guard let jingle = result.stanza?.jingle, !jingle.contents.isEmpty,
            jingle.action == .sessionInitiate || jingle.action == .sessionAccept
        else { return files }
        let isOffer = jingle.action == .sessionInitiate
        let converted = SessionDescription.converting(jingle, options: isOffer ? .offer : .answer)
        var own = configuration
        own.type = isOffer ? .offer : .answer
        var description = Linter.checkDescription(
            Array(converted.description.serialized().utf8), path: path, configuration: own)
        description.context = "\(jingle.action) as SDP"
        if !description.diagnostics.isEmpty { files.append(description) }
        return files
    }
}
