import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

extension Laptop {
    /// The syncer `touchpoint-agent sync` and `verify` run, pointed at this laptop's server.
    var agentSync: AgentSync {
        get throws {
            try store.setMeta(.server, endpoint.description)
            try store.setMeta(.token, token)
            return AgentSync(store: store)
        }
    }

    /// One `touchpoint-agent sync`.
    @discardableResult
    func syncOnce() async throws -> SyncSummary { try await agentSync.syncOnce() }

    /// One `touchpoint-agent verify`.
    func verify() async throws -> VerifyResult { try await agentSync.verify() }
}
