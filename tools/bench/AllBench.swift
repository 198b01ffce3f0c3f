import Foundation

/// `touchpoint-bench all [--scale tiny|small|full] [--pull-rows N]`: every mode in one run, then one table of
/// issue 11's figures, each next to its same-run references and its target.
enum AllBench {
    static func run(_ arguments: [String]) async throws -> BenchReport {
        var scale = try BenchScale.named(Bench.option("--scale", in: arguments) ?? "full")
        scale.pullRows = Bench.option("--pull-rows", in: arguments).flatMap(Int.init) ?? scale.pullRows
        var run = BenchRun(mode: "all", scale: scale.name)
        let machine = run.report.machine
        print("touchpoint-bench all --scale \(scale.name): \(machine.cores) cores, load average \(machine.loadAverageAtStart.map { String(format: "%.2f", $0) }.joined(separator: " ")), \(machine.buildConfiguration) build\n")
        try await run.importPhase(.init(rows: scale.importRows))
        print()
        try await run.syncPhase(.init(rows: scale.pushRows, pullRows: scale.pullRows))
        print()
        try await run.loadPhase(scale.load)
        run.report.summary = Summary.rows(run.report)
        print("\n" + Summary.table(run.report), terminator: "")
        return run.report
    }
}
