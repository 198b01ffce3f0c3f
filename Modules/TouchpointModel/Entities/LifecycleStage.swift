/// A customer's lifecycle stage; churn and retention are computed from its transitions.
public enum LifecycleStage: String, Vocabulary {
    case prospect, onboarding, active
    case atRisk = "at_risk"
    case churned
    public static let vocabularyName = "lifecycle"
}
