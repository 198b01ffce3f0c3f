import Foundation
import TouchpointModel

/// The rules of a garbage collection of the change log, free of storage.
///
/// The horizon is the lowest pull cursor of the active agents: not revoked, synced
/// at least once, seen within ``GarbageCollectionSettings/staleAfter``. Agents that
/// synced before and were silent longer are marked stale and do not count; they
/// resync whole when they return. Never-synced agents pull from 0 and need nothing.
/// The newest entry always stays (the horizon is below the head), so the head — the
/// highest sequence — never goes back: agents would take that for a restored server.
///
/// Below the horizon the log is compacted, not merely purged, so an agent pulling
/// from 0 still receives every record of its scope whole:
/// - a deleted record with every entry at or below the horizon, that nothing refers
///   to, is purged — its entries and its row;
/// - a record with more entries there than its whole takes (one change, two when
///   deleted) gets them replaced by the record whole *as of the horizon* (its entries
///   merged, as an agent pulling them would), under the territory of the latest of
///   them. What came after the horizon stays as it was logged, so an agent pulling
///   from 0 applies the same history to the same state. Entries of a territory the
///   record had left by then go: every active agent has passed them.
///
/// Placement keeps a customer before its dependents for an agent pulling from 0: a
/// customer's whole goes at the lowest of its sequences (its creation), a dependent's
/// at the highest (at or after it was last placed under its customer, who existed then).
///
/// Each record then keeps at most two entries at or below the horizon: the log is
/// bounded by the records plus the entries above the horizon.
package enum GarbageCollector {
    /// The horizon and the agents to mark stale, from every agent's sync state.
    package static func horizon(
        _ agents: [AgentCursor], head: UInt64, now: Date, settings: GarbageCollectionSettings
    ) -> (report: GarbageCollectionReport, markStale: [UUID]) {
        let silentSince = now.addingTimeInterval(-settings.staleAfter)
        var horizon = head > 0 ? head - 1 : 0
        var active = 0
        var markStale: [UUID] = []
        for agent in agents where !agent.revoked && agent.lastSync != nil {
            if let seen = agent.lastSeen, seen >= silentSince {
                active += 1
                horizon = min(horizon, agent.cursor)
            } else if !agent.stale {
                markStale.append(agent.agentID)
            }
        }
        var report = GarbageCollectionReport(horizon: horizon, head: head, activeAgents: active, dryRun: settings.dryRun)
        report.agentsMarkedStale = markStale.map(\.lowercasedText).sorted()
        return (report, markStale)
    }

    /// Decides the fate of every record with entries at or below the report's horizon.
    package static func plan(_ records: [LoggedRecord], report: GarbageCollectionReport, markStale: [UUID]) -> CompactionPlan {
        var plan = CompactionPlan(markStale: markStale, report: report)
        for record in records where !record.entries.isEmpty {
            plan.report.entriesBelowHorizon += record.entries.count
            if record.deleted, !record.hasLaterEntries, !record.referenced {
                plan.purges.append(record)
                plan.report.tombstonesPurged += 1
                plan.report.entriesPurged += record.entries.count
                continue
            }
            var state = RecordState(entity: record.entity, id: record.id)
            for entry in record.entries { state.apply(entry.change) }
            let whole = state.replayChanges.filter { !$0.fields.isEmpty }
            guard record.entries.count > whole.count else { continue }
            let sequences = record.entity == .customer ? record.sequences.prefix(whole.count) : record.sequences.suffix(whole.count)
            let territory = record.entries[record.entries.count - 1].territory
            plan.replaced += record.sequences
            plan.written += zip(sequences, whole).map { CompactionPlan.Entry(sequence: $0, change: $1, territory: territory) }
            plan.report.recordsCompacted += 1
            plan.report.entriesCompacted += record.entries.count
            plan.report.entriesWritten += whole.count
        }
        return plan
    }

    /// The records that refer to a record of each entity by a column of theirs: a
    /// tombstone they refer to stays (an agent pulling from 0 needs it to place them).
    package static let references: [EntityType: [(entity: EntityType, column: String)]] = [
        .customer: EntityType.allCases.filter { $0 != .customer }.map { ($0, "customer_id") },
        .supportCase: [(.interaction, "case_id"), (.note, "case_id")],
    ]
}
