import Foundation
import Testing
import TouchpointModel
import TouchpointServer

/// The storage-free rules of a garbage collection: who holds the horizon back, who
/// is marked stale, and where a compacted record's entries go.
@Suite struct GarbageCollectorTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let settings = GarbageCollectionSettings(staleAfter: 30 * 86_400)

    func agent(cursor: UInt64, seen days: Double?, synced: Bool = true, revoked: Bool = false, stale: Bool = false) -> AgentCursor {
        AgentCursor(
            agentID: UUID(), revoked: revoked, lastSeen: days.map { now.addingTimeInterval(-$0 * 86_400) },
            lastSync: synced ? now : nil, cursor: cursor, stale: stale)
    }

    @Test func theHorizonIsTheLowestCursorOfActiveAgentsAndStaysBelowTheHead() {
        let silent = agent(cursor: 3, seen: 31)
        let agents = [
            agent(cursor: 40, seen: 1), agent(cursor: 25, seen: 29), silent,
            agent(cursor: 1, seen: 0, revoked: true), agent(cursor: 0, seen: 0, synced: false),
            agent(cursor: 2, seen: 45, stale: true),
        ]
        let (report, markStale) = GarbageCollector.horizon(agents, head: 50, now: now, settings: settings)
        #expect(report.horizon == 25 && report.activeAgents == 2)
        #expect(markStale == [silent.agentID], "an agent already marked is not marked again")
        let (alone, _) = GarbageCollector.horizon([agent(cursor: 50, seen: 0)], head: 50, now: now, settings: settings)
        #expect(alone.horizon == 49, "the newest entry stays, so the head never goes back")
        #expect(GarbageCollector.horizon([], head: 0, now: now, settings: settings).report.horizon == 0)
    }

    @Test func aCustomerGoesToItsFirstSequenceAndADependentToItsLast() throws {
        let site = SiteID.random()
        func version(_ n: UInt64) -> FieldVersion { FieldVersion(hlc: HLC(rawValue: n << 16), site: site) }
        let customer = UUID()
        let ticket = UUID()
        func change(_ entity: EntityType, _ id: UUID, _ fields: [String: FieldValue], at n: UInt64) -> Change {
            Change(entity: entity, id: id, fields: fields.keys.sorted().map { FieldChange(name: $0, value: fields[$0]!, version: version(n)) })
        }
        var anika = LoggedRecord(entity: .customer, id: customer)
        anika.entries = [
            .init(sequence: 1, change: change(.customer, customer, ["name": .text("Anika"), "territory": .text("north")], at: 1), territory: "north"),
            .init(sequence: 7, change: change(.customer, customer, ["segment": .text("smb")], at: 7), territory: "north"),
        ]
        var router = LoggedRecord(entity: .supportCase, id: ticket)
        router.entries = [
            .init(sequence: 2, change: change(.supportCase, ticket, ["customer_id": .text(customer.lowercasedText), "subject": .text("Router")], at: 2), territory: "north"),
            .init(sequence: 5, change: change(.supportCase, ticket, ["priority": .text("high")], at: 5), territory: "north"),
        ]
        let (report, _) = GarbageCollector.horizon([], head: 9, now: now, settings: settings)
        let plan = GarbageCollector.plan([anika, router], report: report, markStale: [])
        #expect(Set(plan.replaced) == [1, 2, 5, 7])
        let written = Dictionary(uniqueKeysWithValues: plan.written.map { ($0.change.id, $0) })
        #expect(written[customer]?.sequence == 1, "before anything that depends on it")
        #expect(written[ticket]?.sequence == 5)
        #expect(written[customer]?.change.fields.map(\.name) == ["name", "segment", "territory"])
        #expect(written[customer]?.change.fields.allSatisfy(\.isReplay) == true)
    }
}
