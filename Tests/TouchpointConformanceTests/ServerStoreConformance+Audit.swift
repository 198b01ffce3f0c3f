import Foundation
import Testing
import TouchpointProtocol
import TouchpointServer

/// The audit log: every store appends entries, lists the latest oldest first with
/// `since` and `limit`, keeps them across a restart, and refuses — in the database
/// itself — to update or delete one.
extension ServerStoreConformance {
    static let admin = AuditEntry.Actor(agentID: UUID(), name: "Ada")
    static let monday = Date(timeIntervalSince1970: 1_795_000_000)

    /// Entries of every kind, at `monday` + i minutes: ok and refused, with and without detail, both kinds of actor.
    static func auditEntries() -> [AuditEntry] {
        AuditEntry.Action.allCases.enumerated().map { i, action in
            AuditEntry(
                time: monday.addingTimeInterval(Double(i) * 60), actor: i.isMultiple(of: 2) ? admin : .localOperator(user: "ops"),
                action: action, target: "target \(i)", outcome: i.isMultiple(of: 3) ? .refused("reason \(i)") : .ok,
                detail: i.isMultiple(of: 4) ? nil : "detail \(i)")
        }
    }

    @Test(arguments: StoreKind.available)
    func auditEntriesAreAppendedAndListedOldestFirst(kind: StoreKind) async throws {
        try await kind.withStore { subject in
            #expect(try await subject.store.auditEntries(since: nil, limit: 100).isEmpty)
            let appended = Self.auditEntries()
            for entry in appended { try await subject.store.appendAudit(entry) }

            let listed = try await subject.store.auditEntries(since: nil, limit: 100)
            #expect(listed.map { $0.id } == listed.map { $0.id }.sorted() && Set(listed.map { $0.id }).count == appended.count)
            // Everything but the id the store gave comes back as appended.
            #expect(listed.map { entry in var entry = entry; entry.id = 0; return entry } == appended)
            #expect(listed.first?.actor.agentID == Self.admin.agentID && listed[1].actor == .localOperator(user: "ops"))

            let latest = try await subject.store.auditEntries(since: nil, limit: 3)
            #expect(latest == Array(listed.suffix(3)), "the limit keeps the newest, still oldest first")
            let since = try await subject.store.auditEntries(since: Self.monday.addingTimeInterval(5 * 60), limit: 100)
            #expect(since == Array(listed.suffix(3)), "since is inclusive")
            #expect(try await subject.store.auditEntries(since: Self.monday.addingTimeInterval(86_400), limit: 100).isEmpty)

            let reopened = try await subject.reopen()
            #expect(try await reopened.auditEntries(since: nil, limit: 100) == listed, "a restart keeps the log")
        }
    }

    @Test(arguments: StoreKind.available)
    func theAuditLogRefusesUpdatesAndDeletes(kind: StoreKind) async throws {
        try await kind.withStore { subject in
            for entry in Self.auditEntries() { try await subject.store.appendAudit(entry) }
            let before = try await subject.store.auditEntries(since: nil, limit: 100)

            for statement in [
                "UPDATE audit_log SET outcome = 'ok', reason = NULL",
                "UPDATE audit_log SET actor_name = 'nobody' WHERE id = \(before[0].id)",
                "DELETE FROM audit_log WHERE id = \(before[0].id)",
                "DELETE FROM audit_log",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") { try await subject.execute(statement) }
            }
            if kind == .postgres {
                await #expect(throws: (any Error).self) { try await subject.execute("TRUNCATE audit_log") }
            }
            #expect(try await subject.store.auditEntries(since: nil, limit: 100) == before, "every entry is as appended")
            try await subject.execute(
                """
                INSERT INTO audit_log (at, actor_name, action, target, outcome)
                VALUES (\(Int64(Self.monday.timeIntervalSince1970 * 1000)), 'sql shell', 'gc', 'all', 'ok')
                """)
            #expect(try await subject.store.auditEntries(since: nil, limit: 100).count == before.count + 1, "appending stays open")
        }
    }

    @Test(arguments: StoreKind.available)
    func theAuditLogRefusesAnActionOutsideItsVocabulary(kind: StoreKind) async throws {
        try await kind.withStore { subject in
            await #expect(throws: (any Error).self) {
                try await subject.execute(
                    "INSERT INTO audit_log (at, actor_name, action, target, outcome) VALUES (0, 'x', 'drop_everything', 'all', 'ok')")
            }
            await #expect(throws: (any Error).self, "a refusal has its reason") {
                try await subject.execute(
                    "INSERT INTO audit_log (at, actor_name, action, target, outcome) VALUES (0, 'x', 'gc', 'all', 'refused')")
            }
            let entries = try await subject.store.auditEntries(since: nil, limit: 100)
            #expect(entries.isEmpty)
        }
    }
}
