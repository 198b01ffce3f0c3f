import Foundation
import TouchpointModel
import TouchpointProtocol

/// What the push rules (``PushRules``) need from the store to decide a batch,
/// read by the store inside the batch's transaction, set-based: one query per
/// entity, not one per change.
///
/// A store reads it in two rounds. The first needs only the batch: the site's
/// state, what the push log remembers of the batch's sequences, and every record
/// the batch names (``recordsToRead``). The second needs the first: the
/// customers those records and the batch point at (``customersToRead``), every
/// record of a stored customer the batch may move to another territory
/// (``movingCustomers``, one query per entity for all of them), and which feedback answers already have a follow-up
/// (``feedbackIDs``).
public struct PushContext: Sendable {
    /// The site pushing (or the server's own site for an admin's write).
    public var site: SiteID
    /// The agent that owns the site; nil when the site never pushed.
    public var owner: UUID?
    /// The highest sequence of the site already acknowledged.
    public var acknowledged: UInt64
    /// What the push log remembers of the batch's sequences at or below ``acknowledged``.
    public var remembered: [UInt64: RememberedPush] = [:]
    /// Records as stored now, by entity and id (a record not stored is absent).
    public var records: [EntityType: [UUID: RecordState]] = [:]
    /// Feedback answers of the batch that already have a closed-loop follow-up.
    public var followedUp: Set<UUID> = []
    /// The server's clock as stored.
    public var clock: HybridLogicalClock
    /// Sequences whose writes the store refused (a constraint): each is refused alone.
    public var refusedByStore: Set<UInt64> = []

    /// A context of the site's state and the server clock; the store adds what it reads.
    public init(site: SiteID, owner: UUID?, acknowledged: UInt64, clock: HybridLogicalClock) {
        self.site = site
        self.owner = owner
        self.acknowledged = acknowledged
        self.clock = clock
    }

    /// One entry of the push log: a sequence the site already pushed, and the answer it got.
    public struct RememberedPush: Hashable, Sendable {
        public var fingerprint: Int64
        /// The refusal it got; nil when it was applied.
        public var refusal: Rejection?

        public init(fingerprint: Int64, refusal: Rejection?) {
            self.fingerprint = fingerprint
            self.refusal = refusal
        }
    }

    /// Adds records the store read.
    public mutating func add(_ states: some Sequence<RecordState>) {
        for state in states { records[state.entity, default: [:]][state.id] = state }
    }

    /// First round: the ids of every record the changes name, by entity.
    public static func recordsToRead(_ changes: [Change]) -> [EntityType: Set<UUID>] {
        var ids: [EntityType: Set<UUID>] = [:]
        for change in changes { ids[change.entity, default: []].insert(change.id) }
        return ids
    }

    /// Second round: the customers the batch's records point at (as stored or as
    /// written) that the first round did not read.
    public func customersToRead(_ changes: [Change]) -> Set<UUID> {
        var ids = Set<UUID>()
        for states in records.values {
            for state in states.values { if let id = state.fields[EntityType.customerField]?.value.text.flatMap { UUID(text: $0) } { ids.insert(id) } }
        }
        for change in changes {
            for field in change.fields where field.name == EntityType.customerField {
                if let id = field.value.text.flatMap { UUID(text: $0) } { ids.insert(id) }
            }
        }
        return ids.filter { records[.customer]?[$0] == nil }
    }

    /// Second round: stored customers the batch writes another territory to; every
    /// record of theirs is read, since a move logs them whole in the new territory.
    /// (A customer the store does not hold yet has its records in the batch only.)
    public func movingCustomers(_ changes: [Change]) -> Set<UUID> {
        var moving = Set<UUID>()
        for change in changes where change.entity == .customer {
            guard let stored = records[.customer]?[change.id]?.fields[Self.territoryField]?.value else { continue }
            if change.fields.contains(where: { $0.name == Self.territoryField && $0.value != stored }) { moving.insert(change.id) }
        }
        return moving
    }

    /// Second round: the feedback answers of the batch (does each already have a follow-up?).
    public static func feedbackIDs(_ changes: [Change]) -> Set<UUID> {
        Set(changes.filter { $0.entity == .feedback }.map(\.id))
    }

    static let territoryField = "territory"
}
