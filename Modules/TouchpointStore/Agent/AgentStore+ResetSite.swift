import Foundation
import GRDB
import TouchpointModel

extension AgentStore {
    /// Gives this database a site of its own, after it was copied from another laptop
    /// (or restored from a backup) and the server refused its pushes because the
    /// site's sequences went backwards.
    ///
    /// The queued changes this laptop made under the old site are re-stamped under
    /// the new one (the server takes no version stamped by another session's site),
    /// so the next sync pushes them as this laptop's own; what the old site already
    /// synced stays its author's. The pull cursor goes back to 0.
    @discardableResult
    public func resetSite(now: Date = Date()) throws -> SiteReset {
        try writer.write { db in
            let old = try Self.identity(db).site
            let new = SiteID.random()
            let last = (try Meta.get(.clock, db)).flatMap(UInt64.init).map(HLC.init(rawValue:)) ?? .zero
            var clock = HybridLogicalClock(site: new, last: last)
            let requeued = try Self.restampOutbox(db, clock: &clock, now: now) { $0.site == old }
            try Meta.set(.siteID, new.description, db)
            try Meta.set(.clock, String(clock.last.rawValue), db)
            // Pulls skip a site's own changes: what the other holder of the old site
            // pushed was never pulled here, so read everything again.
            try Meta.set(.pullCursor, "0", db)
            return SiteReset(oldSite: old, newSite: new, requeued: requeued)
        }
    }
}
