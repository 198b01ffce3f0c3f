import Foundation
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
extension PushRules {
    /// Where the record is before the change and where the change would put it.
    func placement(of change: Change, stored: RecordState?) -> SyncPolicy.Placement {
        let written = Dictionary(change.written.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        var placement = SyncPolicy.Placement()
        if change.entity == .customer {
            placement.before = stored?.fields[PushContext.territoryField]?.value.text
            placement.after = written[PushContext.territoryField]?.text
            return placement
        }
        if let customer = stored?.fields[EntityType.customerField]?.value.text {
            placement.before = territory(ofCustomer: customer)
        }
        if let customer = written[EntityType.customerField]?.text {
            placement.after = territory(ofCustomer: customer)
            placement.unknownCustomer = placement.after == nil
        } else if stored?.fields.isEmpty ?? true {
            placement.unknownCustomer = true
        }
        return placement
    }

    /// The territory of a customer as the batch has left it so far; nil when the server does not know it.
    func territory(ofCustomer id: String, staged: Staged? = nil) -> String? {
        guard let id = UUID(text: id) else { return nil }
        let customer = staged?.state(.customer, id) ?? records[.customer]?[id]
        return customer?.fields[PushContext.territoryField]?.value.text
    }

    /// Logs what a change applied, and the whole record in its new territory when it moved.
    func logScoped(_ change: Change, stored: RecordState?, merged: RecordState, applied: [FieldChange], into staged: inout Staged) throws {
        let before = placement(of: Change(entity: change.entity, id: change.id, fields: []), stored: stored).before
        let written = Dictionary(applied.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        let after: String?
        if change.entity == .customer {
            after = written[PushContext.territoryField]?.text ?? before
        } else {
            after = written[EntityType.customerField]?.text.map { territory(ofCustomer: $0, staged: staged) } ?? before
        }
        guard let after else {
            throw StoreError(kind: .invalid, message: "\(change.entity.rawValue) \(change.id.lowercasedText): its customer is unknown")
        }
        guard let before, before != after else {
            log(change, applied: applied, territory: after, into: &staged)
            return
        }
        log(change, applied: applied, territory: before, into: &staged)
        logWhole(merged, territory: after, into: &staged)
        guard change.entity == .customer else { return }
        let customer = change.id.lowercasedText
        for entity in EntityType.allCases where entity != .customer {
            let dependents = (records[entity] ?? [:]).values.filter {
                $0.fields[EntityType.customerField]?.value.text?.lowercased() == customer
            }
            for dependent in dependents.sorted(by: { $0.id.lowercasedText < $1.id.lowercasedText }) {
                logWhole(dependent, territory: after, into: &staged)
            }
        }
    }

    /// Logs a record whole (every field with its version) under a territory, as the
    /// session that moved it: every other agent of the territory receives it, whoever
    /// wrote its fields.
    private func logWhole(_ state: RecordState, territory: String, into staged: inout Staged) {
        for change in state.replayChanges where !change.fields.isEmpty {
            log(change, applied: change.fields, territory: territory, into: &staged)
        }
    }

    /// Appends the winning fields of a change to the log under a territory, as
    /// `site` (default: the session's).
    func log(_ change: Change, applied: [FieldChange], territory: String, site: SiteID? = nil, into staged: inout Staged) {
        guard !applied.isEmpty else { return }
        staged.log.append(PushPlan.LogEntry(
            change: Change(entity: change.entity, id: change.id, fields: applied), territory: territory,
            site: site ?? principal.site, agentID: principal.agentID))
    }
}
