import Logging
import PostgresNIO
import TouchpointModel
import TouchpointRecords

/// Maps site ids to the small integers of the `sites` table that `_versions` and
/// `_extra` name them by — SQLite's `SiteTable`, read and written set-based.
///
/// A table caches what it read or wrote, so keep one per transaction (as
/// ``PostgresRecordTable`` does): a site it inserted in a transaction that rolled
/// back would otherwise stay cached with an index nothing holds.
package struct PostgresSiteTable {
    private var indexes: [SiteID: Int64] = [:]
    private var sites: [Int64: SiteID] = [:]
    /// Whether ``loadAll(on:logger:)`` ran.
    private var loadedAll = false

    package init() {}

    /// The index of `site`, if this table read or wrote it.
    package func index(of site: SiteID) -> Int64? { indexes[site] }

    /// The site at `index`, if this table read it.
    package func site(at index: Int64) -> SiteID? { sites[index] }

    /// Gives every site of `wanted` an index: inserts those not in the table yet
    /// and reads the indexes of all of them, in two statements.
    ///
    /// Sites go in sorted, so two transactions registering the same new sites wait
    /// for each other instead of deadlocking; run it in a READ COMMITTED transaction,
    /// where the read sees a site another transaction inserted meanwhile.
    package mutating func register(_ wanted: some Sequence<SiteID>, on connection: PostgresConnection, logger: Logger) async throws {
        let missing = Set(wanted).filter { indexes[$0] == nil }.sorted { $0.description < $1.description }
        guard !missing.isEmpty else { return }
        let texts = missing.map(\.description)
        try await connection.query(
            "INSERT INTO sites (site) SELECT unnest(\(texts)::text[]) ON CONFLICT (site) DO NOTHING", logger: logger)
        try await read(connection.query("SELECT idx, site FROM sites WHERE site = ANY(\(texts))", logger: logger))
        if let lost = missing.first(where: { indexes[$0] == nil }) {
            throw StoreError.corrupt("site \(lost) vanished from the sites table")
        }
    }

    /// Reads the sites at `wanted` this table does not know yet; an index the table
    /// does not hold is a corrupt record.
    package mutating func load(_ wanted: some Sequence<Int64>, on connection: PostgresConnection, logger: Logger) async throws {
        let missing = Set(wanted).filter { sites[$0] == nil }.sorted()
        guard !missing.isEmpty else { return }
        try await read(connection.query("SELECT idx, site FROM sites WHERE idx = ANY(\(missing))", logger: logger))
        if let unknown = missing.first(where: { sites[$0] == nil }) { throw StoreError.corrupt("unknown site index \(unknown)") }
    }

    /// Reads every site, once per table: before a scan of whole tables, so that it needs
    /// no lookups on the way (a site added since is read by ``load(_:on:logger:)``).
    package mutating func loadAll(on connection: PostgresConnection, logger: Logger) async throws {
        guard !loadedAll else { return }
        try await read(connection.query("SELECT idx, site FROM sites", logger: logger))
        loadedAll = true
    }

    /// Caches the `(idx, site)` rows of a query.
    private mutating func read(_ rows: PostgresRowSequence) async throws {
        for try await (index, text) in rows.decode((Int64, String).self) {
            guard let site = SiteID(text) else { throw StoreError.corrupt("bad site \(text) at index \(index)") }
            indexes[site] = index
            sites[index] = site
        }
    }
}
