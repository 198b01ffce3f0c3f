import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

/// Answers admin requests (and an agent's digest request) from the store.
struct AdminHandler: Sendable {
    let service: SyncService
    /// The client's frame limit (backup chunks fit it).
    var maxFrameBytes = ProtocolLimits.defaultMaxFrameBytes
    var store: any ServerStore { service.store }

    typealias Result = Touchpoint_V1_AdminResponse.OneOf_Result

    /// The answer to `command`; what it throws reaches the client through ``ProtocolError/init(converting:)``.
    func handle(_ command: Touchpoint_V1_AdminRequest.OneOf_Command, from principal: Principal) async throws -> Result {
        let now = Date()
        let audit = AuditRecorder(store: store, principal: principal, logger: service.logger)
        switch command {
        case .status:
            return .status(try await status())
        case .agentsList(let request):
            var response = Touchpoint_V1_AgentsListResponse()
            response.agents = try await store.agents().filter { request.includeRevoked || !$0.revoked }.map(\.infoWire)
            return .agentsList(response)
        case .agentAdd(let request):
            let id = UUID(wireBytes: request.agentID) ?? UUID()
            let role = AgentRole(wire: request.role) ?? .agent
            var response = Touchpoint_V1_AgentAddResponse()
            response.token = try await audit.record(
                .agentAdd, target: id.lowercasedText, detail: { _ in "\(request.name), \(role.rawValue), [\(request.territories.joined(separator: ","))]" }
            ) {
                let agent = try Agent(id: id, name: request.name, team: request.team, territories: request.territories, role: role)
                return try await store.addAgent(agent, now: now)
            }
            response.agent = try await agentInfo(id)
            return .agentAdd(response)
        case .agentRevoke(let request):
            let id = try await audit.record(
                .agentRevoke, target: UUID(wireBytes: request.agentID)?.lowercasedText ?? "(bad agent_id)"
            ) {
                let id = try UUID(wireBytes: request.agentID, field: "agent_id")
                try await store.revokeAgent(id, now: now)
                return id
            }
            var response = Touchpoint_V1_AgentRevokeResponse()
            response.agent = try await agentInfo(id)
            return .agentRevoke(response)
        case .conflictsList(let request):
            var filter = ConflictFilter()
            filter.openOnly = !request.includeResolved
            filter.limit = request.limit == 0 ? 100 : Int(min(request.limit, 10_000))
            let afterID = try WireInteger.int64(request.afterID, field: "conflicts_list.after_id")
            filter.afterID = afterID == 0 ? nil : afterID
            let conflicts = try await store.conflicts(filter)
            var response = Touchpoint_V1_ConflictsListResponse()
            response.conflicts = conflicts.map(\.wire)
            response.more = conflicts.count == filter.limit
            return .conflictsList(response)
        case .conflictShow(let request):
            let id = try WireInteger.int64(request.conflictID, field: "conflict_show.conflict_id")
            guard let conflict = try await store.conflict(id: id) else {
                throw ProtocolError(.notFound, "no conflict with id \(request.conflictID)")
            }
            var response = Touchpoint_V1_ConflictShowResponse()
            response.conflict = conflict.wire
            let record = try await store.record(conflict.entity, id: conflict.entityID)
            response.record = (record?.fields ?? [:]).sorted { $0.key < $1.key }.map { Touchpoint_V1_FieldSnapshot(name: $0.key, $0.value) }
            return .conflictShow(response)
        case .conflictResolve(let request):
            let before = try await store.info().head
            let resolved = try await audit.record(
                .conflictResolve, target: "conflict \(request.conflictID)",
                detail: { (conflict: ConflictRecord) in
                    "\(conflict.entity.rawValue) \(conflict.entityID.lowercasedText) \(conflict.field): kept \(conflict.resolution ?? "?")"
                }
            ) {
                let id = try WireInteger.int64(request.conflictID, field: "conflict_resolve.conflict_id")
                return try await store.resolveConflict(id: id, keep: try Self.resolution(request), by: principal.agentID, now: now)
            }
            let after = try await store.info().head
            var response = Touchpoint_V1_ConflictResolveResponse()
            response.conflict = resolved.wire
            response.sequence = after > before ? after : 0
            return .conflictResolve(response)
        case .changesTail(let request):
            let limit = request.limit == 0 ? 100 : Int(min(request.limit, 1000))
            let after = try WireInteger.sequence(request.afterSequence, field: "changes_tail.after_sequence")
            let changes = try await store.changes(after: after, limit: limit)
            var response = Touchpoint_V1_ChangesTailResponse()
            response.batch = try Touchpoint_V1_ChangeBatch(changes: changes)
            response.more = changes.count == limit
            response.sequenceHead = try await store.info().head
            return .changesTail(response)
        case .digest(let request):
            let agent = request.agentID.isEmpty ? nil : try UUID(wireBytes: request.agentID, field: "digest.agent_id")
            let digest = try await service.digest(for: principal, agent: agent)
            var response = Touchpoint_V1_DigestResponse(digest, sequenceHead: try await store.info().head)
            if !request.entities.isEmpty { response.digests.removeAll { !request.entities.contains($0.entity) } }
            return .digest(response)
        case .report(let request):
            return .report(try await ReportHandler(store: store).handle(request))
        case .customerErase(let request):
            // The reason is the point of an erasure's entry: kept on one line, whatever the outcome.
            let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let erased = try await audit.record(
                .customerErase, target: UUID(wireBytes: request.customerID)?.lowercasedText ?? "(bad customer_id)",
                detail: { (report: ErasureReport) in
                    "reason: \(reason.split(whereSeparator: \.isNewline).joined(separator: " ")); records scrubbed: \(report.records)"
                }
            ) {
                let id = try UUID(wireBytes: request.customerID, field: "customer_erase.customer_id")
                guard !reason.isEmpty, reason.count <= 500 else {
                    throw ProtocolError(.invalidArgument, "customer_erase.reason: say why in 1 to 500 characters (it is kept in the audit log)")
                }
                return try await store.eraseCustomer(id, by: principal.agentID, now: now)
            }
            return .customerErase(erased.wire)
        case .auditList(let request):
            let since = try WireInteger.int64(request.sinceMs, field: "audit_list.since_ms")
            let limit = request.limit == 0 ? 100 : Int(min(request.limit, 10_000))
            // One more than asked tells whether older entries were left out.
            let entries = try await store.auditEntries(since: since == 0 ? nil : Date(milliseconds: since), limit: limit + 1)
            var response = Touchpoint_V1_AuditListResponse()
            response.entries = entries.suffix(limit).map(\.wire)
            response.more = entries.count > limit
            return .auditList(response)
        case .backup(let request):
            return .backup(
                try await BackupHandler(service: service, principal: principal, maxFrameBytes: maxFrameBytes).handle(request, audit: audit))
        }
    }

    /// What a `conflict_resolve` request keeps.
    private static func resolution(_ request: Touchpoint_V1_ConflictResolveRequest) throws -> ConflictResolution {
        switch request.choice {
        case .keepWinner: .winner
        case .takeLoser: .loser
        case .custom: .value(request.customValue.fieldValue)
        default: throw ProtocolError(.invalidArgument, "conflict resolution needs a choice: keep winner, take loser or custom")
        }
    }

    private func status() async throws -> Touchpoint_V1_StatusResponse {
        let info = try await store.info()
        var response = Touchpoint_V1_StatusResponse()
        response.serverID = info.serverID.wireBytes
        response.sequenceHead = info.head
        response.store = info.backend
        response.openConflicts = UInt64(info.openConflicts)
        response.serverVersion = ServerVersion.current
        let failures = service.helloThrottle.snapshot()
        response.failedHellos = failures.total
        response.failingPeers = failures.peers.prefix(20).map(\.wire)
        // Field agents only: admins sync nothing, so lag and outbox mean nothing for them.
        response.agents = try await store.agents().filter { $0.agent.role == .agent }.map { state in
            var state = state
            if let failed = failures.agents[state.agent.id] {
                state.failedHellos = Int(clamping: failed.failures)
                state.lastFailedHello = failed.lastFailure
            }
            return state.statusWire
        }
        return response
    }

    private func agentInfo(_ id: UUID) async throws -> Touchpoint_V1_AgentInfo {
        guard let state = try await store.agents().first(where: { $0.agent.id == id }) else {
            throw ProtocolError(.notFound, "no agent with id \(id.lowercasedText)")
        }
        return state.infoWire
    }
}
