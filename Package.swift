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
        .library(name: "SDPLint", targets: ["SDPLint"]),
        .executable(name: "sdplint", targets: ["sdplint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Shared vocabulary of every parser: diagnostics, locations, rule metadata.
        .target(name: "Diagnostics", swiftSettings: strictSwift),
        // Byte-level lexical helpers shared by the parsers (package access only).
        .target(name: "Scanning", swiftSettings: strictSwift),
        .target(name: "ICE", dependencies: ["Diagnostics", "Scanning"], swiftSettings: strictSwift),
        .target(name: "SDP", dependencies: ["Diagnostics", "Scanning", "ICE"], swiftSettings: strictSwift),
        .target(name: "SDPLint", dependencies: ["Diagnostics", "SDP", "ICE"], swiftSettings: strictSwift),
        .executableTarget(
            name: "sdplint",
            dependencies: [
                "SDPLint", "SDP", "Diagnostics",
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
        // Fixture loading, the JSON Schema validator and the binary runner shared by the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSwift),
        .testTarget(name: "SDPTests", dependencies: ["SDP", "Diagnostics", "ICE", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "ICETests", dependencies: ["ICE", "Diagnostics"], swiftSettings: strictSwift),
        .testTarget(
            name: "SDPLintTests",
            dependencies: ["SDPLint", "SDP", "Diagnostics", "TestSupport", "sdplint"],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6]
)
