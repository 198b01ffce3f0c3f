/// The facts about one case that first-contact resolution and reopen rate are computed from.
public struct CaseOutcome: Sendable, Hashable, Codable {
    /// Whether the case is resolved now.
    public var isResolved: Bool
    /// Customer interactions logged after the first one; 0 means the customer never had to come back.
    public var customerInteractionsAfterFirst: Int
    /// How many times the case was reopened after being resolved.
    public var timesReopened: Int

    /// Creates the facts for one case.
    public init(isResolved: Bool, customerInteractionsAfterFirst: Int = 0, timesReopened: Int = 0) {
        self.isResolved = isResolved
        self.customerInteractionsAfterFirst = customerInteractionsAfterFirst
        self.timesReopened = timesReopened
    }

    /// Whether the case was resolved at some point, even if it was reopened and is open now.
    var wasEverResolved: Bool { isResolved || timesReopened > 0 }

    /// Whether the case was resolved without the customer coming back: no later interaction, never reopened.
    var wasResolvedAtFirstContact: Bool {
        isResolved && customerInteractionsAfterFirst == 0 && timesReopened == 0
    }

    /// Throws `invalidCount` when a count is negative.
    func check() throws(ReportError) {
        try ReportError.checkCounts(
            customerInteractionsAfterFirst >= 0 && timesReopened >= 0,
            "case counts must not be negative (interactions after first \(customerInteractionsAfterFirst), reopened \(timesReopened))"
        )
    }
}
