import GRDB
import TouchpointModel

/// Maps site ids to small integers so per-field versions stay compact on disk.
package struct SiteTable {
    private var indexes: [SiteID: Int64] = [:]
    private var sites: [Int64: SiteID] = [:]

    package init() {}

    /// The index of `site`, inserting it on first use.
    package mutating func index(of site: SiteID, _ db: Database) throws -> Int64 {
        if let idx = indexes[site] { return idx }
        let text = site.description
        try db.execute(sql: "INSERT INTO sites(site) VALUES (?) ON CONFLICT(site) DO NOTHING", arguments: [text])
        guard let idx = try Int64.fetchOne(db, sql: "SELECT idx FROM sites WHERE site = ?", arguments: [text]) else {
            throw StoreError.corrupt("site \(text) vanished from the sites table")
        }
        indexes[site] = idx
        sites[idx] = site
        return idx
    }

    /// The site at `idx`.
    package mutating func site(at idx: Int64, _ db: Database) throws -> SiteID {
        if let site = sites[idx] { return site }
        guard let text = try String.fetchOne(db, sql: "SELECT site FROM sites WHERE idx = ?", arguments: [idx]),
            let site = SiteID(text)
        else { throw StoreError.corrupt("unknown site index \(idx)") }
        indexes[site] = idx
        sites[idx] = site
        return site
    }
}
