import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointReports
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// Personal values a test writes for the customer to be erased; none may survive anywhere.
    static let personal = [
        "Anika", "anika@example.com", "+49 30 1234", "vip", "router on fire", "called twice", "hates hold music", "call back re router",
        "anika.b@example.com", "offline@example.com", "offline edit",
    ]

    /// Every text value of a record, change or conflict side that holds one of ``personal``.
    static func leaks(_ values: [FieldValue]) -> [String] {
        values.compactMap(\.text).filter { text in personal.contains { text.localizedCaseInsensitiveContains($0) } }
    }

    /// Creates, through agent `a`, a customer with personal data and one record of each kind about it.
    static func customerWithHistory(_ a: Cluster.FieldAgent, territory: String = "north") throws -> (Customer, [any SyncRecord]) {
        let me = a.principal.agentID
        let at = Cluster.epoch
        let customer = try Customer(
            name: "Anika Berg", email: "anika@example.com", phone: "+49 30 1234", segment: "smb", territory: territory, tags: ["vip"])
        let call = try Interaction(
            customerID: customer.id, agentID: me, occurredAt: at, channel: .phone, touchpoint: "billing", stage: .support,
            outcome: .resolved, durationSeconds: 300, summary: "router on fire")
        let records: [any SyncRecord] = [
            call,
            try SupportCase(customerID: customer.id, subject: "Anika's modem", openedAt: at),
            try Note(customerID: customer.id, authorAgentID: me, body: "called twice", createdAt: at),
            try FeedbackResponse(
                customerID: customer.id, interactionID: call.id, agentID: me, kind: .nps, score: 3, comment: "hates hold music",
                collectedAt: at, channel: .phone),
            try FollowUp(customerID: customer.id, assigneeAgentID: me, dueAt: at, note: "call back re router", createdAt: at),
        ]
        try a.store.create(customer)
        try a.store.create(records)
        return (customer, records)
    }

    /// Everything the server keeps of a customer and its records: their states, change-log entries and conflicts.
    static func serverValues(_ cluster: Cluster, ids: Set<UUID>) async throws -> [FieldValue] {
        var values: [FieldValue] = []
        for entity in EntityType.allCases {
            for id in ids { values += (try await cluster.server.record(entity, id: id))?.fields.values.map(\.value) ?? [] }
        }
        for logged in try await log(cluster.server) where ids.contains(logged.change.id) {
            values += logged.change.fields.map(\.value)
        }
        for conflict in try await cluster.server.conflicts(ConflictFilter()) where ids.contains(conflict.entityID) {
            values += [conflict.winner.value, conflict.loser.value]
        }
        return values
    }

    /// Everything a laptop keeps of a customer and its records: their states, queued changes and dead letters.
    static func laptopValues(_ agent: Cluster.FieldAgent, ids: Set<UUID>) throws -> [FieldValue] {
        var values: [FieldValue] = []
        for entity in EntityType.allCases {
            for id in ids { values += (try agent.store.state(entity, id: id))?.fields.values.map(\.value) ?? [] }
        }
        values += try agent.store.outbox().filter { ids.contains($0.change.id) }.flatMap { $0.change.fields.map(\.value) }
        values += try agent.store.deadLetters().filter { ids.contains($0.entry.change.id) }.flatMap { $0.entry.change.fields.map(\.value) }
        return values
    }

    /// Erasure end to end on three agents: two in the customer's territory (one of them
    /// lost a concurrent edit, kept as a conflict) and one elsewhere. After their next
    /// syncs no personal value is left on the server — records, change log, conflicts —
    /// or on any laptop, every replica has the same digest, and the facts reports count
    /// (channel, score, outcome, duration) are untouched.
    @Test(arguments: StoreKind.available)
    func erasingACustomerRemovesItsPersonalDataFromTheServerAndEveryLaptopInScope(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"], ["south"]]) { cluster in
            let (a, b, c) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
            let (customer, records) = try Self.customerWithHistory(a)
            try await Self.expectConverged([a, b, c])
            try a.store.update(Customer.self, id: customer.id) { $0.name = "Anika Bergmann" }
            try b.store.update(Customer.self, id: customer.id) { $0.email = "anika.b@example.com"; $0.name = "Anika B." }
            try await Self.expectConverged([a, b, c])
            #expect(try await cluster.server.conflicts(ConflictFilter()).contains { $0.entityID == customer.id }, "a conflict keeps a name")
            let reportBefore = try await cluster.server.reportDataset()

            let admin = UUID()
            let report = try await cluster.server.eraseCustomer(customer.id, by: admin, now: Cluster.epoch.addingTimeInterval(60))
            #expect(report.customerID == customer.id && report.territory == "north")
            // The customer, its five records and the follow-up the detractor answer opened (closed loop).
            #expect(report.records == 7 && report.logEntries > 0 && report.conflicts > 0, "\(report)")
            try await Self.expectConverged([a, b, c])

            let ids = Set([customer.id] + records.map(\.id))
            #expect(Self.leaks(try await Self.serverValues(cluster, ids: ids)) == [], "nothing personal left on the server")
            for agent in [a, b] {
                #expect(Self.leaks(try Self.laptopValues(agent, ids: ids)) == [], "nothing personal left on \(agent.principal.name)")
                let erased = try #require(try agent.store.record(Customer.self, id: customer.id))
                #expect(erased.name == Erasure.placeholder && erased.email == nil && erased.phone == nil && erased.tags.isEmpty)
                #expect(erased.segment == "smb" && erased.erasedAt != nil, "non-identifying facts stay")
                let call = try #require(try agent.store.record(Interaction.self, id: records[0].id))
                #expect(call.summary == nil && call.channel == .phone && call.outcome == .resolved && call.durationSeconds == 300)
                #expect(try agent.store.record(Note.self, id: records[2].id)?.body == Erasure.placeholder)
                let answer = try #require(try agent.store.record(FeedbackResponse.self, id: records[3].id))
                #expect(answer.score == 3 && answer.comment == nil)
            }
            #expect(try c.store.record(Customer.self, id: customer.id) == nil, "the south laptop never held it")
            let reportAfter = try await cluster.server.reportDataset()
            #expect(reportAfter.interactions.count == reportBefore.interactions.count)
            #expect(reportAfter.feedback.map(\.score) == reportBefore.feedback.map(\.score), "scores stay")
        }
    }

    /// An agent offline during the erasure comes back a week later with edits made after
    /// it — a new email, a note — stamped with later clocks than the erasure's. Its push is
    /// accepted without the personal values and its own copy is erased at its pull: the
    /// erased data does not come back anywhere, its non-personal edit survives, and every
    /// replica converges.
    @Test(arguments: StoreKind.available)
    func anOfflineAgentsLaterEditsDoNotResurrectAnErasedCustomer(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            let (customer, records) = try Self.customerWithHistory(a)
            try await Self.expectConverged([a, b])

            _ = try await cluster.server.eraseCustomer(customer.id, by: UUID(), now: Date().addingTimeInterval(-60))
            _ = try await b.sync()
            // `a` was offline: it does not know, and edits with its clock (after the erasure's).
            try a.store.update(Customer.self, id: customer.id) { $0.email = "offline@example.com"; $0.segment = "enterprise" }
            let note = try Note(customerID: customer.id, authorAgentID: a.principal.agentID, body: "offline edit", createdAt: Date())
            try a.store.create(note)
            #expect(try a.store.outboxDepth() == 2)
            _ = try await a.sync()

            try await Self.expectConverged([a, b])
            let ids = Set([customer.id, note.id] + records.map(\.id))
            #expect(Self.leaks(try await Self.serverValues(cluster, ids: ids)) == [])
            let server = try #require(try await cluster.server.record(.customer, id: customer.id))
            #expect(server.fields["email"]?.value == .null, "the offline email never reached the server")
            #expect(server.fields["segment"]?.value == .text("enterprise"), "its non-personal edit is applied")
            #expect(try await cluster.server.record(.note, id: note.id)?.fields["body"]?.value == .text(Erasure.placeholder))
            for agent in [a, b] {
                #expect(Self.leaks(try Self.laptopValues(agent, ids: ids)) == [])
                #expect(try agent.store.record(Customer.self, id: customer.id)?.email == nil)
            }
            #expect(throws: StoreError.self, "a laptop that knows refuses new personal data for the customer") {
                try a.store.update(Customer.self, id: customer.id) { $0.phone = "+49 555" }
            }
            try a.store.update(Customer.self, id: customer.id) { $0.lifecycle = .churned }
        }
    }

    /// Pull pages are shared and cached in memory: a laptop enrolled after the erasure,
    /// pulling from 0 the pages other laptops pulled before it, gets them scrubbed too.
    @Test(arguments: StoreKind.available)
    func aNewcomerPullingCachedPagesAfterAnErasureGetsNothingPersonal(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            let (customer, records) = try Self.customerWithHistory(a)
            try await Self.expectConverged([a, b])
            _ = try await cluster.server.eraseCustomer(customer.id, by: UUID(), now: Date())
            let newcomer = try await cluster.addAgent(name: "Newcomer", territories: ["north"])
            let page = try await cluster.service.pull(after: 0, limit: 1_000, for: newcomer.principal)
            #expect(Self.leaks(page.changes.flatMap { $0.change.fields.map(\.value) }) == [], "what the newcomer is sent")
            try await Self.expectConverged([a, b, newcomer])
            let ids = Set([customer.id] + records.map(\.id))
            #expect(Self.leaks(try Self.laptopValues(newcomer, ids: ids)) == [])
            #expect(try newcomer.store.record(Customer.self, id: customer.id)?.name == Erasure.placeholder)
        }
    }

    /// A laptop the customer left (it moved to another territory) still keeps the change it
    /// queued before it knew, refused and dead-lettered: the erasure reaches it too (logged in
    /// every territory the customer's records were logged in), and scrubs its dead letter.
    @Test(arguments: StoreKind.available)
    func aLaptopTheCustomerLeftErasesItsDeadLettersAboutIt(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north", "south"]]) { cluster in
            let (north, hub) = (cluster.agents[0], cluster.agents[1])
            let customer = try Customer(name: "Anika", territory: "north")
            try hub.store.create(customer)
            try await Self.expectConverged([hub, north])
            try hub.store.update(Customer.self, id: customer.id) { $0.territory = "south" }
            _ = try await hub.sync()
            try north.store.update(Customer.self, id: customer.id) { $0.phone = "+49 30 1234" }
            _ = try await north.sync()
            #expect(try north.store.deadLetters().count == 1, "refused: the customer is in south now")
            #expect(try north.store.record(Customer.self, id: customer.id) == nil, "and evicted")

            _ = try await cluster.server.eraseCustomer(customer.id, by: UUID(), now: Date())
            try await Self.expectConverged([hub, north])
            #expect(Self.leaks(try Self.laptopValues(north, ids: [customer.id])) == [])
            #expect(try north.store.deadLetters().count == 1, "the dead letter stays, without the phone number")
        }
    }

    /// Only the server writes `erased_at`: an agent pushing it is refused, and an unknown customer cannot be erased.
    @Test(arguments: StoreKind.available)
    func erasedAtIsWrittenByTheServerOnly(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"]]) { cluster in
            let a = cluster.agents[0]
            let customer = try await cluster.sharedCustomer("Anika")
            let forged = Change(entity: .customer, id: customer.id, fields: [
                FieldChange(name: Erasure.erasedAtField, value: .integer(1), version: a.stamp())
            ])
            let outcome = try await a.push([forged])
            #expect(outcome.rejected.map(\.code) == [.permissionDenied])
            #expect((try await cluster.server.record(.customer, id: customer.id))?.fields[Erasure.erasedAtField]?.value ?? .null == .null)
            await #expect(throws: StoreError.self) {
                _ = try await cluster.server.eraseCustomer(UUID(), by: UUID(), now: Date())
            }
        }
    }
}

extension ServerStoreConformance {
    /// Three agents push personal edits of one customer at once, round after round, while
    /// the erasure commits in the middle: whichever commits first, no personal value
    /// survives on the server or any laptop, and every replica converges.
    @Test(arguments: StoreKind.available)
    func anErasureRacingConcurrentPushesLeavesNothingPersonal(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"], ["north"]]) { cluster in
            let (customer, records) = try Self.customerWithHistory(cluster.agents[0])
            try await Self.expectConverged(cluster.agents)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, agent) in cluster.agents.enumerated() {
                    group.addTask {
                        for round in 0..<6 {
                            try? agent.store.update(Customer.self, id: customer.id) { $0.email = "anika.b@example.com"; $0.segment = "s\(round)" }
                            try? agent.store.create(try Note(
                                customerID: customer.id, authorAgentID: agent.principal.agentID, body: "offline edit \(index)-\(round)",
                                createdAt: Cluster.epoch))
                            _ = try? await agent.sync()
                        }
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(20))
                    _ = try await cluster.server.eraseCustomer(customer.id, by: UUID(), now: Date())
                }
                try await group.waitForAll()
            }
            try await Self.expectConverged(cluster.agents)
            var ids = Set([customer.id] + records.map(\.id))
            for agent in cluster.agents { ids.formUnion(try agent.store.list(Note.self).map(\.id)) }
            #expect(Self.leaks(try await Self.serverValues(cluster, ids: ids)) == [])
            for agent in cluster.agents { #expect(Self.leaks(try Self.laptopValues(agent, ids: ids)) == []) }
        }
    }
}
