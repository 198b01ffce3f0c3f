import Foundation
import TouchpointModel

extension AgentSyncState {
    /// The wire `AgentInfo`: the registration.
    public var infoWire: Touchpoint_V1_AgentInfo {
        var info = Touchpoint_V1_AgentInfo()
        info.agentID = agent.id.wireBytes
        info.name = agent.name
        info.team = agent.team ?? ""
        info.territories = agent.territories
        info.role = agent.role.wire
        info.revoked = revoked
        return info
    }

    /// The wire `AgentStatus` row: id, name and the sync state (the reader derives the lag from the head).
    public var statusWire: Touchpoint_V1_AgentStatus {
        var row = Touchpoint_V1_AgentStatus()
        row.agentID = agent.id.wireBytes
        row.name = agent.name
        row.revoked = revoked
        if let site = site.flatMap(SiteID.init) { row.siteID = site.wireBytes }
        row.lastSeenMs = lastSeen.map(HLC.milliseconds) ?? 0
        row.protocolVersion = UInt32(clamping: protocolVersion ?? 0)
        row.cursor = cursor
        row.ackedSequence = ackedOutbox
        if let outboxDepth { row.outboxDepth = outboxDepth }
        row.lastSyncMs = lastSync.map(HLC.milliseconds) ?? 0
        row.lastError = lastError ?? ""
        row.rejected = UInt64(clamping: rejected)
        row.failedHellos = UInt64(clamping: failedHellos)
        row.lastFailedHelloMs = lastFailedHello.map(HLC.milliseconds) ?? 0
        row.stale = stale
        return row
    }

    /// Reads an agent from its wire registration and, when `status` sent a row for it, its sync state
    /// (the lag measured against `head`); without a row the sync state is that of an agent that never synced.
    public init(wire info: Touchpoint_V1_AgentInfo, status row: Touchpoint_V1_AgentStatus? = nil, head: UInt64 = 0) throws {
        func date(_ ms: UInt64) -> Date? { ms == 0 ? nil : Date(timeIntervalSince1970: Double(ms) / 1000) }
        let agent = try Agent(
            id: try UUID(wireBytes: info.agentID, field: "agent.agent_id"), name: info.name, team: info.team,
            territories: info.territories, role: AgentRole(wire: info.role) ?? .agent)
        self.init(agent: agent, revoked: info.revoked)
        guard let row else { return }
        revoked = row.revoked
        site = UUID(wireBytes: row.siteID).map { SiteID($0).description }
        lastSeen = date(row.lastSeenMs)
        protocolVersion = row.protocolVersion == 0 ? nil : Int(row.protocolVersion)
        cursor = row.cursor
        lag = head > row.cursor ? head - row.cursor : 0
        ackedOutbox = row.ackedSequence
        outboxDepth = row.hasOutboxDepth ? row.outboxDepth : nil
        lastSync = date(row.lastSyncMs)
        lastError = row.lastError.isEmpty ? nil : row.lastError
        rejected = Int(clamping: row.rejected)
        failedHellos = Int(clamping: row.failedHellos)
        lastFailedHello = date(row.lastFailedHelloMs)
        stale = row.stale
    }
}
