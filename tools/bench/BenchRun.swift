/// One `touchpoint-bench` run: runs the phases asked for, each with its peak memory, and collects the report.
struct BenchRun {
    var report: BenchReport

    init(mode: String, scale: String? = nil) {
        report = BenchReport(mode: mode, scale: scale, machine: .current())
    }

    /// The report of a run of one mode, the phase `body` runs.
    static func single(_ mode: String, _ body: @Sendable (inout BenchRun) async throws -> Void) async throws -> BenchReport {
        var run = BenchRun(mode: mode)
        try await body(&run)
        return run.report
    }

    mutating func importPhase(_ options: ImportBench.Options) async throws {
        let (figures, memory) = try await PhaseMemory.measure("import") { try ImportBench.run(options) }
        report.importFigures = figures
        report.memory.append(memory)
    }

    mutating func syncPhase(_ options: SyncBench.Options) async throws {
        let (figures, phase) = try await PhaseMemory.measure("push and cold pull") { try await SyncBench.run(options) }
        var memory = phase
        memory.serverInBenchProcess = true
        report.sync = figures
        report.memory.append(memory)
    }

    mutating func postgresPhase(_ options: PostgresBench.Options) async throws {
        let (figures, memory) = try await PhaseMemory.measure("postgres push") { try await PostgresBench.run(options) }
        report.postgres = figures
        report.memory.append(memory)
    }

    mutating func loadPhase(_ options: LoadBench.Options) async throws {
        let (figures, phase) = try await PhaseMemory.measure("load") { try await LoadBench.run(options) }
        var memory = phase
        memory.serverPeakRSSKilobytes = figures.serverPeakRSSKilobytes
        report.load = figures
        report.memory.append(memory)
    }
}
