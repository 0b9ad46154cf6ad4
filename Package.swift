// swift-tools-version:6.0
import PackageDescription

let v5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "patchgate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patchgate", targets: ["patchgate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CPgQuery", path: "Sources/CPgQuery"),
        .target(
            name: "PgQuery",
            dependencies: ["CPgQuery"],
            // Dynamic exclusivity checks keep a list of open accesses that grows with the tree's
            // depth: decoding a 4,000-term expression spent 95% of its time there (quadratic).
            swiftSettings: v5 + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // The Swift types generated from pg_query.proto, for the tests only: linked into the
        // tool, their 2,500 protocol conformances made every dynamic cast at start-up search a
        // third more conformance records.
        .target(
            name: "PgQueryProto",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            swiftSettings: v5
        ),
        .target(name: "PatchgateSource", swiftSettings: v5),
        .target(name: "PatchgateSyntax", dependencies: ["PgQuery", "PatchgateSource"], swiftSettings: v5),
        .target(name: "PatchgateCatalog", dependencies: ["PatchgateSyntax", "PatchgateSource"], swiftSettings: v5),
        .target(name: "PatchgateEffects", dependencies: ["PatchgateCatalog", "PatchgateSyntax", "PatchgateSource"], swiftSettings: v5),
        .target(
            name: "PatchgateRules",
            dependencies: ["PatchgateEffects", "PatchgateSyntax", "PatchgateSource"],
            swiftSettings: v5
        ),
        .target(
            name: "PatchgateReport",
            dependencies: ["PatchgateRules", "PatchgateEffects", "PatchgateSyntax", "PatchgateSource"],
            swiftSettings: v5
        ),
        // Migration runners and series: which files a tool applies, in which order, and how.
        .target(
            name: "PatchgateRunners",
            dependencies: ["PatchgateRules", "PatchgateEffects", "PatchgateSyntax", "PatchgateSource"],
            swiftSettings: v5
        ),
        .executableTarget(
            name: "patchgate",
            dependencies: [
                "PatchgateRunners", "PatchgateReport", "PatchgateRules", "PatchgateEffects", "PatchgateSyntax", "PatchgateSource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: v5
        ),
        .testTarget(
            name: "PatchgateTests",
            dependencies: [
                "PgQuery", "PgQueryProto", "PatchgateSource", "PatchgateSyntax", "PatchgateCatalog", "PatchgateEffects", "PatchgateRules",
                "PatchgateReport", "PatchgateRunners", "patchgate",
            ],
            swiftSettings: v5
        ),
    ]
)
