/// What an authenticated principal may do in a session.
public enum SessionRole: Hashable, Sendable {
    /// A field agent: push, pull, ping.
    case agent
    /// An administrator: everything an agent may do, plus admin requests.
    case admin

    /// The wire enum value.
    public var wire: Touchpoint_V1_Role {
        switch self {
        case .agent: .agent
        case .admin: .admin
        }
    }

    /// Reads a wire role; nil for UNSPECIFIED and unknown values.
    public init?(wire: Touchpoint_V1_Role) {
        switch wire {
        case .agent: self = .agent
        case .admin: self = .admin
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }
}
