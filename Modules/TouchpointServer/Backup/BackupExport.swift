import Foundation
import TouchpointModel

/// One backup made for a remote client: a consistent copy of the store in a temp
/// file, its size and SHA-256, and the session that may fetch it.
struct BackupExport: Sendable {
    let id: UUID
    let path: String
    let size: UInt64
    let sha256: Data
    /// The site of the session that started it: only that session fetches it, and it goes when the session ends.
    let owner: SiteID
    /// The last time its session asked for it; an export idle past the timeout is removed.
    var touched: Date
}
