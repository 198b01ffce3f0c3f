import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// This replica's site id, created on first use: enrolment needs it for Hello
    /// before the agent is known.
    public func siteID() throws -> SiteID {
        try writer.write { db in
            if let text = try Meta.get(.siteID, db), let site = SiteID(text) { return site }
            let site = SiteID.random()
            try Meta.set(.siteID, site.description, db)
            return site
        }
    }

    /// Records who this laptop belongs to, as the server's Welcome said, with the
    /// server and token it enrolled with, in one transaction. A database already
    /// enrolled for another agent is refused (its records carry that agent's id).
    @discardableResult
    public func enrol(agentID: UUID, name: String, territories: [String], server: String, token: String) throws -> AgentIdentity {
        try writer.write { db in
            let id = agentID.lowercasedText
            if let current = try Meta.get(.agentID, db), current != id {
                throw StoreError.refused(
                    "this database belongs to agent \(current) and the token to agent \(id): enrol a new database (--db)")
            }
            if try Meta.get(.siteID, db) == nil { try Meta.set(.siteID, SiteID.random().description, db) }
            try Meta.set(.agentID, id, db)
            try Self.setProfile(name: name, territories: territories, db)
            try Meta.set(.server, server, db)
            try Meta.set(.token, token, db)
            return try Self.identity(db)
        }
    }

    /// Stores the agent's name as the server knows it now (every sync refreshes it
    /// from Welcome; territories go through ``adoptTerritories(_:)``).
    public func refreshName(_ name: String) throws {
        try writer.write { db in try Meta.set(.agentName, name.isEmpty ? nil : name, db) }
    }

    private static func setProfile(name: String, territories: [String], _ db: Database) throws {
        try Meta.set(.agentName, name.isEmpty ? nil : name, db)
        try Meta.set(.territories, territories.isEmpty ? nil : territories.joined(separator: ","), db)
    }
}
