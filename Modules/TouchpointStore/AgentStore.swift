import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// The field agent's offline-first database.
///
/// Every local write stores, in one transaction, the record, its per-field
/// versions and an outbox entry with a monotonically increasing sequence: a
/// write is either wholly there with its outbox entry, or not at all.
///
/// ```swift
/// let store = try AgentStore(path: "agent.sqlite")
/// try store.initialize(agentID: me, territories: ["north"])
/// try store.create(try Customer(name: "Anika", territory: "north"))
/// ```
public struct AgentStore: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` in WAL mode and migrates it.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try self.init(writer: try DatabasePool(path: path, configuration: .touchpointStore))
    }

    /// Wraps a writer (tests pass an in-memory `DatabaseQueue`) and migrates it.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try AgentSchema.migrator.migrate(writer)
    }

    /// A fresh in-memory store.
    public static func inMemory() throws -> AgentStore { try AgentStore(writer: try DatabaseQueue()) }

    /// Creates this replica's identity offline, for an agent id known beforehand
    /// (tests, demos; laptops enrol with their token instead, see `enrol`). Later
    /// calls keep the site id and update the rest. Without an agent id, and none
    /// stored, it throws: the agent never invents one.
    @discardableResult
    public func initialize(agentID: UUID? = nil, territories: [String] = []) throws -> AgentIdentity {
        try writer.write { db in
            if try Meta.get(.siteID, db) == nil { try Meta.set(.siteID, SiteID.random().description, db) }
            if let agentID { try Meta.set(.agentID, agentID.lowercasedText, db) }
            if !territories.isEmpty { try Meta.set(.territories, territories.joined(separator: ","), db) }
            return try Self.identity(db)
        }
    }

    /// This replica's identity; throws when `initialize` was never called.
    public func identity() throws -> AgentIdentity { try writer.read(Self.identity) }

    static func identity(_ db: Database) throws -> AgentIdentity {
        guard let siteText = try Meta.get(.siteID, db), let site = SiteID(siteText),
            let agentText = try Meta.get(.agentID, db), let agent = UUID(uuidString: agentText)
        else {
            throw StoreError(
                kind: .notInitialized,
                message: "this database does not know its agent yet, so it records nothing: "
                    + "run `touchpoint-agent init --server HOST:PORT --token TOKEN`")
        }
        let territories = (try Meta.get(.territories, db))?.split(separator: ",").map(String.init) ?? []
        return AgentIdentity(site: site, agentID: agent, name: try Meta.get(.agentName, db), territories: territories)
    }

    /// Reads a setting.
    public func meta(_ key: MetaKey) throws -> String? { try writer.read { try Meta.get(key, $0) } }

    /// Writes (or, with nil, removes) a setting.
    public func setMeta(_ key: MetaKey, _ value: String?) throws { try writer.write { try Meta.set(key, value, $0) } }
}
