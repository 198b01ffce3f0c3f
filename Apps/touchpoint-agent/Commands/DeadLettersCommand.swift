import ArgumentParser

/// `dead-letters`: changes the server refused for good, rolled back on this laptop.
struct DeadLettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "List, discard or retry changes the server refused.",
        discussion: """
            A refused change is rolled back locally (this laptop keeps what the server holds) and parked here. \
            Retry it once the cause is fixed (e.g. an admin gave you the territory); discard it otherwise.
            """,
        subcommands: [DeadLettersListCommand.self, DeadLettersDiscardCommand.self, DeadLettersRetryCommand.self]
    )
}

/// Which dead letters a command acts on: sequences, or `--all`.
struct DeadLetterSelection: ParsableArguments {
    @Argument(help: "Sequences of the dead letters (as `dead-letters list` shows them).") var seqs: [Int64] = []
    @Flag(help: "Every dead letter.") var all = false

    func validate() throws {
        if all == !seqs.isEmpty { throw ValidationError("give the sequences of the dead letters, or --all") }
    }

    /// The sequences, or nil for all.
    var selected: [Int64]? { all ? nil : seqs }
}
