// swift-tools-version:6.1
// libFuzzer harnesses: FrameFuzzer (frame decoder, envelope parser, change-batch
// decoder and session state machines) and SessionFuzzer (the whole server
// session down to an in-memory store). Build and run with `./run.sh SECONDS [TARGET]`.
// SwiftPM renames an executable's `main`, so instead of libFuzzer's own main
// the harness's top-level code calls LLVMFuzzerRunDriver.
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which differs between
// checkouts and worktrees: derive it from this file's location.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

/// Libraries of the main package.
func touchpoint(_ names: String...) -> [Target.Dependency] {
    names.map { .product(name: $0, package: rootIdentity) }
}

let package = Package(
    name: "TouchpointFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: root.path),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "FrameFuzzer",
            dependencies: ["CLibFuzzer"] + touchpoint("TouchpointProtocol", "TouchpointModel"),
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "SessionFuzzer",
            dependencies: ["CLibFuzzer"]
                + touchpoint("TouchpointServer", "TouchpointProtocol", "TouchpointModel", "TouchpointReports") + [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
