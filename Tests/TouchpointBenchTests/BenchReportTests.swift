import Foundation
import Testing

@testable import touchpoint_bench

/// The JSON `touchpoint-bench --json` writes: the keys scripts read, with their units in the names.
@Suite struct BenchReportTests {
    static let report: BenchReport = {
        var report = BenchReport(mode: "all", scale: "tiny", machine: .current())
        report.importFigures = ImportFigures(
            rows: 2000, batchRows: 500, seconds: 0.5, rowsPerSecond: 4000, plainRawRowsPerSecond: 200_000,
            sameSchemaRawRowsPerSecond: 20_000, csvParseRowsPerSecond: 1_000_000)
        report.sync = SyncFigures(
            pushedInteractions: 1000, customers: 10, localWritesRecordsPerSecond: 6000, pushSeconds: 0.25, pushRecordsPerSecond: 4000,
            pulledRecords: 2000, pullSeconds: 0.4, pullRecordsPerSecond: 5000, plainRawRowsPerSecond: 100_000,
            sameSchemaRawRowsPerSecond: 20_000, wireBytesToServer: 60_000, wireBytesToClient: 900, wireBytesPerInteraction: 60)
        report.load = LoadFigures(
            agents: 10, territories: 2, recordsPerTerritory: 100, convergenceSeconds: 1.5, pushBatches: 10,
            pushLatencyP50Milliseconds: 20, pushLatencyP99Milliseconds: 40, serverCPUSeconds: 0.2, deliveredRecords: 900,
            pushedRecords: 200, serverCPUMicrosecondsPerDeliveredRecord: 222, serverPeakRSSKilobytes: 40_000)
        report.memory = [PhaseMemory(phase: "import", benchPeakRSSKilobytes: 50_000, resetBeforePhase: true)]
        report.summary = Summary.rows(report)
        return report
    }()

    func object() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Self.report.json()) as? [String: Any])
    }

    @Test(arguments: [
        ("import", ["rows", "rows_per_second", "plain_raw_rows_per_second", "same_schema_raw_rows_per_second", "seconds"]),
        ("sync", [
            "push_records_per_second", "pull_records_per_second", "pulled_records", "same_schema_raw_rows_per_second",
            "plain_raw_rows_per_second", "wire_bytes_per_interaction", "wire_bytes_to_server",
        ]),
        ("load", [
            "convergence_seconds", "server_cpu_microseconds_per_delivered_record", "server_peak_rss_kilobytes",
            "push_latency_p50_milliseconds", "push_latency_p99_milliseconds",
        ]),
        ("machine", ["cores", "load_average_at_start", "build_configuration", "date"]),
    ])
    func sectionHasKeys(section: String, keys: [String]) throws {
        let figures = try #require(try object()[section] as? [String: Any])
        for key in keys { #expect(figures[key] != nil, "\(section).\(key) is missing") }
    }

    @Test func summaryRowsCarryReferencesRatioAndTarget() throws {
        let rows = try #require(try object()["summary"] as? [[String: Any]])
        #expect(rows.count == 7)
        let push = try #require(rows.first { ($0["figure"] as? String)?.hasPrefix("push") == true })
        #expect(push["unit"] as? String == "records_per_second")
        #expect(push["ratio"] as? Double == 0.2)
        #expect(push["met"] as? Bool == false)
        let references = try #require(push["references"] as? [[String: Any]])
        #expect(references.map { $0["name"] as? String } == ["same_schema_raw", "plain_raw"])
    }

    @Test func memoryPerPhase() throws {
        let memory = try #require(try object()["memory"] as? [[String: Any]])
        #expect(memory.first?["bench_peak_rss_kilobytes"] as? Int == 50_000)
        #expect(memory.first?["reset_before_phase"] as? Bool == true)
    }

    @Test func tableHasOneLinePerFigure() {
        let table = Summary.table(Self.report)
        #expect(table.hasPrefix("| figure | ours | reference (same run) | ratio | target |"))
        #expect(table.contains("| 4,000 rec/s | same schema raw 20,000; plain raw 100,000 | 0.20× |"))
    }
}
