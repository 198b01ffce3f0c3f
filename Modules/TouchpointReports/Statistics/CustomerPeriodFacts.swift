/// What happened to one customer during a reporting period, for `RetentionCounts(customers:)`.
public struct CustomerPeriodFacts: Sendable, Hashable, Codable {
    /// Whether the customer was active when the period started.
    public var wasActiveAtStart: Bool
    /// Whether the customer is active when the period ends.
    public var isActiveAtEnd: Bool
    /// Whether the customer joined (or rejoined) during the period.
    public var joinedDuringPeriod: Bool
    /// Whether the customer churned during the period.
    public var churnedDuringPeriod: Bool

    /// Creates the facts for one customer.
    public init(wasActiveAtStart: Bool, isActiveAtEnd: Bool, joinedDuringPeriod: Bool, churnedDuringPeriod: Bool) {
        self.wasActiveAtStart = wasActiveAtStart
        self.isActiveAtEnd = isActiveAtEnd
        self.joinedDuringPeriod = joinedDuringPeriod
        self.churnedDuringPeriod = churnedDuringPeriod
    }

    /// Whether some sequence of joins and churns leads from the start state to the end state.
    ///
    /// Joins and churns alternate, so staying in the same state takes both or neither,
    /// arriving takes a join, and leaving takes a churn.
    public var isConsistent: Bool {
        switch (wasActiveAtStart, isActiveAtEnd) {
        case (false, false), (true, true): joinedDuringPeriod == churnedDuringPeriod
        case (false, true): joinedDuringPeriod
        case (true, false): churnedDuringPeriod
        }
    }
}
