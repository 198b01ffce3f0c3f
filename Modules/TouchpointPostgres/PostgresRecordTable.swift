import Foundation
import Logging
import PostgresNIO
import TouchpointModel
import TouchpointRecords

/// Reads and writes ``TouchpointModel/RecordState``s in the PostgreSQL record
/// tables, set-based: one query loads the records of many ids, one statement
/// writes many records of one entity. SQLite's `RecordTable`, with the same
/// column formats (``VersionsColumn``, ``ExtraFields``), so a record reads back
/// the same — and digests the same — from either store.
///
/// Every function runs on the connection it is given, inside the caller's
/// transaction. A table caches the sites it met (``PostgresSiteTable``): use one
/// per transaction.
///
/// ```swift
/// var table = PostgresRecordTable(logger: logger)
/// let stored = try await table.load(.customer, ids, on: connection)
/// try await table.save(merged, on: connection)
/// ```
package struct PostgresRecordTable {
    /// The sites met so far.
    package private(set) var sites = PostgresSiteTable()
    private let logger: Logger

    /// A table that logs its queries to `logger`.
    package init(logger: Logger) {
        self.logger = logger
    }

    /// The stored states of the records of `entity` among `ids`, deleted ones included,
    /// in one query (absent ids are missing from the result).
    package mutating func load(
        _ entity: EntityType, _ ids: some Sequence<UUID>, locking lock: RowLock? = nil, on connection: PostgresConnection
    ) async throws -> [UUID: RecordState] {
        let texts = Set(ids).map(\.lowercasedText).sorted()
        guard !texts.isEmpty else { return [:] }
        let columns = PostgresRecordColumns.of(entity)
        var binds = PostgresBindings()
        binds.append(texts)
        // Locked rows are taken in id order, as ``save(_:inserting:on:)`` writes them.
        let locking = lock.map { " ORDER BY r.id \($0.rawValue)" } ?? ""
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(columns.selection) FROM \(columns.table) r WHERE r.id = ANY($1)\(locking)", binds: binds),
            logger: logger)
        var read: [PostgresRecordRow] = []
        for try await row in rows { read.append(try columns.row(row)) }
        var states: [UUID: RecordState] = [:]
        try await decode(read, columns, on: connection) { states[$0.id] = $0 }
        return states
    }

    /// How ``load(_:_:locking:on:)`` locks the rows it reads until the transaction ends.
    package enum RowLock: String, Sendable {
        /// The rows the transaction will write.
        case update = "FOR UPDATE"
        /// Rows that must not change under the transaction (a customer whose territory it relies on).
        case share = "FOR SHARE"
    }

    /// Visits every stored state of `entity`, streamed (in no particular order):
    /// with `liveOnly`, only records not deleted; with `territories`, only the
    /// records of customers in those territories (none for an empty list); with
    /// `customers`, only the records of those customers (ids as lower-case text).
    package mutating func forEachState(
        _ entity: EntityType, liveOnly: Bool = false, territories: [String]? = nil, customers: [String]? = nil,
        on connection: PostgresConnection, _ body: (RecordState) throws -> Void
    ) async throws {
        let columns = PostgresRecordColumns.of(entity)
        var conditions = ["TRUE"]
        var binds = PostgresBindings()
        if liveOnly { conditions.append("NOT r.deleted") }
        if let territories {
            binds.append(territories)
            conditions.append(Self.territoryCondition(entity, "$\(binds.count)"))
        }
        if let customers {
            binds.append(customers)
            conditions.append("r.customer_id = ANY($\(binds.count))")
        }
        // Every site first, so the stream needs no lookups; a record written since by a
        // site new to the table waits for the end of the stream.
        try await sites.loadAll(on: connection, logger: logger)
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(columns.selection) FROM \(columns.table) r WHERE \(conditions.joined(separator: " AND "))",
                binds: binds),
            logger: logger)
        var waiting: [PostgresRecordRow] = []
        for try await row in rows {
            let read = try columns.row(row)
            let state: RecordState
            do {
                state = try self.state(read, columns)
            } catch is MissingSite {
                waiting.append(read)
                continue
            }
            try body(state)
        }
        try await decode(waiting, columns, on: connection, body)
    }

    /// Writes full record states (insert or replace), one statement per entity; of two
    /// states of one record, the later in `states` is written.
    ///
    /// Rows go in id order, so transactions writing the same records lock them in the
    /// same order instead of deadlocking.
    /// With `inserting`, the records must be new: one another transaction inserted first
    /// fails the statement (unique violation, SQLSTATE 23505) rather than being overwritten.
    package mutating func save(
        _ states: some Sequence<RecordState>, inserting: Bool = false, on connection: PostgresConnection
    ) async throws {
        var latest: [EntityType: [UUID: RecordState]] = [:]
        for state in states { latest[state.entity, default: [:]][state.id] = state }
        guard !latest.isEmpty else { return }
        try await sites.register(
            latest.values.lazy.flatMap(\.values).flatMap { $0.fields.values.map(\.version.site) }, on: connection, logger: logger)
        let sites = self.sites
        for entity in EntityType.allCases {
            guard let byID = latest[entity] else { continue }
            let rows = byID.values.sorted { $0.id.lowercasedText < $1.id.lowercasedText }
            let query = try PostgresRecordColumns.of(entity).upsert(rows, inserting: inserting) { site in
                guard let index = sites.index(of: site) else { throw StoreError.corrupt("site \(site) has no index") }
                return index
            }
            try await connection.query(query, logger: logger)
        }
    }

    /// The SQL condition that limits an entity's rows (alias `r`) to customers of the
    /// territories bound at `parameter` (a `text[]`, e.g. `$2`).
    package static func territoryCondition(_ entity: EntityType, _ parameter: String) -> String {
        if entity == .customer { return "r.territory = ANY(\(parameter))" }
        return "r.customer_id IN (SELECT id FROM customers WHERE territory = ANY(\(parameter)))"
    }

    /// Decodes rows, reading the sites they name that are not known yet, and passes each state to `body`.
    private mutating func decode(
        _ rows: [PostgresRecordRow], _ columns: PostgresRecordColumns, on connection: PostgresConnection,
        _ body: (RecordState) throws -> Void
    ) async throws {
        var pending = rows
        while !pending.isEmpty {
            var missing = Set<Int64>()
            var next: [PostgresRecordRow] = []
            for row in pending {
                let state: RecordState
                do {
                    state = try self.state(row, columns)
                } catch let error as MissingSite {
                    missing.insert(error.index)
                    next.append(row)
                    continue
                }
                try body(state)
            }
            // Each round finds every missing index or throws, so the rows left get further.
            if !missing.isEmpty { try await sites.load(missing, on: connection, logger: logger) }
            pending = next
        }
    }

    /// The state a row holds, given the sites known; a site not known yet throws ``MissingSite``.
    private func state(_ row: PostgresRecordRow, _ columns: PostgresRecordColumns) throws -> RecordState {
        let site = { (index: Int64) throws -> SiteID in
            guard let site = sites.site(at: index) else { throw MissingSite(index: index) }
            return site
        }
        let versions = try VersionsColumn.decode(row.versions, entity: columns.entity, site: site)
        var fields: [String: FieldState] = [:]
        for (name, value) in zip(columns.names, row.values) {
            guard let version = versions[name] else { continue }
            fields[name] = FieldState(value: value, version: version)
        }
        if let version = versions[tombstoneField] {
            fields[tombstoneField] = FieldState(value: .integer(row.deleted ? 1 : 0), version: version)
        }
        if let extra = row.extra { try ExtraFields.decode(extra, into: &fields, site: site) }
        return RecordState(entity: columns.entity, id: row.id, fields: fields)
    }

    /// A row names a site index this table has not read yet.
    private struct MissingSite: Error {
        var index: Int64
    }
}
