import Foundation
import Testing
import TouchpointAdminClient
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointReports
import TouchpointStore

/// Issue 8 item 3 over real TCP: a case's status and resolved_at merge as one
/// group, so a concurrent reopen and close leave every replica a valid case.
@Suite struct FieldGroupTCPTests {
    enum Order: String, CaseIterable, CustomTestStringConvertible {
        case closerFirst, reopenerFirst
        var testDescription: String { rawValue }
    }

    @Test(arguments: Order.allCases)
    func concurrentCloseAndReopenOverTCP(order: Order) async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let b = try await live.laptop("Bo", territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north")
        let opened = Date().addingTimeInterval(-2 * 86_400)
        let resolved = try SupportCase(
            customerID: customer.id, subject: "Router", status: .resolved, openedAt: opened, resolvedAt: opened + 3600)
        try a.store.create(customer)
        try a.store.create(resolved)
        try await a.syncOnce()
        try await b.syncOnce()

        // Offline: Bo reopens it, later Ada closes it.
        let now = Date()
        try b.store.update(SupportCase.self, id: resolved.id, now: now) { c in
            c.status = .open
            c.resolvedAt = nil
            c.reopenCount += 1
        }
        try a.store.update(SupportCase.self, id: resolved.id, now: now + 1) { $0.status = .closed }
        let laptops = order == .closerFirst ? [a, b] : [b, a]
        for laptop in laptops + laptops { try await laptop.syncOnce() }

        for (name, laptop) in [("Ada", a), ("Bo", b)] {
            let cases = try laptop.store.list(SupportCase.self)
            #expect(cases.count == 1, "\(name) lists the case")
            for c in cases {
                let valid = (c.status == .closed && c.resolvedAt != nil) || (c.status == .open && c.resolvedAt == nil)
                #expect(valid, "\(name) holds \(c.status) with resolved_at \(String(describing: c.resolvedAt))")
            }
            #expect(try laptop.store.deadLetters().isEmpty, "\(name) had no valid edit refused")
            let result = try await laptop.verify()
            #expect(result.converged, "\(name) differs from the server in \(result.differing)")
        }
        #expect(try a.store.digest() == (try b.store.digest()))

        let admin = try await live.laptop("root", territories: [], role: .admin)
        try await AdminClient.connect(to: live.endpoint, token: admin.token) { client in
            let conflicts = try await client.conflicts(openOnly: true)
            #expect(Set(conflicts.map(\.field)) == ["status", "resolved_at"], "the group conflict is kept")
            let report = try await client.report(ReportRequest(from: opened - 86_400, to: now + 86_400))
            #expect(report.overall[.casesOpened]?.value == 1)
        }
    }
}
