import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `status`: identity, record counts and what waits to be synced.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show this database's ids, record counts and unsynced changes.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let database = try store.open()
        let status = try database.status()
        let identity = try database.identity()
        let deadLetters = try database.deadLetters()
        let age = status.oldestUnsynced.map { Date().timeIntervalSince($0) }
        if output.json {
            let object: [String: Any] = [
                "database": store.path, "site_id": status.siteID, "agent_id": status.agentID,
                "agent_name": identity.name ?? NSNull(), "territories": identity.territories,
                "server": status.server ?? NSNull(), "records": status.records, "outbox_depth": status.outboxDepth,
                "oldest_unsynced_at": status.oldestUnsynced.map { Timestamp.format($0) } ?? NSNull(),
                "oldest_unsynced_age_seconds": age.map { Int($0) } ?? NSNull(),
                "dead_letters": status.deadLetters, "pull_cursor": status.pullCursor,
                "last_sync_at": status.lastSyncAt.map { Timestamp.format($0) } ?? NSNull(),
                "last_error": status.lastError ?? NSNull(), "clock_repair": status.clockRepair ?? NSNull(),
                "dead_letter_list": deadLetters.map { letter in
                    ["seq": letter.entry.seq, "entity": letter.entry.change.entity.rawValue,
                     "id": letter.entry.change.id.uuidString.lowercased(), "code": letter.code, "message": letter.message]
                },
            ]
            return try JSONOutput.object(object)
        }
        let counts = EntityType.dependencyOrder.map { "\($0.displayName) \(status.records[$0.rawValue] ?? 0)" }
        print("database:     \(store.path)")
        print("site id:      \(status.siteID)")
        print("agent id:     \(status.agentID)")
        print("agent:        \(identity.name ?? "(name not known yet)") · territories \(identity.territories.isEmpty ? "(none)" : identity.territories.joined(separator: ", "))")
        print("records:      \(counts.joined(separator: " · "))")
        print("outbox:       \(status.outboxDepth) change\(status.outboxDepth == 1 ? "" : "s")" + (age.map { ", oldest \(Format.age($0)) old" } ?? ""))
        print("dead letters: \(status.deadLetters)" + (status.deadLetters > 0 ? " (refused by the server and rolled back here; see `touchpoint-agent dead-letters`)" : ""))
        for letter in deadLetters.prefix(20) {
            print("  #\(letter.entry.seq) \(letter.code): \(letter.message)")
        }
        print("pull cursor:  \(status.pullCursor)")
        print("server:       \(status.server ?? "(not set)")")
        print("last sync:    \(status.lastSyncAt.map { Format.date($0) } ?? "never")" + (status.lastError.map { " (last error: \($0))" } ?? ""))
        if let repair = status.clockRepair { print("clock:        \(repair)") }
    }
}
