import TouchpointServer

/// A new, empty store of one ``StoreKind``, for one test.
struct StoreUnderTest: Sendable {
    let kind: StoreKind
    /// The store as first opened.
    let store: any ServerStore
    /// Opens the same data again, as a restarted server does.
    let reopen: @Sendable () async throws -> any ServerStore
    /// Runs one SQL statement on the store's database over a connection of its own,
    /// beside the store, as an operator with a SQL shell would.
    let execute: @Sendable (String) async throws -> Void

    /// Opens the store with `open`, which the test may call again through ``reopen``.
    init(
        kind: StoreKind, open: @escaping @Sendable () async throws -> any ServerStore,
        execute: @escaping @Sendable (String) async throws -> Void
    ) async throws {
        self.kind = kind
        self.store = try await open()
        self.reopen = open
        self.execute = execute
    }
}
