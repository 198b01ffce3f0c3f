import Foundation
import TouchpointCLI
import TouchpointReports

/// How `touchpointctl report` prints a computed report.
public enum ReportFormat: Hashable, Sendable {
    case table(width: Int)
    case json
    case csv
    /// Writes the self-contained page to a file (and prints a table too unless JSON/CSV was asked).
    case html(path: String)
}

/// Renders a report with TouchpointReports' renderers; JSON in the CLIs' one style (``JSONOutput``).
public enum ReportOutput {
    /// The text to print on stdout for a format (HTML: nothing; see ``writeHTML(_:to:)``).
    public static func text(_ result: ReportResult, as format: ReportFormat) throws -> String {
        switch format {
        case .table(let width): try TableRenderer(width: width).render(result)
        case .json: try JSONOutput.text(JSONSerialization.jsonObject(with: Data(JSONRenderer().render(result).utf8))) + "\n"
        case .csv: try CSVRenderer().render(result)
        case .html: ""
        }
    }

    /// Writes the HTML page to `path`.
    public static func writeHTML(_ result: ReportResult, to path: String) throws {
        let html = try HTMLRenderer().render(result)
        try html.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
