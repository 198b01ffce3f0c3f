// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

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
        .target(
            name: "TouchpointRecords",
            dependencies: [
                "TouchpointModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/TouchpointRecords",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointStore",
            dependencies: [
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointRecords",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/TouchpointStore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointImport",
            dependencies: ["TouchpointModel", "TouchpointStore"],
            path: "Modules/TouchpointImport",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointProtocol",
            dependencies: [
                "TouchpointModel",
                "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Modules/TouchpointProtocol",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointServer",
            dependencies: [
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointRecords",
                "TouchpointReports",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Modules/TouchpointServer",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointPostgres",
            dependencies: [
                "TouchpointServer",
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointRecords",
                "TouchpointReports",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Modules/TouchpointPostgres",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointClient",
            dependencies: [
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Modules/TouchpointClient",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointAdminClient",
            dependencies: [
                "TouchpointClient",
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointReports",
            ],
            path: "Modules/TouchpointAdminClient",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointReports",
            dependencies: ["TouchpointModel", "TouchpointProtocol"],
            path: "Modules/TouchpointReports",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointCLI",
            dependencies: ["TouchpointProtocol", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Modules/TouchpointCLI",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "touchpoint-agent",
            dependencies: [
                "TouchpointCLI",
                "TouchpointModel",
                "TouchpointRecords",
                "TouchpointStore",
                "TouchpointImport",
                "TouchpointClient",
                "TouchpointProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Apps/touchpoint-agent",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "touchpoint-server",
            dependencies: [
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
            ],
            path: "Apps/touchpoint-server",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointAdminCLI",
            dependencies: [
                "TouchpointCLI",
                "TouchpointAdminClient",
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointReports",
                "TouchpointStore",
            ],
            path: "Modules/TouchpointAdminCLI",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "touchpointctl",
            dependencies: [
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
            ],
            path: "Apps/touchpointctl",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "touchpoint-demo",
            dependencies: [
                "TouchpointAdminCLI",
                "TouchpointAdminClient",
                "TouchpointClient",
                "TouchpointModel",
                "TouchpointPostgres",
                "TouchpointProtocol",
                "TouchpointReports",
                "TouchpointServer",
                "TouchpointStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Apps/touchpoint-demo",
            swiftSettings: swiftSettings
        ),
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
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "tools/bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointModelTests",
            dependencies: [
                "TouchpointModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/TouchpointModelTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointReportsTests",
            dependencies: [
                "TouchpointReports",
                "TouchpointModel",
                "TouchpointProtocol",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/TouchpointReportsTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointStoreTests",
            dependencies: [
                "TouchpointStore",
                "TouchpointRecords",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/TouchpointStoreTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointImportTests",
            dependencies: ["TouchpointImport", "TouchpointStore", "TouchpointModel"],
            path: "Tests/TouchpointImportTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointProtocolTests",
            dependencies: [
                "TouchpointProtocol",
                "TouchpointModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tests/TouchpointProtocolTests",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointClusterTesting",
            dependencies: [
                "TouchpointServer",
                "TouchpointClient",
                "TouchpointStore",
                "TouchpointModel",
                "TouchpointProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/TouchpointClusterTesting",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TouchpointPostgresTesting",
            dependencies: [
                "TouchpointPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TouchpointPostgresTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointServerTests",
            dependencies: [
                "TouchpointClusterTesting",
                "TouchpointServer",
                "TouchpointClient",
                "TouchpointRecords",
                "TouchpointStore",
                "TouchpointProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/TouchpointServerTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointPostgresTests",
            dependencies: [
                "TouchpointPostgres",
                "TouchpointPostgresTesting",
                "TouchpointServer",
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointRecords",
                "TouchpointReports",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TouchpointPostgresTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointConformanceTests",
            dependencies: [
                "TouchpointClusterTesting",
                "TouchpointPostgresTesting",
                "TouchpointServer",
                "TouchpointClient",
                "TouchpointStore",
                "TouchpointModel",
                "TouchpointProtocol",
                "TouchpointPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/TouchpointConformanceTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointIntegrationTests",
            dependencies: [
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
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/TouchpointIntegrationTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TouchpointBenchTests",
            dependencies: ["touchpoint-bench"],
            path: "Tests/TouchpointBenchTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AgentCLITests",
            dependencies: ["touchpoint-agent"],
            path: "Tests/AgentCLITests",
            swiftSettings: swiftSettings
        ),
    ]
)
