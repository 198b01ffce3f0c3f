import Foundation
import Testing
import TouchpointAdminClient
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 8 item 9 (handshake part): a server restored from an older copy lost
/// changes it had acknowledged and moved its sequence back. Agents notice (new
/// epoch, or a head below their cursor), re-push what they hold and re-pull, so
/// nothing acknowledged is lost and every laptop converges with the server.
@Suite struct RestoreTests {
    static func customer(_ name: String) throws -> Customer {
        try Customer(name: name, persona: "tech_savvy", territory: "north")
    }

    static func expectConverged(_ drill: RestoreDrill, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for laptop in [drill.ada, drill.bo] {
            #expect(try laptop.store.digest() == (try await laptop.serverDigest()), sourceLocation: sourceLocation)
            #expect(try laptop.store.outboxDepth() == 0, sourceLocation: sourceLocation)
        }
    }

    /// Ada creates `names`, both laptops sync, and the store is backed up.
    static func syncedBackup(_ drill: RestoreDrill, _ names: String...) async throws -> ([Customer], String) {
        let customers = try names.map(customer)
        try drill.ada.store.create(customers)
        try await drill.ada.sync()
        try await drill.bo.sync()
        return (customers, try drill.backUp())
    }

    @Test func item9RestoredServerWithNewEpochGetsBackEveryAcknowledgedChange() async throws {
        var drill = try await RestoreDrill.start()
        let (a, b) = (drill.ada, drill.bo)
        let (before, backup) = try await Self.syncedBackup(drill, "Anika", "Musahib")
        let (anika, musahib) = (before[0], before[1])

        // Acknowledged after the copy by both agents: the restore loses all of it.
        let carmen = try Self.customer("Carmen")
        try a.store.create(carmen)
        try a.store.update(Customer.self, id: anika.id) { $0.segment = "enterprise" }
        try await a.sync()
        let call = try Interaction(
            customerID: anika.id, agentID: b.agentID, occurredAt: Date(), channel: .phone, touchpoint: "billing",
            stage: .support, outcome: .resolved)
        try b.store.create(call)
        try b.store.update(Customer.self, id: musahib.id) { $0.email = "m@example.com" }
        try await b.sync()
        try await a.sync()

        try await drill.restore(backup, newEpoch: true)
        let dmitri = try await drill.recordOnBoThenSync()

        try await Self.expectConverged(drill)
        #expect(try a.store.record(Customer.self, id: dmitri.id) != nil)
        #expect(try a.store.record(Interaction.self, id: call.id) != nil)
        #expect(try b.store.record(Customer.self, id: carmen.id) != nil)
        #expect(try b.store.record(Customer.self, id: anika.id)?.segment == "enterprise")
        #expect(try a.store.record(Customer.self, id: musahib.id)?.email == "m@example.com")
        let server = try await drill.live.store.digest(territories: nil)
        #expect(server.entities["customer"]?.count == 4 && server.entities["interaction"]?.count == 1)
        await drill.tearDown()
    }

    /// A store copied back by hand keeps its epoch: the head below the cursor gives it away.
    @Test func item9RestoredServerWithOldEpochHeadBelowCursor() async throws {
        var drill = try await RestoreDrill.start()
        let (before, backup) = try await Self.syncedBackup(drill, "Anika")
        let anika = before[0]

        // Two changes acknowledged after the copy; only Ada synced since.
        let carmen = try Self.customer("Carmen")
        try drill.ada.store.create(carmen)
        try drill.ada.store.update(Customer.self, id: anika.id) { $0.segment = "enterprise" }
        try await drill.ada.sync()

        try await drill.restore(backup, newEpoch: false)
        // Bo's one new change lands at a sequence Ada has already passed.
        let dmitri = try await drill.recordOnBoThenSync()

        try await Self.expectConverged(drill)
        #expect(try drill.ada.store.record(Customer.self, id: dmitri.id) != nil)
        #expect(try drill.bo.store.record(Customer.self, id: carmen.id) != nil)
        #expect(try drill.bo.store.record(Customer.self, id: anika.id)?.segment == "enterprise")
        await drill.tearDown()
    }

    /// Once other agents have pushed past a laptop's cursor, only the new epoch gives the restore away.
    @Test func item9NewEpochAloneRevealsARestoreOnceTheHeadHasPassedTheCursor() async throws {
        var drill = try await RestoreDrill.start()
        let (_, backup) = try await Self.syncedBackup(drill, "Anika")
        let carmen = try Self.customer("Carmen")
        try drill.ada.store.create(carmen)
        try await drill.ada.sync()

        try await drill.restore(backup, newEpoch: true)
        let others = try (0..<5).map { try Self.customer("Other \($0)") }
        try drill.bo.store.create(others)
        try await drill.bo.sync()
        #expect(try await drill.live.store.info().head > (try drill.ada.store.pullCursor()))
        let summary = try await drill.ada.sync()
        #expect(summary.serverRestored != nil)
        try await drill.bo.sync()

        try await Self.expectConverged(drill)
        for other in others { #expect(try drill.ada.store.record(Customer.self, id: other.id) != nil) }
        #expect(try drill.bo.store.record(Customer.self, id: carmen.id) != nil)
        await drill.tearDown()
    }

    /// A backup taken before an erasure still holds the customer's personal data. Restoring
    /// it over the store re-applies the erasures the replaced store's audit log records, so
    /// the data does not come back and every laptop (which erased it) converges again.
    @Test func restoringABackupOlderThanAnErasureKeepsTheCustomerErased() async throws {
        var drill = try await RestoreDrill.start()
        let anika = try Customer(name: "Anika Berg", email: "anika@example.com", territory: "north")
        try drill.ada.store.create(anika)
        try await drill.ada.sync()
        try await drill.bo.sync()
        let backup = try drill.backUp()

        let admin = try await drill.live.laptop("root", territories: [], role: .admin)
        _ = try await AdminClient.connect(to: drill.live.endpoint, token: admin.token) {
            try await $0.eraseCustomer(anika.id, reason: "GDPR request 7")
        }
        for laptop in [drill.ada, drill.bo] { try await laptop.sync() }

        let printed = try await drill.restoreInPlace(backup)
        #expect(printed.contains("re-applied 1 erasure"), "\(printed)")
        for laptop in [drill.ada, drill.bo, drill.ada] { try await laptop.sync() }
        let stored = try #require(try await drill.live.store.record(.customer, id: anika.id))
        #expect(stored.fields["email"]?.value == .null && stored.fields["name"]?.value == .text(Erasure.placeholder))
        try await Self.expectConverged(drill)
        let audited = try await drill.live.store.auditEntries(since: nil, limit: 100).filter { $0.action == .customerErase }
        #expect(audited.last?.target == anika.id.lowercasedText && audited.last?.detail?.contains("restore") == true, "\(audited)")
        await drill.tearDown()
    }

    @Test func restoreCommandChecksTheBackupAndMovesTheReplacedStoreAside() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-restore-cli-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = ServerProcess(data: root + "/server")
        try server.command(["init"])
        let backup = root + "/backup.sqlite"
        try server.command(["backup", backup])
        let garbage = root + "/garbage.sqlite"
        try "not a database".write(toFile: garbage, atomically: true, encoding: .utf8)
        for file in [garbage, root + "/missing.sqlite"] {
            #expect(throws: ProcessError.self) { try server.command(["restore", file]) }
        }

        let restored = try server.command(["restore", backup])
        #expect(restored.contains("epoch:"))
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/server")
        #expect(files.contains { $0.hasPrefix("server.sqlite.replaced-") })
    }
}
