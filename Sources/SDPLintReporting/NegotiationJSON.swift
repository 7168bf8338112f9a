import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
public import SDPLintOfferAnswer
import SDPLintSDP

/// The machine-readable form of `sdplint diff --format json`; its schema is
/// `Schemas/sdplint-negotiation.schema.json`. Findings have the members of `sdplint check`'s
/// diagnostics plus the file and the role (offer or answer) they point into.
public enum NegotiationJSON {
    /// An offer/answer exchange (`"kind": "negotiation"`).
    public static func render(
        _ report: NegotiationReport, findings: [Finding], sources: NegotiationText.Sources, toolVersion: String
    ) -> String {
        var json = JSONWriter(format: .pretty)
        json.object { root in
            JSONReport.writeHeader(toolVersion: toolVersion, to: &root)
            root.member("kind", "negotiation")
            root.member("offer", report.offerName)
            root.member("answer", report.answerName)
            write(report, to: &root)
            writeFindings(findings, sources: sources, to: &root)
        }
        return json.output + "\n"
    }

    /// A renegotiation sequence (`"kind": "renegotiation"`).
    public static func render(
        _ report: RenegotiationReport, findings: [Finding], sources: NegotiationText.Sources, toolVersion: String
    ) -> String {
        var json = JSONWriter(format: .pretty)
        json.object { root in
            JSONReport.writeHeader(toolVersion: toolVersion, to: &root)
            root.member("kind", "renegotiation")
            root.member("documents", strings: report.documents)
            root.member(
                "steps",
                array: { steps in
                    for step in report.steps {
                        steps.object { entry in
                            entry.member("number", step.number)
                            entry.member("offerDocument", step.offerDocument)
                            entry.member("answerDocument", orNull: step.answerDocument)
                            entry.member("offerer", step.offerer.rawValue)
                            entry.member(
                                "changes",
                                array: { changes in
                                    for change in step.changes {
                                        changes.object { item in
                                            item.member("kind", change.kind.rawValue)
                                            item.member("section", orNull: change.section)
                                            item.member("mid", orNull: change.mid)
                                            item.member("detail", change.detail)
                                        }
                                    }
                                })
                            if let negotiation = step.negotiation {
                                entry.member("negotiation", object: { write(negotiation, to: &$0) })
                            } else {
                                entry.nullMember("negotiation")
                            }
                        }
                    }
                })
            writeFindings(findings, sources: sources, to: &root)
        }
        return json.output + "\n"
    }

    // MARK: Pieces

    private static func write(_ report: NegotiationReport, to json: inout JSONWriter.ObjectWriter) {
        json.member(
            "sections",
            array: { sections in
                for section in report.sections { sections.object { write(section, to: &$0) } }
            })
        json.member(
            "bundleGroups",
            array: { groups in
                for group in report.bundleGroups {
                    groups.object { entry in
                        entry.member("offerMids", strings: group.offerMids)
                        entry.member("answerMids", strings: group.answerMids)
                        entry.member("offererTag", orNull: group.offererTag)
                        entry.member("answererTag", orNull: group.answererTag)
                        entry.member("removed", strings: group.removed)
                    }
                }
            })
    }

    private static func write(_ section: SectionReport, to json: inout JSONWriter.ObjectWriter) {
        json.member("index", section.index)
        json.member("mid", orNull: section.mid)
        json.member("offerMid", orNull: section.offerMid)
        json.member("answerMid", orNull: section.answerMid)
        json.member("media", section.media.description)
        json.member("offerProtocol", orNull: section.offerProtocol?.description)
        json.member("answerProtocol", orNull: section.answerProtocol?.description)
        json.member("offerPort", orNull: section.offerPort)
        json.member("answerPort", orNull: section.answerPort)
        json.member("offerDirection", orNull: section.offerDirection?.rawValue)
        json.member("answerDirection", orNull: section.answerDirection?.rawValue)
        json.member("offererDirection", section.offererDirection.rawValue)
        json.member("answererDirection", section.answererDirection.rawValue)
        json.member("rejected", section.rejected)
        if let rejection = section.rejection {
            json.member(
                "rejection",
                object: { entry in
                    entry.member("reason", rejection.reason.rawValue)
                    entry.member("explanation", rejection.explanation)
                })
        } else {
            json.nullMember("rejection")
        }
        json.member("bundleOnly", section.bundleOnly)
        json.member("bundled", section.bundled)
        json.member(
            "codecs",
            array: { codecs in
                for codec in section.codecs { codecs.object { write(codec, to: &$0) } }
            })
        if let selected = section.selectedCodec {
            json.member("selectedCodec", object: { write(selected, to: &$0) })
        } else {
            json.nullMember("selectedCodec")
        }
        json.member("selectionReason", orNull: section.selectionReason)
        json.member("features", object: { write(section.features, to: &$0) })
        if let channel = section.dataChannel {
            json.member(
                "dataChannel",
                object: { entry in
                    entry.member("offerSCTPPort", orNull: channel.offerSCTPPort)
                    entry.member("answerSCTPPort", orNull: channel.answerSCTPPort)
                    entry.member("offerMaxMessageSize", orNull: channel.offerMaxMessageSize)
                    entry.member("answerMaxMessageSize", orNull: channel.answerMaxMessageSize)
                    entry.member("offerLegacy", channel.offerLegacy)
                    entry.member("answerLegacy", channel.answerLegacy)
                })
        } else {
            json.nullMember("dataChannel")
        }
    }

    private static func write(_ codec: CodecReport, to json: inout JSONWriter.ObjectWriter) {
        json.member("name", codec.name)
        json.member("clockRate", orNull: codec.clockRate)
        json.member("channels", orNull: codec.channels)
        json.member("kind", codec.kind.rawValue)
        json.member("offerPayloadType", orNull: codec.offerPayloadType)
        json.member("answerPayloadType", orNull: codec.answerPayloadType)
        json.member("status", codec.status.rawValue)
        json.member("reason", orNull: codec.reason)
        json.member("offerParameters", orNull: codec.offerParameters)
        json.member("answerParameters", orNull: codec.answerParameters)
        json.member("feedback", strings: codec.feedback)
        json.member("droppedFeedback", strings: codec.droppedFeedback)
    }

    private static func write(_ features: FeatureSummary, to json: inout JSONWriter.ObjectWriter) {
        json.member("rtcpMux", features.rtcpMux)
        json.member("rtcpMuxOnly", features.rtcpMuxOnly)
        json.member("rtcpReducedSize", features.rtcpReducedSize)
        json.member("extmapAllowMixed", features.extmapAllowMixed)
        json.member(
            "headerExtensions",
            array: { list in
                for item in features.headerExtensions {
                    list.object { entry in
                        entry.member("uri", item.uri)
                        entry.member("offerId", orNull: item.offerID)
                        entry.member("answerId", orNull: item.answerID)
                        entry.member("status", item.status.rawValue)
                        entry.member("offererDirection", orNull: item.offererDirection?.rawValue)
                    }
                }
            })
        json.member(
            "ice",
            object: { ice in
                let summary = features.ice
                ice.member("negotiated", summary.negotiated)
                ice.member("offerUfrag", orNull: summary.offerUfrag)
                ice.member("answerUfrag", orNull: summary.answerUfrag)
                ice.member("offerLite", summary.offerLite)
                ice.member("answerLite", summary.answerLite)
                ice.member("trickle", summary.trickle)
            })
        if let dtls = features.dtls {
            json.member(
                "dtls",
                object: { entry in
                    entry.member("offerSetup", orNull: dtls.offerSetup?.rawValue)
                    entry.member("answerSetup", orNull: dtls.answerSetup?.rawValue)
                    entry.member("offererRole", orNull: dtls.offererRole?.rawValue)
                    entry.member("answererRole", orNull: dtls.answererRole?.rawValue)
                    entry.member("offerFingerprintHashes", strings: dtls.offerFingerprintHashes)
                    entry.member("answerFingerprintHashes", strings: dtls.answerFingerprintHashes)
                })
        } else {
            json.nullMember("dtls")
        }
        json.member("srtpSuite", orNull: features.srtpSuite)
        if let simulcast = features.simulcast {
            json.member(
                "simulcast",
                object: { entry in
                    entry.member("offerSend", strings: simulcast.offerSend)
                    entry.member("offerReceive", strings: simulcast.offerReceive)
                    entry.member("answerSend", strings: simulcast.answerSend)
                    entry.member("answerReceive", strings: simulcast.answerReceive)
                    entry.member("offererSends", strings: simulcast.offererSends)
                    entry.member("answererSends", strings: simulcast.answererSends)
                    entry.member("paused", strings: simulcast.paused)
                })
        } else {
            json.nullMember("simulcast")
        }
    }

    private static func writeFindings(
        _ findings: [Finding], sources: NegotiationText.Sources, to json: inout JSONWriter.ObjectWriter
    ) {
        json.member(
            "diagnostics",
            array: { list in
                for finding in findings {
                    list.object { entry in
                        entry.member("file", sources[finding.file]?.path ?? finding.file)
                        entry.member("context", orNull: sources[finding.file]?.context)
                        entry.member("role", finding.role.rawValue)
                        entry.member("document", finding.document)
                        JSONReport.write(finding.diagnostic, to: &entry)
                    }
                }
            })
        JSONReport.writeCounts(SeverityCounts(findings.map(\.diagnostic)), to: &json)
    }
}
