import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// Where records are, and how a change that moves one between territories is logged.
///
/// A record is in its customer's territory. When a change moves it (a customer
/// changes territory; a record is re-parented to a customer of another territory),
/// the change is logged under the old territory, so agents there learn it left
/// and evict it, and the whole record (every field with its version) — for a
/// customer, with every record that depends on it — is logged under the new one,
/// so agents there receive it whole. A pull never hands an agent a partial record.
extension PushTransaction {
    /// Where the record is before the change and where the change would put it.
    mutating func placement(of change: Change, stored: RecordState?) throws -> SyncPolicy.Placement {
        let written = Dictionary(change.written.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        var placement = SyncPolicy.Placement()
        if change.entity == .customer {
            placement.before = stored?.fields["territory"]?.value.text
            placement.after = written["territory"]?.text
            return placement
        }
        if let customer = stored?.fields["customer_id"]?.value.text {
            placement.before = try territory(ofCustomer: customer)
        }
        if let customer = written["customer_id"]?.text {
            placement.after = try territory(ofCustomer: customer)
            placement.unknownCustomer = placement.after == nil
        } else if stored?.fields.isEmpty ?? true {
            placement.unknownCustomer = true
        }
        return placement
    }

    /// The territory of a customer as stored now (cached per batch).
    mutating func territory(ofCustomer id: String) throws -> String? {
        let key = id.lowercased()
        if let known = territories[key] { return known }
        let found = try String.fetchOne(db, sql: "SELECT territory FROM customers WHERE id = ?", arguments: [key])
        territories[key] = found
        return found
    }

    /// Logs what a change applied, and the whole record in its new territory when it moved.
    mutating func logScoped(_ change: Change, stored: RecordState?, applied: [FieldChange]) throws {
        guard !applied.isEmpty else { return }
        let before = try placement(of: Change(entity: change.entity, id: change.id, fields: []), stored: stored).before
        let written = Dictionary(applied.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        let after: String?
        if change.entity == .customer {
            after = written["territory"]?.text ?? before
            territories[change.id.text] = after
        } else {
            after = try written["customer_id"]?.text.map { try territory(ofCustomer: $0) } ?? before
        }
        guard let after else {
            throw StoreError(kind: .invalid, message: "\(change.entity.rawValue) \(change.id.text): its customer is unknown")
        }
        guard let before, before != after else {
            try log(change, applied: applied, territory: after)
            return
        }
        try log(change, applied: applied, territory: before)
        guard let merged = try table.load(change.entity, change.id, db) else { return }
        try logWhole(merged, territory: after)
        guard change.entity == .customer else { return }
        for entity in EntityType.allCases where entity != .customer {
            var dependents: [RecordState] = []
            try table.forEachState(entity, where: "r.customer_id = ?", arguments: [change.id.text.databaseValue], db) {
                dependents.append($0)
            }
            for dependent in dependents { try logWhole(dependent, territory: after) }
        }
    }

    /// Logs a record whole (every field with its version) under a territory, as the
    /// session that moved it: every other agent of the territory receives it, whoever
    /// wrote its fields.
    private mutating func logWhole(_ state: RecordState, territory: String) throws {
        for change in state.replayChanges where !change.fields.isEmpty {
            try log(change, applied: change.fields, territory: territory)
        }
    }
}
