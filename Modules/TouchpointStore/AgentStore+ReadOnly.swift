import Foundation
import GRDB
import TouchpointRecords

extension AgentStore {
    /// Opens an existing agent database read-only, for support staff (`touchpointctl inspect`):
    /// nothing is migrated or written, and a file that is missing or is not an agent
    /// database is a clear error.
    public init(readOnlyPath path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(kind: .notFound, message: "no agent database at \(path)")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            let isAgentDatabase = try queue.read { db in
                try db.tableExists("meta") && db.tableExists("outbox") && db.tableExists("dead_letters")
                    && AgentSchema.migrator.hasCompletedMigrations(db)
            }
            guard isAgentDatabase else {
                throw StoreError(kind: .invalid, message: "\(path) is not a touchpoint agent database (or was written by a newer version)")
            }
        } catch let error as DatabaseError {
            throw StoreError(kind: .invalid, message: "\(path) is not a touchpoint agent database: \(error.message ?? "\(error)")")
        }
        self.writer = queue
    }
}
