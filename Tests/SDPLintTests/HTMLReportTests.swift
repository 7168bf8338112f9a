import Foundation
import SDPLintTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `--format html` of check, diff and timeline: one self-contained file, valid HTML, safe for
/// any input, and rendered by a real browser (headless Chromium from Debian) without console
/// errors, with the expected elements in its DOM and a screenshot that is not blank.
///
/// Serialized: one browser at a time, so that the suite does not starve the other tests of a
/// two-core machine.
@Suite(.serialized) struct HTMLReportTests {
    /// A report of the fixtures and the elements its DOM must hold.
    struct Report: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var elements: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let reports: [Report] = [
        Report(
            arguments: [
                "check", "Fixtures/corpus/chromium/audio-video-datachannel.offer.sdp", "--min-severity", "info",
            ],
            elements: ["<li class=\"finding note\">", "<ol class=\"lines\">", "<p class=\"meaning\">"]),
        Report(
            arguments: ["check", "Fixtures/pcap/sip-udp-fragmented.pcapng"],
            elements: ["<li class=\"finding error\">", "<mark>", "<footer>"]),
        Report(
            arguments: ["check", "Fixtures/inputs/terminal-escapes.sdp", "--min-severity", "info"],
            elements: ["<ol class=\"findings\">", "␛]0;retitled␇"]),
        Report(
            arguments: [
                "diff", "Fixtures/offer-answer/OA103.fires.offer.sdp", "Fixtures/offer-answer/OA103.fires.answer.sdp",
            ],
            elements: ["<table class=\"codecs\">", "<li class=\"finding error\">", "<p class=\"meaning\">"]),
        Report(
            arguments: ["timeline", "Fixtures/signaling/sip/delayed-offer-trickle.sip"],
            elements: ["<svg", "<table class=\"events\">", "<li class=\"finding error\">"]),
        Report(
            arguments: ["timeline", "Fixtures/pcap/sip-udp-fragmented.pcapng"],
            elements: ["<svg", "marker-end=", "<table class=\"events\">"]),
        Report(
            arguments: ["timeline", "Fixtures/corpus/chromium-internals/call-audio-video-datachannel.json"],
            elements: ["<table class=\"events\">", "setRemoteDescription"]),
    ]

    /// Runs `sdplint` for a report and keeps the file in a directory of its own.
    static func write(_ report: Report) throws -> (url: URL, status: Int32) {
        let run = try Executable.run("sdplint", report.arguments + ["--format", "html"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-html-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("report.html")
        try Data(run.standardOutput.utf8).write(to: url)
        return (url, run.status)
    }

    @Test(arguments: reports) func isSelfContained(_ report: Report) throws {
        let run = try Executable.run("sdplint", report.arguments + ["--format", "html"])
        #expect(run.status != 2, "\(run.standardError)")
        let html = run.standardOutput
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""))
        // Nothing is loaded from anywhere: no script, no external style, image or font.
        for forbidden in ["<script", "<link", "<img", "<iframe", " src=", "@import", "@font-face"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(!html.replacingOccurrences(of: "url(#", with: "").contains("url("))
        // Nothing from the input reaches the page raw: no control character at all.
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && !html.contains("\u{7F}"))
        for element in report.elements { #expect(html.contains(element), "\(element)") }
    }

    @Test func inputCannotAddMarkup() throws {
        let sdp =
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=<script>alert(1)</script>\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 \"'&\r\n"
        let run = try Executable.run(
            "sdplint", ["check", "--format", "html", "--min-severity", "info", "-"], input: Data(sdp.utf8))
        #expect(!run.standardOutput.contains("<script"))
        #expect(run.standardOutput.contains("s=&lt;script&gt;alert(1)&lt;/script&gt;"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("RTP/AVP 0 <mark>&quot;&#39;&amp;</mark>"))
    }

    static let tidy = ["/usr/bin/tidy"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let html5lib =
        (try? Executable.runTool("/usr/bin/python3", ["-c", "import html5lib"]).status) == 0

    @Test(.enabled(if: tidy != nil || html5lib), arguments: reports) func isValidHTML(_ report: Report) throws {
        let (url, _) = try Self.write(report)
        if let tidy = Self.tidy {
            let run = try Executable.runTool(tidy, ["-q", "-e", url.path])
            #expect(run.status == 0 && run.standardError.isEmpty, "tidy: \(run.standardError)")
        }
        if Self.html5lib {
            // The HTML5 parsing algorithm in strict mode: any parse error fails.
            let script = "import html5lib,sys; html5lib.HTMLParser(strict=True).parse(open(sys.argv[1],'rb'))"
            let run = try Executable.runTool("/usr/bin/python3", ["-c", script, url.path])
            #expect(run.status == 0, "html5lib: \(run.standardError)")
        }
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Headless Chromium on a file, with its console on standard error.
    static func chromium(_ arguments: [String], _ url: URL) throws -> (output: String, console: String) {
        let profile = url.deletingLastPathComponent().appendingPathComponent("profile").path
        let run = try Executable.runTool(
            chromium ?? "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0", "--window-size=1280,1000",
            ] + arguments + [url.absoluteString])
        return (run.standardOutput, run.standardError)
    }

    /// The size of a screenshot of an empty page, taken once.
    static let blankSize: Int? = try? blankScreenshotSize()

    static func blankScreenshotSize() throws -> Int {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-html-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html lang=\"en\"><title>x</title></html>".utf8).write(to: page)
        let shot = directory.appendingPathComponent("blank.png")
        _ = try chromium(["--screenshot=\(shot.path)"], page)
        return try Data(contentsOf: shot).count
    }

    @Test(.enabled(if: chromium != nil), arguments: reports) func rendersInChromium(_ report: Report) throws {
        let (url, _) = try Self.write(report)
        let dom = try Self.chromium(["--dump-dom"], url)
        // The DOM after parsing: the report's elements are there, and nothing was refused.
        for element in report.elements.filter({ $0.hasPrefix("<") && !$0.contains("=") }) {
            #expect(dom.output.contains(element), "\(element)")
        }
        #expect(dom.output.contains("<main>") && dom.output.contains("<footer>"))
        for line in dom.console.split(separator: "\n") {
            #expect(!line.contains("CONSOLE") && !line.contains("Refused to"), "\(line)")
        }
        // A screenshot with the report is much larger than one of an empty page of the same
        // size, which compresses to almost nothing.
        let shot = url.deletingLastPathComponent().appendingPathComponent("report.png")
        _ = try Self.chromium(["--screenshot=\(shot.path)"], url)
        let size = try Data(contentsOf: shot).count
        let blank = try #require(Self.blankSize)
        #expect(size > 8 * blank, "screenshot \(size) bytes, an empty page \(blank)")
    }

    @Test func svgIsOneWellFormedImageOfTheLadders() throws {
        let run = try Executable.run(
            "sdplint", ["timeline", "--format", "svg", "Fixtures/pcap/sip-tcp-coalesced.pcapng"])
        #expect(run.status == 0)
        let svg = run.standardOutput
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // Three dialogs (two OPTIONS, one MESSAGE), each with its title and its two arrows.
        #expect(svg.components(separatedBy: "class=\"dialog\"").count - 1 == 3)
        #expect(svg.components(separatedBy: "<line x1=").count - 1 == 6 + 3 * 2, "six arrows and two lifelines each")
        // Marker ids are unique in the document.
        #expect(Set(["l1-head", "l2-head", "l3-head"]).allSatisfy { svg.contains("id=\"\($0)\"") })
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let none = try Executable.run(
            "sdplint", ["timeline", "--format", "svg", "Fixtures/signaling/json/exchange.ndjson"])
        #expect(none.status == 2)
        #expect(none.standardError.contains("no SIP call flow to draw"))
    }
}
