// swift-tools-version:6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "sdplint",
    products: [
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "ICE", targets: ["ICE"]),
        .library(name: "SDP", targets: ["SDP"]),
        .library(name: "JSON", targets: ["JSON"]),
        .library(name: "OfferAnswer", targets: ["OfferAnswer"]),
        .library(name: "SIP", targets: ["SIP"]),
        .library(name: "Signaling", targets: ["Signaling"]),
        .library(name: "Jingle", targets: ["Jingle"]),
        .library(name: "Capture", targets: ["Capture"]),
        .library(name: "SDPLint", targets: ["SDPLint"]),
        .executable(name: "sdplint", targets: ["sdplint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Test-only: generators and shrinking for PropertyTests (Swift Testing has no
        // property-based testing of its own). No library target depends on it.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Shared vocabulary of every parser: diagnostics, locations, rule metadata.
        .target(name: "Diagnostics", swiftSettings: strictSwift),
        // Byte-level lexical helpers shared by the parsers (package access only).
        .target(name: "Scanning", swiftSettings: strictSwift),
        .target(name: "ICE", dependencies: ["Diagnostics", "Scanning"], swiftSettings: strictSwift),
        .target(name: "SDP", dependencies: ["Diagnostics", "Scanning", "ICE"], swiftSettings: strictSwift),
        // A byte-level JSON reader/writer with locations, JSON paths and limits.
        .target(name: "JSON", dependencies: ["Diagnostics", "Scanning"], swiftSettings: strictSwift),
        .target(name: "OfferAnswer", dependencies: ["Diagnostics", "SDP", "ICE"], swiftSettings: strictSwift),
        .target(name: "SIP", dependencies: ["Diagnostics", "Scanning", "SDP", "ICE"], swiftSettings: strictSwift),
        .target(name: "Signaling", dependencies: ["Diagnostics", "Scanning", "SDP", "ICE", "SIP", "JSON"], swiftSettings: strictSwift),
        // libxml2 (Debian's libxml2-dev) for its compiler and linker flags. Only the C target
        // below includes its headers: Debian's libxml2 pulls in the system ICU headers, which
        // clash with Foundation's ICU in any Swift module that sees both.
        .systemLibrary(
            name: "CSDPLintLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The libxml2 that Jingle uses, behind a plain C header of our own.
        .target(name: "CSDPLintXML", dependencies: ["CSDPLintLibXML2"]),
        .target(name: "Jingle", dependencies: ["Diagnostics", "SDP", "ICE", "CSDPLintXML"], swiftSettings: strictSwift),
        // zlib (Debian's zlib1g-dev), likewise included by one C target only.
        .systemLibrary(name: "CSDPLintZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "CSDPLintInflate", dependencies: ["CSDPLintZlib"]),
        // Packet captures (pcap, pcapng) and gzip files, read in chunks, down to UDP and TCP streams.
        .target(name: "Capture", dependencies: ["Diagnostics", "CSDPLintInflate"], swiftSettings: strictSwift),
        .target(
            name: "SDPLint",
            dependencies: ["Diagnostics", "SDP", "ICE", "JSON", "OfferAnswer", "SIP", "Signaling", "Jingle", "Capture"],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "sdplint",
            dependencies: [
                "SDPLint", "SDP", "Diagnostics", "JSON", "OfferAnswer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "SDPBenchmark",
            dependencies: ["SDP", "ICE"],
            path: "Benchmarks/SDPBenchmark",
            swiftSettings: strictSwift
        ),
        .executableTarget(name: "CaptureBenchmark", dependencies: ["Capture"], path: "Benchmarks/CaptureBenchmark", swiftSettings: strictSwift),
        // Every parser entry point as a fuzz target over bytes, shared by the libFuzzer harness
        // and the regression tests (Fuzz/README.md).
        .target(
            name: "FuzzTargets",
            dependencies: ["Diagnostics", "SDP", "ICE", "JSON", "SIP", "OfferAnswer", "Signaling", "Jingle", "Capture", "SDPLint"],
            path: "Fuzz/Targets",
            swiftSettings: strictSwift
        ),
        // The libFuzzer harness (built with -DFUZZING and the fuzzer sanitizer by Scripts/fuzz);
        // in a plain build, a tool that replays saved inputs through a target.
        .executableTarget(
            name: "sdplint-fuzz",
            dependencies: ["FuzzTargets"],
            path: "Fuzz/Harness",
            swiftSettings: strictSwift
        ),
        // Per-byte cost and peak memory of every parser over input shapes and sizes.
        .executableTarget(
            name: "ComplexityBenchmark",
            dependencies: ["SDP", "ICE", "JSON", "SIP"],
            path: "Benchmarks/ComplexityBenchmark",
            swiftSettings: strictSwift
        ),
        // Fixture loading, the JSON Schema validator and the binary runner shared by the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSwift),
        .testTarget(name: "SDPTests", dependencies: ["SDP", "Diagnostics", "ICE", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "ICETests", dependencies: ["ICE", "Diagnostics", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "Diagnostics", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "OfferAnswerTests", dependencies: ["OfferAnswer", "SDP", "Diagnostics", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "SIPTests", dependencies: ["SIP", "SDP", "Diagnostics", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "SignalingTests", dependencies: ["Signaling", "SIP", "JSON", "SDP", "ICE", "Diagnostics", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "JingleTests", dependencies: ["Jingle", "SDP", "Diagnostics", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "CaptureTests", dependencies: ["Capture", "Diagnostics", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "SDPLint", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "SDP", "ICE", "SIP", "JSON", "OfferAnswer", "Diagnostics", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SDPLintTests",
            dependencies: ["SDPLint", "SDP", "ICE", "Diagnostics", "TestSupport", "sdplint"],
            exclude: ["Golden"],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6]
)
