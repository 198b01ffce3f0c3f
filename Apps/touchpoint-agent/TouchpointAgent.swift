import ArgumentParser
import TouchpointCLI

/// The field agent's command line: record customer work offline, import and export it.
@main
struct TouchpointAgent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touchpoint-agent",
        abstract: "Record customer interactions, cases and survey answers offline.",
        discussion: "Ids can be given in full or as a unique prefix (at least 4 characters).",
        subcommands: [
            InitCommand.self, StatusCommand.self, CustomerCommand.self, LogCommand.self, FeedbackCommand.self,
            CaseCommand.self, FollowUpCommand.self, NoteCommand.self, ImportCommand.self, ExportCommand.self,
            SyncCommand.self, RunCommand.self, VerifyCommand.self, DeadLettersCommand.self, ResetSiteCommand.self,
        ]
    )

    @OptionGroup var store: StoreOptions

    /// Runs the command; any failure prints one `error: …` line on stderr and exits non-zero.
    static func main() async {
        await runAsRoot(describe: Console.describe)
    }
}
