import ArgumentParser

/// `followup`: tasks to call back, send the steps, close the loop.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Add, complete, list and delete follow-ups.",
        subcommands: [FollowUpAddCommand.self, FollowUpDoneCommand.self, FollowUpListCommand.self, FollowUpDeleteCommand.self]
    )
}
