import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// `customers erase ID --reason "…"`.
struct CustomersEraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase a customer's personal data everywhere (GDPR right to erasure).",
        discussion: """
            Removes the customer's name (shown as \(Erasure.placeholder)), email, phone and tags, and the free text of every \
            interaction, case, survey answer, follow-up and note about it, on the server, in its change log and in its \
            conflict records. Every agent holding the customer erases it at its next sync, and a personal value an offline \
            agent pushes for it later is erased on arrival. Scores, channels, stages, outcomes, dates and counts stay, so \
            reports do not change. The reason is kept in the audit log. This cannot be undone.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The customer's id.") var customer: String
    @Option(help: "Why (kept in the audit log), e.g. \"GDPR request 2026-118\".") var reason: String

    func validate() throws {
        guard UUID(text: customer) != nil else { throw ValidationError("not a customer id: '\(customer)' (a UUID)") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw ValidationError("--reason: say why in 1 to 500 characters") }
    }

    func run() async throws {
        let id = UUID(text: customer)!
        let report = try await connection.connect { admin in try await admin.eraseCustomer(id, reason: reason) }
        if output.json { return try JSONOutput.encodable(report) }
        print("erased customer \(report.customerID.lowercasedText) (territory \(report.territory)) at \(JSONOutput.date(report.erasedAt))")
        print("  records scrubbed:      \(report.records)")
        print("  change-log entries:    \(report.logEntries)")
        print("  conflict records:      \(report.conflicts)")
        print("  messages replaced:     \(report.messages)")
        print("agents of \(report.territory) erase it at their next sync (server sequence \(report.sequence))")
    }
}
