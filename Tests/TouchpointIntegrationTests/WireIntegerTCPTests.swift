import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// Issue 9, "Crashes": a `uint64` from the wire that does not fit the signed
/// 64-bit integers the store keeps used to trap the whole server. Now it is
/// refused with INVALID_ARGUMENT naming the field, for that request only: the
/// session goes on and the server stays up for everyone.
@Suite struct WireIntegerTCPTests {
    /// Every client-sent `uint64` the server looks up or stores as a signed integer.
    enum Field: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case pullAfterSequence = "pull.after_sequence"
        case pushedSequence = "changes[0].sequence"
        case changesTailAfterSequence = "changes_tail.after_sequence"
        case conflictsListAfterID = "conflicts_list.after_id"
        case conflictShowID = "conflict_show.conflict_id"
        case conflictResolveID = "conflict_resolve.conflict_id"
        case auditListSince = "audit_list.since_ms"
        case backupOffset = "backup.offset"

        var testDescription: String { rawValue }

        var role: AgentRole {
            switch self {
            case .pullAfterSequence, .pushedSequence: .agent
            default: .admin
            }
        }

        /// Sends the request carrying `value` in this field (a pushed change is stamped with `site`).
        func send(_ value: UInt64, over connection: SyncConnection, site: SiteID) async throws {
            switch self {
            case .pullAfterSequence:
                _ = try await connection.pull(after: value, limit: 10)
            case .pushedSequence:
                let customer = try Customer(name: "Wire", territory: "north")
                let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: site)
                let change = Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
                    FieldChange(name: $0, value: customer.fields[$0]!, version: version)
                })
                _ = try await connection.push([SequencedChange(sequence: value, change: change)])
            default:
                _ = try await connection.admin(adminCommand(value))
            }
        }

        /// The admin command carrying `value` in this field.
        private func adminCommand(_ value: UInt64) -> Touchpoint_V1_AdminRequest.OneOf_Command {
            var (tail, list) = (Touchpoint_V1_ChangesTailRequest(), Touchpoint_V1_ConflictsListRequest())
            var (show, resolve) = (Touchpoint_V1_ConflictShowRequest(), Touchpoint_V1_ConflictResolveRequest())
            (tail.afterSequence, list.afterID, show.conflictID, resolve.conflictID) = (value, value, value, value)
            resolve.choice = .keepWinner
            switch self {
            case .auditListSince:
                var audit = Touchpoint_V1_AuditListRequest()
                audit.sinceMs = value
                return .auditList(audit)
            case .backupOffset:
                var backup = Touchpoint_V1_BackupRequest()
                (backup.backupID, backup.offset) = (UUID().wireBytes, value)
                return .backup(backup)
            case .changesTailAfterSequence: return .changesTail(tail)
            case .conflictsListAfterID: return .conflictsList(list)
            case .conflictShowID: return .conflictShow(show)
            default: return .conflictResolve(resolve)
            }
        }
    }

    @Test(arguments: Field.allCases, [UInt64(1) << 63, .max])
    func outOfRangeIntegersFromTheWireAreInvalidArgument(field: Field, value: UInt64) async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let laptop = try await live.laptop("Wire", territories: ["north"], role: field.role)
        let site = try laptop.store.identity().site
        try await SyncConnection.withConnection(to: live.endpoint, configuration: try laptop.configuration) { connection in
            let error = await #expect(throws: ProtocolError.self) { try await field.send(value, over: connection, site: site) }
            #expect(error?.code == .invalidArgument, "\(String(describing: error))")
            #expect(error?.details["field"] == field.rawValue, "\(String(describing: error))")
            _ = try await connection.digest()  // the session goes on
        }
        _ = try await laptop.serverDigest()  // and so does the server
    }

    /// The largest value that fits is served as usual (an empty answer or NOT_FOUND), not refused.
    @Test(arguments: Field.allCases)
    func theLargestSignedIntegerFromTheWireIsServed(field: Field) async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let laptop = try await live.laptop("Wire", territories: ["north"], role: field.role)
        let site = try laptop.store.identity().site
        try await SyncConnection.withConnection(to: live.endpoint, configuration: try laptop.configuration) { connection in
            do {
                try await field.send(UInt64(Int64.max), over: connection, site: site)
            } catch let error as ProtocolError {
                #expect(error.code == .notFound, "\(error)")
            }
            _ = try await connection.digest()
        }
    }
}
