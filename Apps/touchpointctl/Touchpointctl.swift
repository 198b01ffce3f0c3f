import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointReports
import TouchpointStore

/// The admin tools: sync state, agents, conflicts, the change feed, CX reports and offline inspection.
@main
struct Touchpointctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touchpointctl",
        abstract: "Inspect sync state, report on customer experience, read the audit log and back up the server.",
        discussion: "Connects with --server HOST:PORT --token ADMIN_TOKEN (or TOUCHPOINT_SERVER, TOUCHPOINT_TOKEN).",
        subcommands: [
            StatusCommand.self, AgentsCommand.self, ConflictsCommand.self, ChangesCommand.self, ReportCommand.self,
            InspectCommand.self, CustomersCommand.self, AuditCommand.self, BackupCommand.self,
        ]
    )

    /// Runs the command; any failure prints one `error: …` line on stderr and exits non-zero.
    static func main() async {
        await runAsRoot { error in
            switch error {
            case let error as ProtocolError: error.message
            case let error as ReportError: error.message
            case let error as StoreError: error.message
            case let error as TouchpointModel.ValidationError: error.description
            default: nil
            }
        }
    }
}
