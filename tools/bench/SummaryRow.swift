/// One line of the `all` summary: our figure, its same-run references, the ratio and issue 11's target.
struct SummaryRow: Encodable, Sendable {
    /// A figure measured in the same run to compare ours with.
    struct Reference: Encodable, Sendable {
        var name: String
        var value: Double
    }

    var figure: String
    /// What `ours` and the references count, e.g. `rows_per_second`, `microseconds`, `bytes`.
    var unit: String
    var ours: Double
    var references: [Reference]
    /// `ours` divided by the first reference; nil without one.
    var ratio: Double?
    var target: String
    /// Whether `ours` meets the target in this run.
    var met: Bool

    init(_ figure: String, unit: String, ours: Double, references: [Reference] = [], target: String, met: Bool) {
        self.figure = figure
        self.unit = unit
        self.ours = ours
        self.references = references
        self.ratio = references.first.map { ours / $0.value }
        self.target = target
        self.met = met
    }
}
