import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// The admin `backup` request over TCP: a SQLite store answers with a copy of
/// itself in chunks; a PostgreSQL store refuses with `FAILED_PRECONDITION`
/// pointing to pg_dump. Either way the attempt is in the audit log.
extension ServerStoreConformance {
    @Test(arguments: StoreKind.available)
    func aRemoteBackupIsCopiedFromSQLiteAndRefusedOnPostgres(kind: StoreKind) async throws {
        try await kind.withStore { subject in
            let admin = try Agent(name: "root", territories: [], role: .admin)
            let token = try await subject.store.addAgent(admin, now: Date())
            let server = try await SyncServer.bind(host: "127.0.0.1", port: 0, service: SyncService(store: subject.store))
            let running = Task { try await server.run() }
            let configuration = ClientSessionConfiguration(siteID: SiteID.random(), agentID: admin.id, token: token)
            let endpoint = Endpoint(host: "127.0.0.1", port: server.port)
            let answer: Result<Touchpoint_V1_AdminResponse.OneOf_Result, any Error>
            do {
                answer = .success(
                    try await SyncConnection.withConnection(to: endpoint, configuration: configuration) { connection in
                        try await connection.admin(.backup(Touchpoint_V1_BackupRequest()))
                    })
            } catch {
                answer = .failure(error)
            }
            running.cancel()
            _ = try? await running.value

            let audit = try await subject.store.auditEntries(since: nil, limit: 10)
            #expect(audit.count == 1 && audit.first?.action == .backup && audit.first?.actor.agentID == admin.id)
            switch (kind, answer) {
            case (.sqlite, .success(.backup(let first))):
                #expect(first.backupID.count == 16 && first.sha256.count == 32 && first.offset == 0 && first.totalBytes > 0)
                #expect(audit.first?.outcome == .ok)
            case (.postgres, .failure(let error as ProtocolError)):
                #expect(error.code == .failedPrecondition && error.message.contains("pg_dump"), "\(error)")
                #expect(audit.first?.outcome == .refused(error.message))
            default:
                Issue.record("\(kind): unexpected answer \(answer)")
            }
        }
    }
}
