extension ProportionEstimate {
    /// First-contact resolution: resolved cases with no further customer interaction ÷ resolved cases.
    ///
    /// A case that was reopened does not count as resolved at first contact, even if no
    /// interaction was logged for the reopening. Throws `invalidCount` for negative counts.
    public static func firstContactResolution(cases: some Sequence<CaseOutcome>) throws(ReportError) -> ProportionEstimate {
        try count(cases, in: \.isResolved, successes: \.wasResolvedAtFirstContact)
    }

    /// Reopen rate: cases reopened at least once ÷ cases resolved at least once.
    ///
    /// A reopened case counts as resolved in the denominator even if it is open now, so the
    /// rate never exceeds 100%. Throws `invalidCount` for negative counts.
    public static func reopenRate(cases: some Sequence<CaseOutcome>) throws(ReportError) -> ProportionEstimate {
        try count(cases, in: \.wasEverResolved, successes: { $0.timesReopened > 0 })
    }

    private static func count(
        _ cases: some Sequence<CaseOutcome>,
        in population: (CaseOutcome) -> Bool,
        successes isSuccess: (CaseOutcome) -> Bool
    ) throws(ReportError) -> ProportionEstimate {
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
