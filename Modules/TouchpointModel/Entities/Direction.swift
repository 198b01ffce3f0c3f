/// Who started the interaction.
public enum Direction: String, Vocabulary {
    case inbound, outbound
    public static let vocabularyName = "direction"
}
