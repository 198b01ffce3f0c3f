import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

/// The rules of a push, free of storage: identity (a site belongs to one agent),
/// order (a pipelined batch needs its predecessor), exactly-once (replays get the
/// first answer; a sequence reused with other content is a copied laptop), scope,
/// the merge with its conflicts kept, moves between territories and the closed loop.
///
/// The store reads a ``PushContext``, the rules turn it into a ``PushPlan``, and
/// the store writes the plan, all in one transaction: every store applies the
/// same rules, and reads and writes a batch set-based.
struct PushRules {
    let principal: Principal
    let now: Date
    /// Records as the batch has left them so far (what the store held, then each applied change).
    var records: [EntityType: [UUID: RecordState]]
    /// The records the store held before the batch (written with an upsert; the others with an INSERT).
    let stored: Set<RecordKey>
    let followedUp: Set<UUID>
    let refusedByStore: Set<UInt64>
    var plan: PushPlan
    /// Records the batch changed, in the order first changed.
    private var touched: [RecordKey] = []
    private var isTouched: Set<RecordKey> = []

    struct RecordKey: Hashable {
        var entity: EntityType
        var id: UUID
    }

    init(principal: Principal, now: Date, context: PushContext) {
        self.principal = principal
        self.now = now
        records = context.records
        stored = Set(context.records.flatMap { entity, states in states.keys.map { RecordKey(entity: entity, id: $0) } })
        followedUp = context.followedUp
        refusedByStore = context.refusedByStore
        plan = PushPlan(acknowledgement: PushAcknowledgement(ackedSequence: context.acknowledged), clock: context.clock)
    }

    /// Decides a pushed batch, or refuses it whole: a site of another agent
    /// (`PERMISSION_DENIED`), a pipelined batch whose predecessor (`previous`) was not
    /// acknowledged, or a sequence reused with other content (`FAILED_PRECONDITION`).
    static func plan(
        _ entries: [SequencedChange], after previous: UInt64?, from principal: Principal, now: Date, context: PushContext
    ) throws -> PushPlan {
        let site = principal.site
        if let owner = context.owner, owner != principal.agentID {
            throw ProtocolError(.permissionDenied, "site \(site) belongs to another agent; each laptop database syncs as one agent")
        }
        if let previous, context.acknowledged < previous {
            // The batch before this pipelined one was refused or lost: applying this one would make
            // the server take the earlier changes, when they come again, for replays.
            throw ProtocolError(
                .failedPrecondition,
                "the batch before this one (up to sequence \(previous)) was not applied; push again from sequence \(context.acknowledged + 1)")
        }
        var rules = PushRules(principal: principal, now: now, context: context)
        rules.plan.claimsSite = context.owner == nil
        let sorted = entries.sorted(by: { $0.sequence < $1.sequence })
        rules.plan.forgetBelow = sorted.first?.sequence
        for entry in sorted {
            let fingerprint = PushFingerprint.of(entry.change)
            guard entry.sequence > rules.plan.acknowledgement.ackedSequence else {
                // A replay (the acknowledgement was lost): the same answer as the first time.
                guard let first = context.remembered[entry.sequence], first.fingerprint == fingerprint else {
                    throw ProtocolError(
                        .failedPrecondition,
                        "site \(site) already pushed change \(entry.sequence) with other content: this agent database was copied "
                            + "from another laptop or restored from a backup; run `touchpoint-agent reset-site` to give it a site "
                            + "of its own and push its work again")
                }
                if let refusal = first.refusal {
                    rules.plan.acknowledgement.rejected.append(refusal)
                } else {
                    rules.plan.acknowledgement.duplicates += 1
                }
                continue
            }
            rules.plan.acknowledgement.ackedSequence = entry.sequence
            let rejection = try rules.apply(entry)
            if let rejection { rules.plan.acknowledgement.rejected.append(rejection) }
            rules.plan.remember.append((entry.sequence, PushContext.RememberedPush(fingerprint: fingerprint, refusal: rejection)))
        }
        return rules.finished()
    }

    /// Decides an admin's write of `values` to a record (a conflict resolved): one new
    /// version from the server clock, merged and logged like any change.
    static func plan(
        write values: [String: FieldValue], to entity: EntityType, id: UUID, by admin: UUID, now: Date, context: PushContext
    ) throws -> PushPlan {
        try adminWriting(values, to: entity, id: id, by: admin, now: now, context: context).finished()
    }

    /// The rules once an admin's write of `values` to a record is staged and committed.
    static func adminWriting(
        _ values: [String: FieldValue], to entity: EntityType, id: UUID, by admin: UUID, now: Date, context: PushContext
    ) throws -> PushRules {
        var clock = context.clock
        let principal = Principal(agentID: admin, name: "admin", role: .admin, territories: [], site: clock.site)
        let version = clock.tick(now: now)
        var rules = PushRules(principal: principal, now: now, context: context)
        rules.plan.clock = clock
        let stored = rules.records[entity]?[id]
        let change = Change(entity: entity, id: id, fields: values.keys.sorted().map { name in
            FieldChange(name: name, value: values[name]!, version: version, base: stored?.fields[name]?.version)
        })
        var staged = Staged(clock: rules.plan.clock)
        try rules.stage(change, stored: stored, into: &staged)
        rules.commit(staged)
        return rules
    }

    /// The plan with every record the batch changed, once each.
    func finished() -> PushPlan {
        var plan = self.plan
        plan.records = touched.compactMap { key in
            records[key.entity]?[key.id].map { PushPlan.RecordWrite(state: $0, isNew: !stored.contains(key)) }
        }
        return plan
    }

    /// Checks and stages one new change; returns its refusal, if any. A refused
    /// change leaves nothing behind.
    private mutating func apply(_ entry: SequencedChange) throws -> Rejection? {
        let change = entry.change
        let record = "\(change.entity.rawValue) \(change.id.lowercasedText)"
        if refusedByStore.contains(entry.sequence) {
            // The store's words name tables and columns: the client learns only that the store refused it.
            return Rejection(sequence: entry.sequence, code: .invalidArgument, message: "\(record): refused by the server's store")
        }
        let stored = records[change.entity]?[change.id]
        let placement = placement(of: change, stored: stored)
        if let rejection = SyncPolicy.check(change, seq: entry.sequence, by: principal, stored: stored, placement: placement) {
            return rejection
        }
        var staged = Staged(clock: plan.clock)
        do {
            try stage(erasingPersonalData(change, stored: stored), stored: stored, into: &staged)
        } catch {
            guard error is ValidationError || error is StoreError else { throw error }
            // The change's own fault (a refused value, an unknown customer) refuses it alone.
            let refusal = ProtocolError(converting: error)
            guard refusal.code == .invalidArgument else { throw error }
            let message = error is ValidationError ? "\(record): \(refusal.message)" : refusal.message
            return Rejection(sequence: entry.sequence, code: refusal.code, message: message)
        }
        try? staged.clock.receive(change.maxHLC, now: now)
        commit(staged)
        plan.acknowledgement.applied += 1
        return nil
    }

    /// What one change does, held apart until it is known to be accepted whole.
    struct Staged {
        var states: [RecordState] = []
        var log: [PushPlan.LogEntry] = []
        var conflicts: [PushPlan.KeptConflict] = []
        var clock: HybridLogicalClock

        /// The state of a record as this change has left it so far, else nil.
        func state(_ entity: EntityType, _ id: UUID) -> RecordState? {
            states.last { $0.entity == entity && $0.id == id }
        }
    }

    /// Merges a change, keeps its conflicts, logs it in scope and closes the loop, into `staged`.
    private mutating func stage(_ change: Change, stored: RecordState?, into staged: inout Staged) throws {
        var state = stored
        let result = try RecordTable.merge(change, into: &state, validate: true)
        if result.created, let state, state.isDeleted {
            // A new record arriving deleted is still a whole record (the store keeps its required fields).
            var values = state.values
            values[tombstoneField] = nil
            try change.entity.validate(id: change.id, fields: values)
        }
        staged.conflicts += result.conflicts.map { PushPlan.KeptConflict(entity: change.entity, id: change.id, conflict: $0) }
        guard let state, !result.applied.isEmpty else { return }
        staged.states.append(state)
        try logScoped(change, stored: stored, merged: state, applied: result.applied, into: &staged)
        try closeTheLoop(after: change, merged: state, created: result.created, into: &staged)
    }

    /// Makes a staged change part of the plan.
    mutating func commit(_ staged: Staged) {
        for state in staged.states {
            records[state.entity, default: [:]][state.id] = state
            let key = RecordKey(entity: state.entity, id: state.id)
            if isTouched.insert(key).inserted { touched.append(key) }
        }
        plan.log += staged.log
        plan.conflicts += staged.conflicts
        plan.acknowledgement.conflicts += staged.conflicts.count
        plan.clock = staged.clock
    }
}
