import TouchpointModel

extension EntityType {
    /// Import and export order: referenced records (customers, cases) before the records that point at them.
    public static let dependencyOrder: [EntityType] = [.customer, .supportCase, .interaction, .feedback, .followUp, .note]
}
