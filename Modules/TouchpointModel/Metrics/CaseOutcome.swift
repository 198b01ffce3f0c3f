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

    fileprivate func check() throws(MetricError) {
        try MetricError.checkCounts(
            customerInteractionsAfterFirst >= 0 && timesReopened >= 0,
            "case counts must not be negative (interactions after first \(customerInteractionsAfterFirst), reopened \(timesReopened))"
        )
    }
}

extension ProportionEstimate {
    /// First-contact resolution: resolved cases with no further customer interaction ÷ resolved cases.
    ///
    /// A case that was reopened does not count as resolved at first contact, even if no
    /// interaction was logged for the reopening. Throws `invalidCount` for negative counts.
    public static func firstContactResolution(cases: some Sequence<CaseOutcome>) throws(MetricError) -> ProportionEstimate {
        try count(cases, in: \.isResolved, successes: \.wasResolvedAtFirstContact)
    }

    /// Reopen rate: cases reopened at least once ÷ cases resolved at least once.
    ///
    /// A reopened case counts as resolved in the denominator even if it is open now, so the
    /// rate never exceeds 100%. Throws `invalidCount` for negative counts.
    public static func reopenRate(cases: some Sequence<CaseOutcome>) throws(MetricError) -> ProportionEstimate {
        try count(cases, in: \.wasEverResolved, successes: { $0.timesReopened > 0 })
    }

    private static func count(
        _ cases: some Sequence<CaseOutcome>,
        in population: (CaseOutcome) -> Bool,
        successes isSuccess: (CaseOutcome) -> Bool
    ) throws(MetricError) -> ProportionEstimate {
        var n = 0, successes = 0
        for outcome in cases {
            try outcome.check()
            guard population(outcome) else { continue }
            n += 1
            if isSuccess(outcome) { successes += 1 }
        }
        return ProportionEstimate(checkedSuccesses: successes, n: n)
    }
}
