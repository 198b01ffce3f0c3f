import Foundation
import GRDB
import TouchpointModel

extension AgentStore {
    /// Adopts the territories the server says this agent has (refreshed at every sync).
    ///
    /// Records of a removed territory are evicted. When a territory was added, the
    /// pull cursor goes back to 0 so the next pull brings that territory's records
    /// whole (re-applying what this laptop already holds is a no-op).
    @discardableResult
    public func adoptTerritories(_ territories: [String]) throws -> ScopeChange {
        try writer.write { db in
            let known = try Self.identity(db).territories
            let change = ScopeChange(
                added: territories.filter { !known.contains($0) }.sorted(),
                removed: known.filter { !territories.contains($0) }.sorted())
            guard !change.isEmpty else { return change }
            try Meta.set(.territories, territories.joined(separator: ","), db)
            try ScopeEviction(db: db, territories: territories).everythingOutside()
            if !change.added.isEmpty, !known.isEmpty { try Meta.set(.pullCursor, "0", db) }
            return change
        }
    }
}
