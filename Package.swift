// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// A library module in `Modules/NAME`.
func module(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, path: "Modules/\(name)", swiftSettings: swiftSettings)
}

/// An executable in `Apps/NAME`.
func app(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: dependencies, path: "Apps/\(name)", swiftSettings: swiftSettings)
}

/// A test target in `Tests/NAME`.
func tests(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .testTarget(name: name, dependencies: dependencies, path: "Tests/\(name)", swiftSettings: swiftSettings)
}

/// A library only tests use, in `Tests/NAME`.
func testSupport(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, path: "Tests/\(name)", swiftSettings: swiftSettings)
}

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")

/// A product of swift-nio.
func nio(_ name: String) -> Target.Dependency { .product(name: name, package: "swift-nio") }

let package = Package(
    name: "Touchpoint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TouchpointModel", targets: ["TouchpointModel"]),
        .library(name: "TouchpointRecords", targets: ["TouchpointRecords"]),
        .library(name: "TouchpointStore", targets: ["TouchpointStore"]),
        .library(name: "TouchpointImport", targets: ["TouchpointImport"]),
        .library(name: "TouchpointProtocol", targets: ["TouchpointProtocol"]),
        .library(name: "TouchpointServer", targets: ["TouchpointServer"]),
        .library(name: "TouchpointPostgres", targets: ["TouchpointPostgres"]),
        .library(name: "TouchpointClient", targets: ["TouchpointClient"]),
        .library(name: "TouchpointAdminClient", targets: ["TouchpointAdminClient"]),
        .library(name: "TouchpointReports", targets: ["TouchpointReports"]),
        .library(name: "TouchpointAdminCLI", targets: ["TouchpointAdminCLI"]),
        .executable(name: "touchpoint-agent", targets: ["touchpoint-agent"]),
        .executable(name: "touchpoint-server", targets: ["touchpoint-server"]),
        .executable(name: "touchpoint-bench", targets: ["touchpoint-bench"]),
        .executable(name: "touchpointctl", targets: ["touchpointctl"]),
        .executable(name: "touchpoint-demo", targets: ["touchpoint-demo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            path: "Modules/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "TouchpointModel",
            path: "Modules/TouchpointModel",
            swiftSettings: swiftSettings
        ),
        module("TouchpointRecords", [
            "TouchpointModel",
            grdb,
        ]),
        module("TouchpointStore", [
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointRecords",
            grdb,
        ]),
        module("TouchpointImport", ["TouchpointModel", "TouchpointStore"]),
        module("TouchpointProtocol", [
            "TouchpointModel",
            "CZlib",
            nio("NIOCore"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        module("TouchpointServer", [
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointRecords",
            "TouchpointReports",
            grdb,
            nio("NIOCore"),
            nio("NIOPosix"),
            nio("NIOHTTP1"),
            nio("NIOConcurrencyHelpers"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        module("TouchpointPostgres", [
            "TouchpointServer",
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointRecords",
            "TouchpointReports",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            nio("NIOCore"),
            nio("NIOPosix"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        module("TouchpointClient", [
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointStore",
            nio("NIOCore"),
            nio("NIOPosix"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        module("TouchpointAdminClient", [
            "TouchpointClient",
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointReports",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        module("TouchpointReports", ["TouchpointModel", "TouchpointProtocol"]),
        module("TouchpointCLI", ["TouchpointProtocol", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        app("touchpoint-agent", [
            "TouchpointCLI",
            "TouchpointModel",
            "TouchpointRecords",
            "TouchpointStore",
            "TouchpointImport",
            "TouchpointClient",
            "TouchpointProtocol",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        app("touchpoint-server", [
            "TouchpointCLI",
            "TouchpointServer",
            "TouchpointPostgres",
            "TouchpointModel",
            "TouchpointProtocol",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        module("TouchpointAdminCLI", [
            "TouchpointCLI",
            "TouchpointAdminClient",
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointReports",
            "TouchpointStore",
        ]),
        app("touchpointctl", [
            "TouchpointAdminCLI",
            "TouchpointAdminClient",
            "TouchpointCLI",
            "TouchpointClient",
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointRecords",
            "TouchpointReports",
            "TouchpointStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        app("touchpoint-demo", [
            "TouchpointAdminCLI",
            "TouchpointAdminClient",
            "TouchpointClient",
            "TouchpointModel",
            "TouchpointPostgres",
            "TouchpointProtocol",
            "TouchpointReports",
            "TouchpointServer",
            "TouchpointStore",
            grdb,
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(
            name: "touchpoint-bench",
            dependencies: [
                "TouchpointModel",
                "TouchpointRecords",
                "TouchpointStore",
                "TouchpointImport",
                "TouchpointServer",
                "TouchpointPostgres",
                "TouchpointClient",
                "TouchpointProtocol",
                grdb,
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                nio("NIOConcurrencyHelpers"),
                nio("NIOCore"),
                nio("NIOPosix"),
            ],
            path: "tools/bench",
            swiftSettings: swiftSettings
        ),
        tests("TouchpointModelTests", [
            "TouchpointModel",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        tests("TouchpointReportsTests", [
            "TouchpointReports",
            "TouchpointModel",
            "TouchpointProtocol",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        tests("TouchpointStoreTests", [
            "TouchpointStore",
            "TouchpointRecords",
            grdb,
        ]),
        tests("TouchpointImportTests", ["TouchpointImport", "TouchpointStore", "TouchpointModel"]),
        tests("TouchpointProtocolTests", [
            "TouchpointProtocol",
            "TouchpointModel",
            nio("NIOCore"),
            nio("NIOConcurrencyHelpers"),
            nio("NIOEmbedded"),
            nio("NIOTestUtils"),
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        testSupport("TouchpointClusterTesting", [
            "TouchpointServer",
            "TouchpointClient",
            "TouchpointStore",
            "TouchpointModel",
            "TouchpointProtocol",
            grdb,
            nio("NIOCore"),
            nio("NIOPosix"),
        ]),
        testSupport("TouchpointPostgresTesting", [
            "TouchpointPostgres",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        tests("TouchpointServerTests", [
            "TouchpointClusterTesting",
            "TouchpointServer",
            "TouchpointClient",
            "TouchpointRecords",
            "TouchpointStore",
            "TouchpointProtocol",
            grdb,
            .product(name: "PropertyBased", package: "swift-property-based"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        tests("TouchpointPostgresTests", [
            "TouchpointPostgres",
            "TouchpointPostgresTesting",
            "TouchpointServer",
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointRecords",
            "TouchpointReports",
            grdb,
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        tests("TouchpointConformanceTests", [
            "TouchpointClusterTesting",
            "TouchpointPostgresTesting",
            "TouchpointServer",
            "TouchpointClient",
            "TouchpointStore",
            "TouchpointModel",
            "TouchpointProtocol",
            "TouchpointPostgres",
            "TouchpointRecords",
            "TouchpointReports",
            grdb,
        ]),
        tests("TouchpointIntegrationTests", [
            "TouchpointClusterTesting",
            "touchpoint-server",
            "touchpointctl",
            "touchpoint-agent",
            "TouchpointAdminCLI",
            "TouchpointReports",
            "TouchpointModel",
            "TouchpointServer",
            "TouchpointClient",
            "TouchpointAdminClient",
            "TouchpointStore",
            "TouchpointProtocol",
            grdb,
            nio("NIOCore"),
            nio("NIOPosix"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        tests("TouchpointBenchTests", ["touchpoint-bench"]),
        tests("AgentCLITests", ["touchpoint-agent"]),
    ]
)
