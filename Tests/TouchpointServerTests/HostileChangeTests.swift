import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Item 7 of the field-work issue: hand-made changes that write outside the
/// pusher's scope or as someone else are refused with PERMISSION_DENIED.
@Suite struct HostileChangeTests {
    /// A north agent and a south agent, a customer in each, a north case synced everywhere.
    struct World {
        let cluster: Cluster
        let north: Cluster.FieldAgent
        let south: Cluster.FieldAgent
        let northCustomer: Customer
        let southCustomer: Customer
        let northCase: SupportCase

        init() async throws {
            cluster = try await Cluster(agents: [["north"], ["south"]])
            (north, south) = (cluster.agents[0], cluster.agents[1])
            northCustomer = try Customer(name: "N", territory: "north")
            southCustomer = try Customer(name: "S", territory: "south")
            northCase = try SupportCase(customerID: northCustomer.id, subject: "Router", openedAt: Cluster.epoch)
            try north.store.create(northCustomer)
            try north.store.create(northCase)
            try south.store.create(southCustomer)
            _ = try await north.sync()
            _ = try await south.sync()
        }

        /// Pushes one hand-made change as `agent` and returns the server's answer.
        func push(_ change: Change, as agent: Cluster.FieldAgent, seq: UInt64 = 1_000) async throws -> PushAcknowledgement {
            try await cluster.service.push([SequencedChange(sequence: seq, change: change)], from: agent.principal)
        }

        func version(_ agent: Cluster.FieldAgent) -> FieldVersion {
            FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: agent.principal.site)
        }
    }

    @Test func reparentingACaseOntoAnotherTerritorysCustomerIsRefused() async throws {
        let world = try await World()
        let change = Change(entity: .supportCase, id: world.northCase.id, fields: [
            FieldChange(name: "customer_id", value: .id(world.southCustomer.id), version: world.version(world.north))
        ])
        let outcome = try await world.push(change, as: world.north)
        #expect(outcome.rejected.map(\.code) == [.permissionDenied])
        #expect(outcome.rejected.first?.message.contains("territory 'south' is outside your territories") == true)
        #expect(try await world.cluster.server.info().head == 3, "nothing was logged")
        _ = try await world.north.sync()
        #expect(try world.north.store.record(SupportCase.self, id: world.northCase.id)?.customerID == world.northCustomer.id)
    }

    @Test func versionsStampedWithAnotherSiteAreRefused() async throws {
        let world = try await World()
        let change = Change(entity: .customer, id: world.northCustomer.id, fields: [
            FieldChange(name: "segment", value: .text("smb"), version: world.version(world.south))
        ])
        let outcome = try await world.push(change, as: world.north)
        #expect(outcome.rejected.map(\.code) == [.permissionDenied])
        #expect(outcome.rejected.first?.message.contains("not this session's site") == true)
    }

    @Test func feedbackNamingAnotherAgentIsRefused() async throws {
        let world = try await World()
        let answer = try FeedbackResponse(
            customerID: world.northCustomer.id, agentID: world.south.principal.agentID, kind: .nps, score: 2,
            collectedAt: Cluster.epoch)
        let version = world.version(world.north)
        let change = Change(entity: .feedback, id: answer.id, fields: answer.fields.keys.sorted().map {
            FieldChange(name: $0, value: answer.fields[$0]!, version: version)
        })
        let outcome = try await world.push(change, as: world.north)
        #expect(outcome.rejected.map(\.code) == [.permissionDenied])
        #expect(try await world.cluster.server.digest(territories: nil).entities["follow_up"]?.count == 0, "no closed loop for it")
    }

    @Test func editsOfAppendOnlyRecordsAreRefused() async throws {
        let world = try await World()
        let note = try Note(customerID: world.northCustomer.id, authorAgentID: world.north.principal.agentID, body: "prefers email", createdAt: Cluster.epoch)
        try world.north.store.create(note)
        _ = try await world.north.sync()
        let change = Change(entity: .note, id: note.id, fields: [
            FieldChange(name: "body", value: .text("rewritten"), version: world.version(world.north))
        ])
        let outcome = try await world.push(change, as: world.north)
        #expect(outcome.rejected.map(\.code) == [.permissionDenied])
        #expect(outcome.rejected.first?.message.contains("append-only") == true)
        #expect(try world.north.store.record(Note.self, id: note.id)?.body == "prefers email")
    }

    @Test func aChangeWritingHalfAFieldGroupIsRefused() async throws {
        let world = try await World()
        let change = Change(entity: .supportCase, id: world.northCase.id, fields: [
            FieldChange(name: "status", value: .text("closed"), version: world.version(world.north))
        ])
        let outcome = try await world.push(change, as: world.north)
        #expect(outcome.rejected.map(\.code) == [.invalidArgument])
        #expect(outcome.rejected.first?.message.contains("status, resolved_at") == true)
    }

    @Test(arguments: [FieldValue.integer(2), .integer(-1), .text("1"), .null])
    func aTombstoneOtherThanZeroOrOneIsRefused(value: FieldValue) async throws {
        let world = try await World()
        let change = Change(entity: .customer, id: world.northCustomer.id, fields: [
            FieldChange(name: tombstoneField, value: value, version: world.version(world.north))
        ])
        let outcome = try await world.push(change, as: world.north)
        #expect(outcome.rejected.map(\.code) == [.invalidArgument])
        #expect(outcome.rejected.first?.message.contains("_deleted") == true)
        #expect(try await world.cluster.server.info().head == 3, "nothing was logged")
    }
}
