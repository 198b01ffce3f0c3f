/// Keys of the agent database's `meta` table (settings and sync bookkeeping).
public enum MetaKey: String, CaseIterable, Sendable {
    /// This replica's site id (created once).
    case siteID = "site_id"
    /// The agent this database belongs to.
    case agentID = "agent_id"
    /// The last HLC issued or observed, packed.
    case clock = "hlc_last"
    /// Sync server address, HOST:PORT.
    case server
    /// Agent token for the server.
    case token
    /// Server sequence up to which changes have been pulled and applied.
    case pullCursor = "pull_cursor"
    /// Time (ms) of the last successful sync.
    case lastSyncAt = "last_sync_at"
    /// Last sync error, one line.
    case lastError = "last_error"
    /// Territories the agent works in (comma-separated), used for offline defaults;
    /// refreshed from the server's Welcome at every sync.
    case territories
    /// The highest HLC received from other replicas, packed (the floor of a clock repair).
    case remoteClock = "hlc_remote"
    /// What the last clock repair did, one line for `status`.
    case clockRepair = "clock_repair"
    /// TLS to the server: `system` (the system trust store) or the path of a CA file; absent for plain TCP.
    case tls
    /// With TLS: this laptop's client certificate (PEM path), for servers that ask for one.
    case tlsClientCertificate = "tls_client_certificate"
    /// With TLS: the private key of the client certificate (PEM path).
    case tlsClientKey = "tls_client_key"
    /// The agent's name, from the server's Welcome.
    case agentName = "agent_name"
    /// The epoch of the server store last synced with (a new one means it was restored).
    case serverEpoch = "server_epoch"
}
