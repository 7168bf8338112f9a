// swift-tools-version:6.2
// 6.2 is the first toolchain whose standard library has `Span`, which every parser scans with.
import PackageDescription

// Only the command modules (SDPLint, SDPLintCLI) use Foundation, and they import
// FoundationEssentials where it exists (Linux), as swift-argument-parser does: the rest of
// Foundation brings ICU and thousands of type conformances that every `sdplint` process would
// load and scan at start-up.
let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// Every module, product and target name starts with `SDPLint` (swift-nio's shared-prefix
// scheme), so none can clash with a module of an app or another package in the same build.
let package = Package(
    name: "sdplint",
    // The releases of the last two years. The libraries use no API newer than these (README,
    // "Platforms"); `Span` is back-deployed by the standard library.
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "SDPLintDiagnostics", targets: ["SDPLintDiagnostics"]),
        .library(name: "SDPLintICE", targets: ["SDPLintICE"]),
        .library(name: "SDPLintSDP", targets: ["SDPLintSDP"]),
        .library(name: "SDPLintJSON", targets: ["SDPLintJSON"]),
        .library(name: "SDPLintOfferAnswer", targets: ["SDPLintOfferAnswer"]),
        .library(name: "SDPLintSIP", targets: ["SDPLintSIP"]),
        .library(name: "SDPLintSignaling", targets: ["SDPLintSignaling"]),
        .library(name: "SDPLintJingle", targets: ["SDPLintJingle"]),
        .library(name: "SDPLintCapture", targets: ["SDPLintCapture"]),
        .library(name: "SDPLintWebRTC", targets: ["SDPLintWebRTC"]),
        .library(name: "SDPLintInput", targets: ["SDPLintInput"]),
        .library(name: "SDPLintReporting", targets: ["SDPLintReporting"]),
        .library(name: "SDPLint", targets: ["SDPLint"]),
        .executable(name: "sdplint", targets: ["SDPLintCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Test-only: generators and shrinking for the property tests (Swift Testing has no
        // property-based testing of its own). No library target depends on it.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation` for the DocC catalogs; a plugin, never linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // Shared vocabulary of every parser: diagnostics, locations, rule metadata.
        .target(name: "SDPLintDiagnostics", swiftSettings: strictSwift),
        // Byte-level lexical helpers shared by the parsers (package access only).
        .target(name: "SDPLintScanning", swiftSettings: strictSwift),
        .target(
            name: "SDPLintICE", dependencies: ["SDPLintDiagnostics", "SDPLintScanning"], swiftSettings: strictSwift),
        .target(
            name: "SDPLintSDP",
            dependencies: ["SDPLintDiagnostics", "SDPLintScanning", "SDPLintICE"],
            swiftSettings: strictSwift
        ),
        // A byte-level JSON reader/writer with locations, JSON paths and limits.
        .target(
            name: "SDPLintJSON", dependencies: ["SDPLintDiagnostics", "SDPLintScanning"], swiftSettings: strictSwift),
        .target(
            name: "SDPLintOfferAnswer",
            dependencies: ["SDPLintDiagnostics", "SDPLintScanning", "SDPLintSDP", "SDPLintICE"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "SDPLintSIP",
            dependencies: ["SDPLintDiagnostics", "SDPLintScanning", "SDPLintSDP", "SDPLintICE"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "SDPLintSignaling",
            dependencies: [
                "SDPLintDiagnostics", "SDPLintScanning", "SDPLintSDP", "SDPLintICE", "SDPLintSIP", "SDPLintJSON",
            ],
            swiftSettings: strictSwift
        ),
        // libxml2's headers (Debian's libxml2-dev), found through pkg-config. Only the C target
        // below includes them: Debian's libxml2 pulls in the system ICU headers, which clash
        // with Foundation's ICU in any Swift module that sees both. The library itself is opened
        // with dlopen on first use on Linux (CSDPLintXML/sdplint_xml.c), where nothing needs to
        // link it (pkg-config still puts it on a plain build's link line; Scripts/release leaves
        // it off); Apple platforms link it.
        .systemLibrary(
            name: "CSDPLintLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The libxml2 that Jingle uses, behind a plain C header of our own.
        .target(
            name: "CSDPLintXML",
            dependencies: ["CSDPLintLibXML2"],
            linkerSettings: [
                .linkedLibrary("dl", .when(platforms: [.linux])),
                .linkedLibrary("xml2", .when(platforms: [.macOS, .iOS, .tvOS, .watchOS, .visionOS])),
            ]
        ),
        .target(
            name: "SDPLintJingle",
            dependencies: ["SDPLintDiagnostics", "SDPLintScanning", "SDPLintSDP", "SDPLintICE", "CSDPLintXML"],
            swiftSettings: strictSwift
        ),
        // zlib (Debian's zlib1g-dev), likewise included by one C target only.
        .systemLibrary(name: "CSDPLintZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "CSDPLintInflate", dependencies: ["CSDPLintZlib"]),
        // Signal handlers and glibc's malloc_trim: what must be C (sdplint_process.h).
        .target(name: "CSDPLintProcess"),
        // Packet captures (pcap, pcapng) and gzip files, read in chunks, down to UDP and TCP streams.
        .target(
            name: "SDPLintCapture",
            dependencies: ["SDPLintDiagnostics", "CSDPLintInflate"],
            swiftSettings: strictSwift
        ),
        // The checks of one description beyond its grammar: WebRTC's requirements and what
        // particular receivers refuse (profiles), with the candidate inventory.
        .target(
            name: "SDPLintWebRTC",
            dependencies: ["SDPLintDiagnostics", "SDPLintSDP", "SDPLintICE", "SDPLintJSON"],
            swiftSettings: strictSwift
        ),
        // Every input read once into one located document: detection, decompression, framing,
        // the per-format readers, browser dumps and captures as traces of signaling events.
        .target(
            name: "SDPLintInput",
            dependencies: [
                "SDPLintDiagnostics", "SDPLintScanning", "SDPLintSDP", "SDPLintICE", "SDPLintJSON", "SDPLintSIP",
                "SDPLintSignaling", "SDPLintJingle", "SDPLintCapture", "SDPLintWebRTC",
            ],
            swiftSettings: strictSwift
        ),
        // What sdplint prints: findings as text, JSON, SARIF and GitHub annotations; negotiations,
        // timelines and explanations as text and JSON.
        .target(
            name: "SDPLintReporting",
            dependencies: [
                "SDPLintDiagnostics", "SDPLintSDP", "SDPLintICE", "SDPLintJSON", "SDPLintOfferAnswer", "SDPLintWebRTC",
                "SDPLintInput",
            ],
            swiftSettings: strictSwift
        ),
        // Everything sdplint does, callable: checking, diffing, converting, explaining,
        // formatting and anonymizing documents, configuration and the rule catalog.
        .target(
            name: "SDPLint",
            dependencies: [
                "SDPLintDiagnostics", "SDPLintScanning", "SDPLintSDP", "SDPLintICE", "SDPLintJSON",
                "SDPLintOfferAnswer",
                "SDPLintSIP", "SDPLintSignaling", "SDPLintJingle", "SDPLintCapture", "SDPLintWebRTC", "SDPLintInput",
                "SDPLintReporting", "CSDPLintProcess",
            ],
            swiftSettings: strictSwift
        ),
        // The `sdplint` executable: argument parsing over the SDPLint library.
        .executableTarget(
            name: "SDPLintCLI",
            dependencies: [
                "SDPLint", "SDPLintSDP", "SDPLintDiagnostics", "SDPLintJSON", "SDPLintOfferAnswer", "SDPLintWebRTC",
                "SDPLintInput", "SDPLintReporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "SDPLintSDPBenchmark",
            dependencies: ["SDPLintSDP", "SDPLintICE"],
            path: "Benchmarks/SDPLintSDPBenchmark",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "SDPLintCaptureBenchmark",
            dependencies: ["SDPLintCapture"],
            path: "Benchmarks/SDPLintCaptureBenchmark",
            swiftSettings: strictSwift
        ),
        // Per-byte cost and peak memory of every parser over input shapes and sizes.
        .executableTarget(
            name: "SDPLintComplexityBenchmark",
            dependencies: ["SDPLintSDP", "SDPLintICE", "SDPLintJSON", "SDPLintSIP"],
            path: "Benchmarks/SDPLintComplexityBenchmark",
            swiftSettings: strictSwift
        ),
        // Every parser entry point as a fuzz target over bytes, shared by the libFuzzer harness
        // and the regression tests (Fuzz/README.md).
        .target(
            name: "SDPLintFuzzTargets",
            dependencies: [
                "SDPLintDiagnostics", "SDPLintSDP", "SDPLintICE", "SDPLintJSON", "SDPLintSIP", "SDPLintOfferAnswer",
                "SDPLintSignaling", "SDPLintJingle", "SDPLintCapture", "SDPLintWebRTC", "SDPLintInput",
                "SDPLintReporting",
                "SDPLint",
            ],
            path: "Fuzz/Targets",
            swiftSettings: strictSwift
        ),
        // The libFuzzer harness (built with -DFUZZING and the fuzzer sanitizer by Scripts/fuzz);
        // in a plain build, a tool that replays saved inputs through a target.
        .executableTarget(
            name: "sdplint-fuzz",
            dependencies: ["SDPLintFuzzTargets"],
            path: "Fuzz/Harness",
            swiftSettings: strictSwift
        ),
        // Fixture loading, the JSON Schema validator and the binary runner shared by the tests.
        .target(name: "SDPLintTestSupport", path: "Tests/SDPLintTestSupport", swiftSettings: strictSwift),
        .testTarget(
            name: "SDPLintSDPTests",
            dependencies: ["SDPLintSDP", "SDPLintDiagnostics", "SDPLintICE", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintICETests",
            dependencies: ["SDPLintICE", "SDPLintDiagnostics", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintJSONTests",
            dependencies: ["SDPLintJSON", "SDPLintDiagnostics", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintOfferAnswerTests",
            dependencies: ["SDPLintOfferAnswer", "SDPLintSDP", "SDPLintDiagnostics", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintSIPTests",
            dependencies: ["SDPLintSIP", "SDPLintSDP", "SDPLintDiagnostics", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintSignalingTests",
            dependencies: [
                "SDPLintSignaling", "SDPLintSIP", "SDPLintJSON", "SDPLintSDP", "SDPLintICE", "SDPLintDiagnostics",
                "SDPLintTestSupport",
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintJingleTests",
            dependencies: ["SDPLintJingle", "SDPLintSDP", "SDPLintDiagnostics", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintCaptureTests",
            dependencies: ["SDPLintCapture", "SDPLintDiagnostics", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintFuzzTargetsTests",
            dependencies: ["SDPLintFuzzTargets", "SDPLint", "SDPLintInput", "SDPLintReporting", "SDPLintTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintPropertyTests",
            dependencies: [
                "SDPLintSDP", "SDPLintICE", "SDPLintSIP", "SDPLintJSON", "SDPLintOfferAnswer", "SDPLintDiagnostics",
                "SDPLintTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintTests",
            dependencies: [
                "SDPLint", "SDPLintSDP", "SDPLintICE", "SDPLintDiagnostics", "SDPLintTestSupport", "SDPLintCLI",
                "SDPLintCapture", "SDPLintJSON", "SDPLintWebRTC", "SDPLintInput", "SDPLintReporting",
                "SDPLintOfferAnswer",
            ],
            exclude: ["Golden"],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6]
)
