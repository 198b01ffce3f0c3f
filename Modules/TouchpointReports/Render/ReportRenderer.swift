/// Turns a computed report into text: a table, CSV, JSON or an HTML page.
public protocol ReportRenderer: Sendable {
    /// Renders the report.
    func render(_ result: ReportResult) throws(ReportError) -> String
}
