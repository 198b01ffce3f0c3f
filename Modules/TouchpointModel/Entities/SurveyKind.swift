/// A survey kind and its scale.
public enum SurveyKind: String, Vocabulary {
    case nps, csat, ces
    public static let vocabularyName = "survey kind"

    /// The accepted scores: NPS 0–10, CSAT 1–5, CES 1–7.
    public var scale: ClosedRange<Int> {
        switch self {
        case .nps: 0...10
        case .csat: 1...5
        case .ces: 1...7
        }
    }
}
