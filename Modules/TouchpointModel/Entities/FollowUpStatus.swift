/// A follow-up's status.
public enum FollowUpStatus: String, Vocabulary {
    case open, done, cancelled
    public static let vocabularyName = "follow-up status"
}
