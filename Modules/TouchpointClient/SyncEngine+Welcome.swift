import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

extension SyncEngine {
    /// Acts on what the server's Welcome says before anything is pushed: stores
    /// the agent's current name (its territories are adopted after the push, so
    /// evicting what left its scope loses no local edit), and when the server's store was
    /// restored (another epoch, or a sequence head below this laptop's cursor)
    /// queues a replay of everything this laptop wrote and rewinds the cursor to 0.
    ///
    /// Returns why the server looks restored, or nil.
    func adopt(_ session: ClientSession) throws -> String? {
        if session.role == .agent, let agent = session.agent {
            try store.refreshName(agent.name)
        }
        let known = try store.serverEpoch()
        guard let reason = Self.restoreReason(known: known, session: session, cursor: try store.pullCursor()) else {
            if let epoch = session.serverEpoch, epoch != known { try store.rememberServerEpoch(epoch) }
            return nil
        }
        try store.replayForRestoredServer(epoch: session.serverEpoch)
        return reason
    }

    /// Why a Welcome shows a server that may have lost changes it acknowledged, or nil.
    static func restoreReason(known: ServerEpoch?, session: ClientSession, cursor: UInt64) -> String? {
        if let known, let epoch = session.serverEpoch, known != epoch {
            return "the server's store was restored or re-created (epoch \(epoch), last synced with \(known))"
        }
        if session.sequenceHead < cursor {
            return "the server's sequence head \(session.sequenceHead) is below this laptop's cursor \(cursor): "
                + "its store was restored from an older copy"
        }
        return nil
    }
}
