import TouchpointModel

extension AgentRole {
    /// The wire `Role`.
    public var wire: Touchpoint_V1_Role {
        switch self {
        case .agent: .agent
        case .admin: .admin
        }
    }

    /// Reads a wire `Role`; nil for `ROLE_UNSPECIFIED` and values this version does not know.
    public init?(wire: Touchpoint_V1_Role) {
        switch wire {
        case .agent: self = .agent
        case .admin: self = .admin
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }
}
