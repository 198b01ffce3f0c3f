import Foundation
import TouchpointModel

/// What the change log holds of one record at or below a horizon, and what a
/// garbage collection needs to know about the record to decide its fate.
package struct LoggedRecord: Sendable {
    /// One entry at or below the horizon.
    package struct Entry: Sendable {
        package var sequence: UInt64
        package var change: Change
        package var territory: String

        /// An entry at `sequence` logged under `territory`.
        package init(sequence: UInt64, change: Change, territory: String) {
            self.sequence = sequence
            self.change = change
            self.territory = territory
        }
    }

    package var entity: EntityType
    package var id: UUID
    /// Its entries at or below the horizon, ascending.
    package var entries: [Entry] = []
    /// True when it has entries above the horizon too.
    package var hasLaterEntries = false
    /// True when the record is deleted now (its tombstone is set).
    package var deleted = false
    /// True when a record refers to it (a customer's dependents, a case's interactions
    /// and notes) or an open conflict names it: a tombstone that must stay.
    package var referenced = false

    /// A record of which the log holds entries.
    package init(entity: EntityType, id: UUID) {
        self.entity = entity
        self.id = id
    }

    /// The sequences of its entries at or below the horizon, ascending.
    package var sequences: [UInt64] { entries.map(\.sequence) }
}
