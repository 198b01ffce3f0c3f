/// One cell of the journey map: a journey stage and touchpoint, with volume and scores.
public struct JourneyCell: Codable, Sendable, Hashable {
    /// Journey stage raw value, e.g. `onboarding`.
    public var stage: String
    /// Touchpoint slug, e.g. `billing`.
    public var touchpoint: String
    /// Interactions at this stage and touchpoint.
    public var interactions: Int
    /// NPS of the answers attributed here.
    public var nps: Figure
    /// CSAT of the answers attributed here.
    public var csat: Figure
}
