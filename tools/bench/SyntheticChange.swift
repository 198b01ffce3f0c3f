import Foundation
import TouchpointModel

/// Changes the bench writes straight to the server (load peers, the cold pull's seed) without an agent store.
enum SyntheticChange {
    /// Customer `n` of `territory`, owned by `agent`, every field versioned now at `site`.
    static func customer(_ n: Int, territory: String, site: SiteID, agent: UUID) throws -> Change {
        let customer = try Customer(
            name: "Customer \(n) of \(territory)", email: "c\(n)@example.com", segment: ["smb", "enterprise"][n % 2],
            territory: territory, ownerAgentID: agent, annualValue: Int64(100_000 + n), currency: "EUR")
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: site)
        return Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
            FieldChange(name: $0, value: customer.fields[$0]!, version: version)
        })
    }
}
