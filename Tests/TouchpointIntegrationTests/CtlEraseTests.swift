import Foundation
import Testing
import TouchpointModel
import TouchpointServer
import TouchpointStore

/// `touchpointctl customers erase` from the built binary, over TCP, with three agents:
/// Ada and Bo in the customer's territory (Bo offline during the erasure, with edits
/// of his own made afterwards), Cy elsewhere.
@Suite struct CtlEraseTests {
    @Test func eraseFromTheBinaryReachesEveryLaptopInScopeIncludingOneThatWasOffline() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let ada = try await server.laptop("Ada", territories: ["north"])
        let bo = try await server.laptop("Bo", territories: ["north"])
        let cy = try await server.laptop("Cy", territories: ["south"])
        let admin = try await server.laptop("root", territories: [], role: .admin)
        let customer = try Customer(name: "Anika Rao", email: "anika@example.com", phone: "+49 30 1234", territory: "north")
        try ada.store.create(customer)
        try ada.store.create(try Note(customerID: customer.id, authorAgentID: ada.agentID, body: "Anika's new router", createdAt: Date()))
        try cy.store.create(try Customer(name: "Sven", territory: "south"))
        for laptop in [ada, bo, cy] { try await laptop.sync() }

        let refused = try await CtlBinaryTests.ctl("customers", "erase", customer.id.lowercasedText, server: server, token: admin.token)
        #expect(refused.status != 0 && refused.stderr.contains("--reason"), "\(refused.stderr)")
        let unknown = try await CtlBinaryTests.ctl(
            "customers", "erase", UUID().lowercasedText, "--reason", "GDPR request 7", server: server, token: admin.token)
        #expect(unknown.status != 0 && unknown.stderr.hasPrefix("error: no customer"), "\(unknown.stderr)")

        let erased = try await CtlBinaryTests.ctl(
            "customers", "erase", customer.id.lowercasedText, "--reason", "GDPR request 7", "--json", server: server, token: admin.token)
        #expect(erased.status == 0, "\(erased.stderr)")
        let report = try #require(try erased.json() as? [String: Any])
        #expect(report["customer_id"] as? String == customer.id.lowercasedText && report["territory"] as? String == "north")
        #expect(report["records"] as? Int == 2, "the customer and its note: \(report)")

        // Bo was offline: he edits the customer after the erasure, then syncs a week later.
        try bo.store.update(Customer.self, id: customer.id) { $0.phone = "+49 30 9999"; $0.lifecycle = .atRisk }
        for laptop in [ada, bo, cy, ada] { try await laptop.sync() }

        for laptop in [ada, bo] {
            let held = try #require(try laptop.store.record(Customer.self, id: customer.id))
            #expect(held.name == Erasure.placeholder && held.email == nil && held.phone == nil && held.lifecycle == .atRisk)
            #expect(try laptop.store.list(Note.self).map(\.body) == [Erasure.placeholder])
            #expect(try laptop.store.digest() == (try await laptop.serverDigest()))
        }
        #expect(try cy.store.record(Customer.self, id: customer.id) == nil)
        let stored = try #require(try await server.store.record(.customer, id: customer.id))
        #expect(stored.fields["phone"]?.value == .null, "Bo's later phone number never reached the server")
        let feed = try await CtlBinaryTests.ctl("changes", "--json", server: server, token: admin.token)
        #expect(feed.status == 0 && !feed.stdout.contains("Anika") && !feed.stdout.contains("+49"), "\(feed.stdout)")
    }
}
