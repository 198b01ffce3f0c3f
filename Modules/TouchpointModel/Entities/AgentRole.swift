/// An agent's role on the server.
public enum AgentRole: String, Vocabulary {
    case agent, admin
    public static let vocabularyName = "role"
}
