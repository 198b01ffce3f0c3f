/// The sizes `touchpoint-bench all` runs at: `full` is issue 11's, `small` a few minutes, `tiny` seconds (CI).
struct BenchScale: Sendable {
    let name: String
    /// Interaction rows imported from CSV.
    var importRows: Int
    /// Interactions one agent pushes.
    var pushRows: Int
    /// Records a fresh agent pulls (the server is seeded up to this many when the push left fewer).
    var pullRows: Int
    var load: LoadBench.Options

    static let tiny = BenchScale(
        name: "tiny", importRows: 2000, pushRows: 1000, pullRows: 2000, load: .init(agents: 10, territories: 2, records: 100))
    static let small = BenchScale(
        name: "small", importRows: 50_000, pushRows: 30_000, pullRows: 100_000, load: .init(agents: 200, territories: 20, records: 1000))
    static let full = BenchScale(
        name: "full", importRows: 100_000, pushRows: 100_000, pullRows: 1_000_000, load: .init(agents: 200, territories: 20, records: 1000))

    static func named(_ name: String) throws -> BenchScale {
        switch name {
        case "tiny": .tiny
        case "small": .small
        case "full": .full
        default: throw BenchError("unknown scale '\(name)': tiny, small or full")
        }
    }
}
