/// A case's priority.
public enum CasePriority: String, Vocabulary {
    case low, normal, high, urgent
    public static let vocabularyName = "priority"
}
