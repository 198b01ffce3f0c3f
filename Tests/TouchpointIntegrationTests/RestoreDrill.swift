import Foundation
import GRDB
import TouchpointClient
import TouchpointModel
import TouchpointStore

/// A live server on a data directory with two north laptops, Ada and Bo; the
/// store is backed up, then replaced by a server restored from that backup, the
/// way an operator recovers a lost disk.
struct RestoreDrill {
    let root: String
    private(set) var directory: String
    private(set) var live: LiveServer
    private(set) var ada: Laptop
    private(set) var bo: Laptop

    static func start() async throws -> RestoreDrill {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-restore-\(UUID())").path
        let directory = root + "/server-1"
        let live = try await LiveServer.start(directory: directory)
        return RestoreDrill(
            root: root, directory: directory, live: live, ada: try await live.laptop("Ada", territories: ["north"]),
            bo: try await live.laptop("Bo", territories: ["north"]))
    }

    /// A consistent copy of the running server's store (SQLite's backup API), returned as a file path.
    func backUp() throws -> String {
        let file = root + "/backup-\(UUID()).sqlite"
        let source = try DatabaseQueue(path: directory + "/server.sqlite")
        try source.backup(to: try DatabaseQueue(path: file))
        return file
    }

    /// Stops the server and starts one on a fresh directory holding `backup`: with
    /// `newEpoch`, through `touchpoint-server restore`; without, by copying the file.
    mutating func restore(_ backup: String, newEpoch: Bool) async throws {
        await live.stop()
        directory = root + "/server-\(UUID())"
        if newEpoch {
            try ServerProcess(data: directory).command(["restore", backup])
        } else {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: backup, toPath: directory + "/server.sqlite")
        }
        live = try await LiveServer.start(directory: directory)
        for laptop in [\Self.ada, \Self.bo] {
            let old = self[keyPath: laptop]
            self[keyPath: laptop] = Laptop(store: old.store, agentID: old.agentID, token: old.token, endpoint: live.endpoint)
        }
    }

    /// Stops the server and restores `backup` over its own store with `touchpoint-server restore`
    /// (the store it replaces is moved aside), then starts it again; returns what restore printed.
    @discardableResult
    mutating func restoreInPlace(_ backup: String) async throws -> String {
        await live.stop()
        let printed = try ServerProcess(data: directory).command(["restore", backup])
        live = try await LiveServer.start(directory: directory)
        for laptop in [\Self.ada, \Self.bo] {
            let old = self[keyPath: laptop]
            self[keyPath: laptop] = Laptop(store: old.store, agentID: old.agentID, token: old.token, endpoint: live.endpoint)
        }
        return printed
    }

    /// Bo records a new customer after the restore, then Bo, Ada and Bo sync; returns the customer.
    func recordOnBoThenSync() async throws -> Customer {
        let dmitri = try Customer(name: "Dmitri", persona: "tech_savvy", territory: "north")
        try bo.store.create(dmitri)
        for laptop in [bo, ada, bo] { try await laptop.sync() }
        return dmitri
    }

    func tearDown() async {
        await live.stop()
        try? FileManager.default.removeItem(atPath: root)
    }
}
