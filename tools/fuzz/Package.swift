// swift-tools-version:6.1
// libFuzzer harness for the frame decoder, envelope parser, change-batch
// decoder and session state machines. Build and run with `./run.sh SECONDS`.
// SwiftPM renames an executable's `main`, so instead of libFuzzer's own main
// the harness's top-level code calls LLVMFuzzerRunDriver.
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which differs between
// checkouts and worktrees: derive it from this file's location.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "TouchpointFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: root.path),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "FrameFuzzer",
            dependencies: [
                "CLibFuzzer",
                .product(name: "TouchpointProtocol", package: rootIdentity),
                .product(name: "TouchpointModel", package: rootIdentity),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
