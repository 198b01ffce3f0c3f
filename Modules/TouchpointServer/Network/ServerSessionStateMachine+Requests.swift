import TouchpointProtocol

extension ServerSessionStateMachine.Action {
    /// True for the actions that serve a client request (push, pull, admin): each is
    /// preceded by a check that the session's agent is still registered and not revoked.
    var isRequest: Bool {
        switch self {
        case .push, .pull, .admin: true
        case .none, .send, .sendAndClose, .close, .authenticate: false
        }
    }
}
