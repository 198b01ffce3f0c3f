import TouchpointServer

/// A new, empty store of one ``StoreKind``, for one test.
struct StoreUnderTest: Sendable {
    let kind: StoreKind
    /// The store as first opened.
    let store: any ServerStore
    /// Opens the same data again, as a restarted server does.
    let reopen: @Sendable () async throws -> any ServerStore

    /// Opens the store with `open`, which the test may call again through ``reopen``.
    init(kind: StoreKind, open: @escaping @Sendable () async throws -> any ServerStore) async throws {
        self.kind = kind
        self.store = try await open()
        self.reopen = open
    }
}
