import Foundation
import GRDB
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// Over TCP, a store failure reaches the agent as `INTERNAL` with a generic
/// message: not the SQL, the table or the data directory.
@Suite struct ErrorExposureTCPTests {
    static let secrets = ["SELECT", "INSERT", "changes", "no such table", "SQLite", "gone"]

    /// Breaks the server's database from another connection, then syncs a new customer.
    static func syncError(breaking sql: String) async throws -> (ProtocolError?, directory: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tp-exposure-\(UUID())").path
        let live = try await LiveServer.start(directory: directory)
        defer { Task { await live.stop() } }
        let ada = try await live.laptop("Ada", territories: ["north"])
        try ada.store.create(try Customer(name: "Anika", territory: "north"))
        let database = try DatabaseQueue(path: directory + "/server.sqlite")
        try await database.write { try $0.execute(sql: sql) }
        let error = await #expect(throws: ProtocolError.self) { try await ada.sync() }
        return (error, directory)
    }

    static func expectGeneric(_ error: ProtocolError?, directory: String) {
        #expect(error?.code == .internal, "\(String(describing: error))")
        for secret in secrets + [directory] {
            #expect(error?.message.contains(secret) == false, "the agent sees '\(secret)': \(String(describing: error))")
        }
    }

    /// The change log is gone before Hello: the handshake fails with a generic, fatal INTERNAL.
    @Test func aStoreFailingTheHandshakeIsAGenericInternalError() async throws {
        let (error, directory) = try await Self.syncError(breaking: "ALTER TABLE changes RENAME TO changes_gone")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        Self.expectGeneric(error, directory: directory)
    }

    /// Writing the change log fails inside the push (a trigger reads a table that is not
    /// there): the push fails with a generic INTERNAL, and the pull still runs.
    @Test func aStoreFailingAPushIsAGenericInternalError() async throws {
        let (error, directory) = try await Self.syncError(
            breaking: "CREATE TRIGGER broken BEFORE INSERT ON changes BEGIN SELECT * FROM gone; END")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        Self.expectGeneric(error, directory: directory)
    }
}
