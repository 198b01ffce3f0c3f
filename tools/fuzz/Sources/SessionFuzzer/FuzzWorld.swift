import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// The seeded server every fuzz input starts from: two field agents and an admin
/// (fixed ids), a customer both agents edited concurrently, hence conflict 1.
/// A Hello whose token is ``agentAlias`` or ``adminAlias`` authenticates as the
/// agent or the admin, so inputs (and seeds) need not know the random tokens.
struct FuzzWorld: Sendable {
    static let agentAlias = "agent"
    static let adminAlias = "admin"
    /// The service's clock; seeds stamp their changes a little after it.
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    /// The site fuzzed sessions speak for.
    static let site = SiteID(UUID(uuidString: "5e55105f-0000-4000-8000-000000000003")!)
    static let agentID = UUID(uuidString: "a9e00000-0000-4000-8000-00000000000a")!
    static let otherAgentID = UUID(uuidString: "a9e00000-0000-4000-8000-00000000000b")!
    static let adminID = UUID(uuidString: "ad000000-0000-4000-8000-00000000000c")!
    static let customerID = UUID(uuidString: "c0000000-0000-4000-8000-00000000000d")!

    let agentToken: String
    let adminToken: String

    /// The real token behind an alias; any other token as it is.
    func token(_ sent: String) -> String {
        switch sent {
        case Self.agentAlias: agentToken
        case Self.adminAlias: adminToken
        default: sent
        }
    }

    /// Registers the agents and writes the customer and its conflict.
    static func seed(_ service: SyncService) async throws -> FuzzWorld {
        let store = service.store
        let world = FuzzWorld(
            agentToken: try await store.addAgent(try Agent(id: agentID, name: "North", territories: ["north"]), now: now),
            adminToken: try await store.addAgent(try Agent(id: adminID, name: "Root", territories: [], role: .admin), now: now))
        _ = try await store.addAgent(try Agent(id: otherAgentID, name: "North 2", territories: ["north"]), now: now)
        let first = SiteID(UUID(uuidString: "5e55105f-0000-4000-8000-000000000001")!)
        let second = SiteID(UUID(uuidString: "5e55105f-0000-4000-8000-000000000002")!)
        let customer = try Customer(id: customerID, name: "Anika", segment: "smb", territory: "north")
        let created = FieldVersion(hlc: hlc(1), site: first)
        let north = Principal(agentID: agentID, name: "North", role: .agent, territories: ["north"], site: first)
        _ = try await service.push(
            [SequencedChange(sequence: 1, change: Change(entity: .customer, id: customerID, fields: customer.fields.keys.sorted().map {
                FieldChange(name: $0, value: customer.fields[$0]!, version: created)
            }))], from: north)
        // An edit made without having seen the creation: a conflict on `name`.
        let other = Principal(agentID: otherAgentID, name: "North 2", role: .agent, territories: ["north"], site: second)
        _ = try await service.push(
            [SequencedChange(sequence: 1, change: Change(entity: .customer, id: customerID, fields: [
                FieldChange(name: "name", value: .text("Annika"), version: FieldVersion(hlc: hlc(2), site: second), base: nil)
            ]))], from: other)
        guard try await store.info().openConflicts == 1 else { throw FuzzSetupError("the seeded store has no conflict") }
        return world
    }

    /// An HLC `offset` milliseconds after ``now``.
    static func hlc(_ offset: UInt64) -> HLC {
        HLC(physical: HLC.milliseconds(now) + offset, logical: 0)
    }
}
