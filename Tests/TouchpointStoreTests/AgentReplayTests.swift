import Foundation
import Testing
import TouchpointModel
import TouchpointRecords
@testable import TouchpointStore

/// Identity (issue 8 item 16) and the replay after a server restore (item 9).
@Suite struct AgentReplayTests {
    let store: AgentStore
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    init() throws {
        store = try AgentStore.inMemory()
        try store.initialize(agentID: UUID(), territories: ["north"])
    }

    @Test func item16InitializeNeverInventsAnAgentID() throws {
        let fresh = try AgentStore.inMemory()
        let error = #expect(throws: StoreError.self) { try fresh.initialize(territories: ["north"]) }
        #expect(error?.kind == .notInitialized)
        #expect(error?.message.contains("touchpoint-agent init --server") == true)
        #expect(throws: StoreError.self) { try fresh.create(try Customer(name: "Anika", territory: "north")) }
    }

    @Test func enrolmentStoresTheServersViewAndRefusesAnotherAgent() throws {
        let fresh = try AgentStore.inMemory()
        let site = try fresh.siteID()
        let agent = UUID()
        let identity = try fresh.enrol(
            agentID: agent, name: "Dana Field", territories: ["north", "south"], server: "127.0.0.1:7070", token: "tp_x")
        #expect(identity == AgentIdentity(site: site, agentID: agent, name: "Dana Field", territories: ["north", "south"]))
        try fresh.refreshName("Dana F.")
        try fresh.adoptTerritories(["south"])
        #expect(try fresh.identity().territories == ["south"] && fresh.identity().name == "Dana F.")
        #expect(throws: StoreError.self) {
            try fresh.enrol(agentID: UUID(), name: "Other", territories: ["north"], server: "127.0.0.1:7070", token: "tp_y")
        }
        #expect(try fresh.meta(.token) == "tp_x")
    }

    @Test func replayQueuesOwnVersionsOverThemselvesRewindsAndRemembersTheEpoch() throws {
        let own = try store.identity().site
        let anika = try Customer(name: "Anika", territory: "north")
        try store.create(anika, now: now)
        try store.settle(rejections: [], acknowledgedUpTo: Int64.max)
        // Another site's edit of one field, pulled at cursor 9.
        let remote = FieldVersion(hlc: HLC(physical: HLC.milliseconds(now) + 1, logical: 0), site: .random())
        try store.applyPulled(
            [Change(entity: .customer, id: anika.id, fields: [FieldChange(name: "segment", value: .text("smb"), version: remote)])],
            cursor: 9, now: now)
        let epoch = ServerEpoch.random()

        #expect(try store.replayForRestoredServer(epoch: epoch) == 1)
        let replay = try #require(try store.outbox().first?.change)
        #expect(replay.id == anika.id)
        #expect(!replay.fields.contains { $0.name == "segment" })
        #expect(replay.fields.contains { $0.name == "name" && $0.value == .text("Anika") })
        #expect(replay.fields.allSatisfy { $0.version.site == own && $0.base == $0.version })
        #expect(try store.pullCursor() == 0)
        #expect(try store.serverEpoch() == epoch)
    }
}
