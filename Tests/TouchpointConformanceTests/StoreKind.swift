import Foundation
import GRDB
import Testing
import TouchpointClusterTesting
import TouchpointServer

/// The parameter of the conformance suite: which ``ServerStore`` implementation
/// the same sync behaviour is checked against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// ``SQLiteServerStore`` in a temporary directory: always available.
    case sqlite
    /// `PostgresServerStore` on a fresh database of `TOUCHPOINT_TEST_POSTGRES_URL`.
    case postgres

    /// The kinds every conformance test runs against.
    static var available: [StoreKind] { allCases.filter { $0.unavailableReason == nil } }

    /// Why this kind is left out of ``available``, or nil when it runs.
    var unavailableReason: String? {
        switch self {
        case .sqlite: nil
        case .postgres: Self.postgresUnavailableReason
        }
    }

    var testDescription: String { rawValue }

    /// Runs `body` with a new, empty store of this kind, thrown away afterwards
    /// whatever `body` does. (Swift Testing has no asynchronous teardown, so the
    /// factory scopes its cleanup.)
    func withStore<Result: Sendable>(_ body: (StoreUnderTest) async throws -> Result) async throws -> Result {
        switch self {
        case .sqlite: try await Self.withSQLiteStore(body)
        case .postgres: try await Self.withPostgresStore(body)
        }
    }

    /// Runs `body` with a ``Cluster`` over a new store of this kind: one agent per
    /// entry of `territories`.
    func withCluster(agents territories: [[String]], _ body: (Cluster) async throws -> Void) async throws {
        try await withStore { subject in
            try await body(try await Cluster(store: subject.store, agents: territories))
        }
    }

    private static func withSQLiteStore<Result: Sendable>(_ body: (StoreUnderTest) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("touchpoint-conformance-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try await body(
            try await StoreUnderTest(kind: .sqlite) {
                try SQLiteServerStore(directory: directory)
            } execute: { sql in
                try await DatabaseQueue(path: directory + "/server.sqlite").write { try $0.execute(sql: sql) }
            })
    }
}
