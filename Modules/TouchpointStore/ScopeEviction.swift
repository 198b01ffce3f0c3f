import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// Keeps an agent database to its scope: the customers of its territories and the
/// records that depend on them. Runs inside the caller's transaction.
///
/// Evicting removes rows without tombstones: the records still exist on the server,
/// this laptop just stops holding them (its changes were pushed before the pull).
struct ScopeEviction {
    let db: Database
    let territories: [String]

    /// Evicts the given customers, with their dependents, when they are outside the territories.
    func customersLeft(_ ids: Set<String>) throws {
        guard !territories.isEmpty else { return }
        for id in ids.sorted() {
            let territory = try String.fetchOne(db, sql: "SELECT territory FROM customers WHERE id = ?", arguments: [id])
            guard let territory, !territories.contains(territory) else { continue }
            for entity in EntityType.allCases where entity != .customer {
                try db.execute(sql: "DELETE FROM \(RecordSchema.table(entity)) WHERE customer_id = ?", arguments: [id])
            }
            try db.execute(sql: "DELETE FROM customers WHERE id = ?", arguments: [id])
        }
    }

    /// Evicts dependent records whose customer this laptop does not hold in scope.
    func dependentsLeft(_ records: [(EntityType, String)]) throws {
        guard !territories.isEmpty else { return }
        for (entity, id) in records {
            try db.execute(
                sql: """
                    DELETE FROM \(RecordSchema.table(entity)) WHERE id = ?
                    AND customer_id NOT IN (SELECT id FROM customers WHERE territory IN (\(placeholders)))
                    """, arguments: StatementArguments([id] + territories))
        }
    }

    /// Evicts every customer outside the territories, with its dependents (with no
    /// territories at all, everything: the server said this agent covers none).
    func everythingOutside() throws {
        guard !territories.isEmpty else {
            for entity in EntityType.allCases.reversed() { try db.execute(sql: "DELETE FROM \(RecordSchema.table(entity))") }
            return
        }
        let outside = "SELECT id FROM customers WHERE territory NOT IN (\(placeholders))"
        for entity in EntityType.allCases where entity != .customer {
            try db.execute(
                sql: "DELETE FROM \(RecordSchema.table(entity)) WHERE customer_id IN (\(outside))",
                arguments: StatementArguments(territories))
        }
        try db.execute(sql: "DELETE FROM customers WHERE territory NOT IN (\(placeholders))", arguments: StatementArguments(territories))
    }

    private var placeholders: String { Array(repeating: "?", count: territories.count).joined(separator: ", ") }
}
