import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointCLI
import TouchpointClient
import TouchpointReports

/// `report`: CX metrics computed by the server, cut and filtered, as a table, JSON, CSV or an HTML page.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "CX report: NPS, CSAT, CES, TTR, FCR, reopen, churn, closed loop, CLV, revenue at risk.",
        discussion: """
            Cut by one or two of: channel, touchpoint, stage, agent, team, persona, segment, week, month.
            Filters are dimension=value[,value…] and combine with AND. --from is inclusive, --to exclusive.
            Figures from fewer than --small-sample answers or cases are marked * (indicative only).
            CLV = mean annual value × expected lifetime (1 ÷ the period's annual churn, at most 10 years),
            per currency; revenue at risk = annual value of customers whose latest NPS answer is 0–6.
            The --json format is described key by key in docs/reports.md.
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(name: .customLong("by"), help: "A dimension to cut by (repeat or comma-separate for two).") var by: [String] = []
    @Option(help: "Start, inclusive (2026-11-01 or ISO 8601).") var from: String?
    @Option(help: "End, exclusive.") var to: String?
    @Option(name: .customLong("filter"), help: "dimension=value[,value…] (repeatable).") var filters: [String] = []
    @Option(help: "Flag figures with fewer observations than this.") var smallSample: Int = 30
    @Option(help: "Trend bucket: week or month (default: by the period).") var trend: String?
    @Flag(help: "Print the report as JSON.") var json = false
    @Flag(help: "Print the report as CSV.") var csv = false
    @Option(help: "Write a self-contained HTML page (scorecard, trends, journey map) to this file.") var html: String?

    func validate() throws {
        if json && csv { throw ValidationError("give --json or --csv, not both") }
        _ = try request()
    }

    func request() throws -> ReportRequest {
        var request = ReportRequest(smallSampleThreshold: smallSample)
        request.by = try by.flatMap { $0.split(separator: ",") }.map { try ReportDimension.parse(String($0)) }
        request.from = try from.map(ReportRequest.parseDate)
        request.to = try to.map(ReportRequest.parseDate)
        for text in filters {
            let (dimension, values) = try ReportRequest.parseFilter(text)
            request.filters[dimension, default: []] += values
        }
        if let trend {
            guard let unit = PeriodUnit(rawValue: trend.lowercased()) else { throw ValidationError("--trend must be week or month") }
            request.trendUnit = unit
        }
        return try request.validated()
    }

    func run() async throws {
        let request = try request()
        let result = try await connection.connect { try await $0.report(request) }
        if let html {
            try ReportOutput.writeHTML(result, to: html)
            Console.error("wrote \(html)")
        }
        let format: ReportFormat = json ? .json : csv ? .csv : .table(width: Console.terminalWidth)
        print(try ReportOutput.text(result, as: format), terminator: "")
    }
}
