import Foundation
import TouchpointModel

/// Changes the bench writes straight to the server (load peers, the cold pull's seed) without an agent store.
enum SyntheticChange {
    /// Every field of `record`, versioned now at `site`.
    static func change<Record: SyncRecord>(_ record: Record, site: SiteID) -> Change {
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: site)
        return Change(entity: Record.entity, id: record.id, fields: record.fields.keys.sorted().map {
            FieldChange(name: $0, value: record.fields[$0]!, version: version)
        })
    }

    /// Customer `n` of `territory`, owned by `agent`, every field versioned now at `site`.
    static func customer(_ n: Int, territory: String, site: SiteID, agent: UUID) throws -> Change {
        change(try Customer(
            name: "Customer \(n) of \(territory)", email: "c\(n)@example.com", segment: ["smb", "enterprise"][n % 2],
            territory: territory, ownerAgentID: agent, annualValue: Int64(100_000 + n), currency: "EUR"), site: site)
    }
}
