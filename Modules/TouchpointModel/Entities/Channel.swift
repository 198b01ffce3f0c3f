/// The mechanism that served a touchpoint.
public enum Channel: String, Vocabulary {
    case phone, email, chat
    case inPerson = "in_person"
    case video, social, web, other
    public static let vocabularyName = "channel"
}
