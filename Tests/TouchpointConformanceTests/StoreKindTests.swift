import Testing
import TouchpointServer

/// Which kinds the conformance suite runs against, and why one is left out.
@Suite struct StoreKindTests {
    /// Each kind opens a store of its own backend.
    @Test(arguments: StoreKind.available)
    func eachKindOpensItsOwnBackend(kind: StoreKind) async throws {
        #expect(try await kind.withStore { try await $0.store.info().backend } == kind.rawValue)
    }

    /// Skipped, with the reason as its message, while the PostgreSQL cases are left out.
    @Test(.enabled(if: StoreKind.postgres.unavailableReason == nil, Comment(rawValue: StoreKind.postgres.unavailableReason ?? "")))
    func postgreSQLIsAmongTheKinds() {
        #expect(StoreKind.available == [.sqlite, .postgres])
    }
}
