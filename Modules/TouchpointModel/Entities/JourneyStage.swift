/// Where the customer is in their journey.
public enum JourneyStage: String, Vocabulary {
    case awareness, consideration, purchase, onboarding, usage, support, renewal, advocacy
    public static let vocabularyName = "stage"
}
