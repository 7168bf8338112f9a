import Foundation
import SDPLintTestSupport
import Testing

/// Runs the built `sdplint` binary end to end: exit status, text, JSON against its schema.
@Suite struct CLITests {
    let cleanCapture = "Fixtures/corpus/chromium/audio-video.offer.sdp"
    let brokenSDP =
        "v=0\no=- abc 1 IN IP4 1.2.3.400\ns=-\nt=0 0\nm=audio 70000 RTP/AVP 0 96\nc=IN IP4 0.0.0.0\na=rtcp-fb:97 nack\n"

    @Test func exitsZeroOnACleanCapture() throws {
        let run = try Executable.run("sdplint", ["check", cleanCapture])
        #expect(run.status == 0)
        #expect(run.standardOutput.split(separator: "\n").last?.hasPrefix("0 errors, 0 warnings") == true)
    }

    @Test func exitsOneAndPointsAtEachError() throws {
        let run = try Executable.run("sdplint", ["check", "-"], input: Data(brokenSDP.utf8))
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("<stdin>:2:5: error[SDP135]: session id 'abc' is not a decimal number"))
        #expect(run.standardOutput.contains("<stdin>:2:18: error[SDP129]"))
        #expect(run.standardOutput.contains("<stdin>:5:9: error[SDP128]: port 70000 is out of range 0–65535"))
        #expect(run.standardOutput.contains("<stdin>:5:25: error[SDP302]: dynamic payload type 96 has no a=rtpmap"))
        // The offending line, then a caret under the exact span.
        #expect(run.standardOutput.contains("2 | o=- abc 1 IN IP4 1.2.3.400\n  |     ^~~\n"))
    }

    @Test func exitsTwoForAMissingFile() throws {
        let run = try Executable.run("sdplint", ["check", "no/such/file.sdp"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("no/such/file.sdp: no such file"))
    }

    @Test func exitsTwoOnUsageErrors() throws {
        #expect(try Executable.run("sdplint", ["check"]).status == 2)
        #expect(try Executable.run("sdplint", ["check", "--format", "yaml", cleanCapture]).status == 2)
    }

    /// `check FILE…` with no option runs without swift-argument-parser (start-up); what it
    /// writes and its status must be the parsed command's, with its options at their defaults
    /// (`--min-severity warning` sends the same files through the parser).
    @Test(arguments: [
        ["Fixtures/corpus/chromium/audio-video.offer.sdp"],
        ["Fixtures/jingle/session-initiate.xml", "Fixtures/pcap/sip-tcp-coalesced.pcapng"],
        ["Fixtures/json/invalid", "no/such/file.sdp"],
        ["-"],
    ])
    func runsPlainFilesAsTheParsedCommand(_ files: [String]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let paths = files.map {
            $0 == "-" || $0.hasPrefix("no/") ? $0 : Fixture.root.deletingLastPathComponent().path + "/" + $0
        }
        for directory in [nil, root] {
            if directory != nil {
                // The configuration file found from the working directory counts on both paths.
                try Data(#"{"severity": {"SDP302": "warning"}, "disable": ["WEB111"]}"#.utf8)
                    .write(to: root.appendingPathComponent(".sdplint.json"))
            }
            let plain = try Executable.run(
                "sdplint", ["check"] + paths, input: Data(brokenSDP.utf8), directory: directory)
            let parsed = try Executable.run(
                "sdplint", ["check", "--min-severity", "warning"] + paths, input: Data(brokenSDP.utf8),
                directory: directory)
            #expect(plain.status == parsed.status)
            #expect(plain.standardOutput == parsed.standardOutput)
            #expect(plain.standardError == parsed.standardError)
            #expect(!plain.standardOutput.isEmpty || !plain.standardError.isEmpty)
        }
    }

    @Test func printsItsVersionAndHelp() throws {
        let version = try Executable.run("sdplint", ["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try Executable.run("sdplint", ["check", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("sdplint check webrtc_internals_dump.json.gz"))
        // Examples name files a user has, not paths of a source checkout.
        #expect(!help.standardOutput.contains("Fixtures/"))
    }

    /// Notes are counted but not shown in text unless asked for; JSON keeps them; --quiet
    /// leaves the summary out.
    @Test func showsNotesOnlyWhenAsked() throws {
        let fixture = "Fixtures/jingle/session-initiate.xml"
        let plain = try Executable.run("sdplint", ["check", fixture])
        #expect(plain.status == 0)
        #expect(!plain.standardOutput.contains("note[WEB111]"))
        #expect(plain.standardOutput.hasSuffix("2 notes in 1 file (notes not shown: --min-severity info shows them)\n"))
        let all = try Executable.run("sdplint", ["check", "--min-severity", "info", fixture])
        #expect(all.standardOutput.contains("note[WEB111]"))
        #expect(all.standardOutput.hasSuffix("2 notes in 1 file\n"))
        let json = try Executable.run("sdplint", ["check", "--format", "json", fixture])
        #expect(json.standardOutput.contains("\"WEB111\""))
        let quiet = try Executable.run("sdplint", ["check", "--quiet", fixture])
        #expect(quiet.standardOutput.isEmpty)
        let errors = try Executable.run(
            "sdplint", ["check", "--min-severity", "error", "-"], input: Data(brokenSDP.utf8))
        #expect(errors.standardOutput.contains("error[SDP135]"))
        #expect(!errors.standardOutput.contains("warning["))
        #expect(try Executable.run("sdplint", ["check", "--min-severity", "loud", fixture]).status == 2)
    }

    /// `sdplint rules OA` (what diff's help suggests) lists the rules whose codes start so; an
    /// unknown rule is one line and status 2, without the usage of another command.
    @Test func rulesListsACodePrefix() throws {
        let listed = try Executable.run("sdplint", ["rules", "OA4"])
        #expect(listed.status == 0)
        let codes = listed.standardOutput.split(separator: "\n").compactMap { $0.split(separator: " ").first }
            .filter { $0.first?.isUppercase == true && $0.contains(where: \.isNumber) }
        #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("OA4") })
        let unknown = try Executable.run("sdplint", ["rules", "ZZZ"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "sdplint: unknown rule 'ZZZ'\n")
    }

    /// A report that cannot be written (a full disk: /dev/full) is a failure, never status 0.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFailedWriteIsStatusTwo() throws {
        let binary = Executable.productsDirectory.appendingPathComponent("sdplint").path
        for format in ["text", "json"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\"$0\" check --format \(format) \(cleanCapture) > /dev/full", binary]
            process.currentDirectoryURL = Fixture.root.deletingLastPathComponent()
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(format)")
            #expect(message.hasPrefix("sdplint: standard output could not be written: "), "\(message)")
        }
    }

    @Test func colorsOnlyWhenAsked() throws {
        let plain = try Executable.run("sdplint", ["check", "-"], input: Data(brokenSDP.utf8))
        #expect(!plain.standardOutput.contains("\u{1B}["))
        let colored = try Executable.run("sdplint", ["check", "--color", "always", "-"], input: Data(brokenSDP.utf8))
        #expect(colored.standardOutput.contains("\u{1B}[1;31merror[SDP135]"))
    }

    @Test func jsonReportValidatesAgainstItsSchema() throws {
        let schema = try JSONSchema(named: "sdplint-report.schema.json")
        for arguments in [
            ["check", "--format", "json", cleanCapture, "-"],
            ["check", "--format", "json", "Fixtures/corpus/firefox/codec-vp9-only.offer.sdp"],
        ] {
            let run = try Executable.run("sdplint", arguments, input: Data(brokenSDP.utf8))
            let errors = try schema.validate(Data(run.standardOutput.utf8))
            #expect(errors.isEmpty, "\(errors)")
        }
        let run = try Executable.run("sdplint", ["check", "--format", "json", "-"], input: Data(brokenSDP.utf8))
        let report = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let files = report?["files"] as? [[String: Any]]
        let first = (files?.first?["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "SDP135" }
        #expect(first?["line"] as? Int == 2)
        #expect(first?["column"] as? Int == 5)
        #expect(first?["severity"] as? String == "error")
        #expect(first?["reference"] as? String == "RFC 8866 §5.2")
    }

    @Test func schemaValidatorRejectsAWrongReport() throws {
        let schema = try JSONSchema(named: "sdplint-report.schema.json")
        let wrong =
            #"{"version":1,"tool":{"name":"sdplint","version":"x"},"files":[{"path":"a","diagnostics":[{"code":"sdp1","severity":"fatal","line":0}],"summary":{"errors":0,"warnings":0,"infos":0}}],"summary":{"errors":0,"warnings":0}}"#
        let errors = try schema.validate(Data(wrong.utf8))
        #expect(errors.contains { $0.contains("missing required property infos") })
        #expect(errors.contains { $0.contains("does not match") })
        #expect(errors.contains { $0.contains("fatal") })
        #expect(errors.contains { $0.contains("0 < 1") })
    }

    @Test func formatPrintsCanonicalCRLFText() throws {
        let input =
            "v=0\no=- 0001 02 IN IP4 127.0.0.1\ns=-\nt=0  0\na=group:BUNDLE  0\nm=audio 9 RTP/AVP 0 \nc=IN IP4 0.0.0.0\na=mid:0\na=rtpmap:0   PCMU/8000\n"
        let run = try Executable.run("sdplint", ["format", "-"], input: Data(input.utf8))
        #expect(run.status == 0)
        #expect(
            run.standardOutput
                == """
                v=0\r\no=- 0001 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\nm=audio 9 RTP/AVP \
                0\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=rtpmap:0 PCMU/8000\r\n
                """
        )
    }

    @Test func formatRefusesInputWithErrors() throws {
        let run = try Executable.run("sdplint", ["format", "-"], input: Data(brokenSDP.utf8))
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("error[SDP135]"))
    }

    /// Golden text output: set SDPLINT_RECORD=1 to write the expected files anew.
    @Test(arguments: [
        "corpus/firefox/codec-vp9-only.offer.sdp", "corpus/sipp/uac-uas-udp.04-response-200-invite.body.sdp",
    ])
    func textOutputMatchesTheGoldenFile(_ fixture: String) throws {
        let run = try Executable.run("sdplint", ["check", "Fixtures/" + fixture])
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(
                fixture.replacingOccurrences(of: "/", with: "__") + ".txt")
        if ProcessInfo.processInfo.environment["SDPLINT_RECORD"] != nil {
            try Data(run.standardOutput.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(run.standardOutput == expected)
    }
}

@Suite struct ReportFormatTests {
    let broken =
        "v=0\no=- abc 1 IN IP4 127.0.0.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\nc=IN IP4 0.0.0.0\na=rtcp-fb:97 nack, \"x\"\n"

    @Test func sarifValidatesAndPointsAtTheFinding() throws {
        let run = try Executable.run("sdplint", ["check", "--format", "sarif", "-"], input: Data(broken.utf8))
        #expect(run.status == 1)
        let errors = try JSONSchema(named: "sarif-2.1.0-subset.schema.json").validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let log = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let runs = log?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]] ?? []
        let origin = results.first { $0["ruleId"] as? String == "SDP135" }
        let region =
            ((origin?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
            as? [String: Any]
        #expect(origin?["level"] as? String == "error")
        #expect(region?["startLine"] as? Int == 2)
        #expect(region?["startColumn"] as? Int == 5)
        #expect(region?["endColumn"] as? Int == 8)
        let rules =
            ((runs?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        let index = origin?["ruleIndex"] as? Int ?? -1
        #expect(rules.indices.contains(index) && rules[index]["id"] as? String == "SDP135")
    }

    /// SARIF is written file by file as a batch is checked: a batch with findings in several
    /// files, and a run with none, must each be one valid log holding every finding.
    @Test func sarifStreamedOverABatchIsOneValidLog() throws {
        let files = [
            "Fixtures/corpus/firefox/codec-vp9-only.offer.sdp", "Fixtures/signaling/json/exchange.ndjson",
            "Fixtures/invalid/sdp",
        ]
        let sarif = try Executable.run("sdplint", ["check", "--format", "sarif"] + files)
        let json = try Executable.run("sdplint", ["check", "--format", "json"] + files)
        let errors = try JSONSchema(named: "sarif-2.1.0-subset.schema.json").validate(Data(sarif.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let log = try JSONSerialization.jsonObject(with: Data(sarif.standardOutput.utf8)) as? [String: Any]
        let results = (log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        let report = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let findings = (report?["files"] as? [[String: Any]] ?? []).flatMap {
            $0["diagnostics"] as? [[String: Any]] ?? []
        }
        #expect(results.count == findings.count && results.count > 100)
        let clean = try Executable.run(
            "sdplint", ["check", "--format", "sarif", "--disable", "SDP108", "-"],
            input: Data("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\n".utf8))
        #expect(
            try JSONSchema(named: "sarif-2.1.0-subset.schema.json").validate(Data(clean.standardOutput.utf8)).isEmpty)
        let empty = try JSONSerialization.jsonObject(with: Data(clean.standardOutput.utf8)) as? [String: Any]
        #expect(((empty?["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count == 0)
    }

    @Test func sarifColumnsCountCodePoints() throws {
        let text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=Café\r\nt=0 0\r\na=tool:é x\r\na=x-é:1 \r\n"
        let run = try Executable.run("sdplint", ["check", "--format", "sarif", "-"], input: Data(text.utf8))
        let log = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let results = (log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        let trailing = results.first { $0["ruleId"] as? String == "SDP109" }
        let region =
            ((trailing?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
            as? [String: Any]
        // "a=x-é:1 " — the space is the 9th byte but the 8th code point.
        #expect(region?["startColumn"] as? Int == 8)
        #expect(region?["byteOffset"] as? Int != nil)
    }

    @Test func githubAnnotationsEscapeTheirValues() throws {
        let run = try Executable.run("sdplint", ["check", "--format", "github", "-"], input: Data(broken.utf8))
        let lines = run.standardOutput.split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasPrefix(
                    """
                    ::error file=<stdin>,line=2,col=5,endColumn=8,title=SDP135 origin-session-id::session id 'abc' is \
                    not a decimal number [RFC 8866 §5.2]
                    """
                )
            })
        #expect(
            lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
    }
}

/// Every example in `--help` names fixtures that exist, so a newcomer can paste it.
@Suite struct HelpTests {
    static let commands = [
        "", "check", "diff", "timeline", "convert", "explain", "format", "anonymize", "rules", "profiles",
    ]

    @Test(arguments: commands)
    func examplesNameRealFixtures(_ command: String) throws {
        let run = try Executable.run(
            "sdplint", command.isEmpty ? ["--help"] : [command, "--help"], environment: ["COLUMNS": "400"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Example"), "\(command) --help has no example")
        let words = run.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        for word in words where word.hasPrefix("Fixtures/") {
            for path in Self.expandingBraces(word) {
                #expect(
                    FileManager.default.fileExists(atPath: path),
                    "\(command) --help names \(path), which does not exist")
            }
        }
    }

    /// `a.{offer,answer}.sdp` as the shell expands it.
    static func expandingBraces(_ word: String) -> [String] {
        guard let open = word.firstIndex(of: "{"), let close = word[open...].firstIndex(of: "}") else { return [word] }
        let prefix = word[..<open]
        let suffix = word[word.index(after: close)...]
        return word[word.index(after: open)..<close].split(separator: ",").map { String(prefix + $0 + suffix) }
    }
}

/// The bad inputs people hand a linter: each named with the file and what to do, the rest of
/// the batch still checked, exit statuses kept meaningful.
@Suite struct BadInputTests {
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sdplint-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func aFileOverTheLimitIsRefusedAndTheBatchGoesOn() throws {
        let big = try Self.temporary("big.sdp", Array(repeating: UInt8(ascii: "a"), count: 4096))
        defer { try? FileManager.default.removeItem(at: big.deletingLastPathComponent()) }
        let run = try Executable.run(
            "sdplint", ["check", "--max-bytes", "2000", big.path, "Fixtures/corpus/chromium/audio.offer.sdp"])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains(
                "big.sdp: the file is 4.0 KiB, larger than the 2.0 KiB limit; raise it with --max-bytes"),
            "\(run.standardError)")
        #expect(run.standardOutput.contains("in 1 file"), "the other input is still checked")
    }

    @Test func aUTF16FileSaysWhatItIs() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let file = try Self.temporary("utf16.sdp", bytes)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try Executable.run("sdplint", ["check", file.path])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("UTF-16"), "\(run.standardOutput)")
    }

    @Test func mixedLineEndingsAreReportedNotFatal() throws {
        let text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\ns=-\r\nt=0 0\nm=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\n"
        let run = try Executable.run("sdplint", ["check", "-"], input: Data(text.utf8))
        #expect(run.status == 0, "\(run.standardOutput)")
        let format = try Executable.run("sdplint", ["format", "-"], input: Data(text.utf8))
        #expect(
            format.standardOutput
                == "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n")
    }

    @Test func binaryGarbageIsNamedNotCrashedOn() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let run = try Executable.run("sdplint", ["check", "-"], input: Data(bytes))
        #expect(run.status == 1 || run.status == 0)
        #expect(!run.standardOutput.isEmpty)
    }
}
