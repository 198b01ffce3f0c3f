/// What an interaction ended with.
public enum Outcome: String, Vocabulary {
    case resolved
    case followUp = "follow_up"
    case escalated
    case noAction = "no_action"
    public static let vocabularyName = "outcome"
}
