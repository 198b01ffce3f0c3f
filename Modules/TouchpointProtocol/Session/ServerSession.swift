import TouchpointModel

/// An authenticated session.
public struct ServerSession: Hashable, Sendable {
    /// The handshake it came from.
    public var handshake: ServerHandshake
    /// What the token grants.
    public var role: AgentRole
}
