import Foundation
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Changes written by hand rather than by the laptop's store: what a modified or
/// replaying laptop could send. They still go through the server's ``SyncService``.
extension Cluster.FieldAgent {
    /// A version of this laptop's site, `ahead` of the wall clock.
    func stamp(ahead: TimeInterval = 0) -> FieldVersion {
        FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date().addingTimeInterval(ahead)), logical: 0), site: principal.site)
    }

    /// A change writing `record` whole, with `overrides` in place of its own values
    /// (for values the model would refuse), every field under one version of this laptop.
    func creation<R: SyncRecord>(of record: R, overriding overrides: [String: FieldValue] = [:], ahead: TimeInterval = 0) -> Change {
        let version = stamp(ahead: ahead)
        let values = record.fields.merging(overrides) { $1 }
        return Change(entity: R.entity, id: record.id, fields: values.keys.sorted().map {
            FieldChange(name: $0, value: values[$0]!, version: version)
        })
    }

    /// Pushes `changes` as one batch under sequences `first`, `first + 1`, ….
    func push(_ changes: [Change], from first: UInt64 = 1_000) async throws -> PushAcknowledgement {
        try await transport.push(changes.enumerated().map { SequencedChange(sequence: first + UInt64($0.offset), change: $0.element) })
    }

    /// What this laptop has queued, as it would push it.
    func queued() throws -> [SequencedChange] {
        try store.outbox().map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }
    }
}
