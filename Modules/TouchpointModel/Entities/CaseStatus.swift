/// A case's status.
public enum CaseStatus: String, Vocabulary {
    case open, pending, resolved, closed
    public static let vocabularyName = "status"
}
