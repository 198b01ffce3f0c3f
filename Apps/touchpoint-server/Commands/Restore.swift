import ArgumentParser
import Foundation
import TouchpointProtocol
import TouchpointServer

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the store with a backup under a new epoch (stop the server first).",
        discussion: """
            Agents see the new epoch at their next sync: each re-pushes what it holds and pulls \
            everything again, so changes acknowledged after the backup was taken come back. \
            A store already in --data is moved aside to server.sqlite.replaced-MS, and the customers \
            its audit log records as erased are erased again in the restored store.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The backup file (from `touchpoint-server backup`).")
    var file: String

    func run() async throws {
        let data = try store.directory(for: "restore")
        let info: ServerInfo
        let replaced: String?
        do {
            (info, replaced) = try await SQLiteServerStore.restore(backup: file, into: data)
        } catch {
            // Refused: said in the store that stays, when there is one.
            if SQLiteServerStore.exists(directory: data) {
                await AuditRecorder.localOperator(try SQLiteServerStore(directory: data)).append(
                    .restore, target: file, outcome: .refused(AuditRecorder.reason(error)), detail: nil)
            }
            throw error
        }
        // Said in the restored store: the backup's log goes on with its restore.
        let restored = try SQLiteServerStore(directory: data)
        let recorder = AuditRecorder.localOperator(restored)
        await recorder.append(.restore, target: file, outcome: .ok, detail: "new epoch \(info.epoch), head \(info.head)")
        print("restored \(file) into \(data)")
        print("server id: \(info.serverID)")
        print("epoch:     \(info.epoch) (new: agents re-push and re-pull at their next sync)")
        print("head:      \(info.head)")
        guard let replaced else { return }
        print("replaced store moved to \(replaced)")
        // Erasures made after the backup was taken hold: the replaced store's audit log lists them.
        let erased = try await ErasureReplay.reapply(
            ErasureReplay.customers(erasedIn: try await SQLiteServerStore.auditLog(ofReplaced: replaced)), to: restored,
            recorder: recorder, now: Date())
        print("re-applied \(erased.count) erasure(s) the replaced store's audit log records")
    }
}
