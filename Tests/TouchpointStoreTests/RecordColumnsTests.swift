import Foundation
import GRDB
import Testing
import TouchpointModel
@testable import TouchpointStore

/// The record tables' columns are the descriptors' fields: same names in the same
/// order, NOT NULL exactly where a field is required, INTEGER where it travels as
/// an integer. The migrations are frozen once shipped, so this is checked, not derived.
@Suite struct RecordColumnsTests {
    @Test(arguments: EntityType.allCases)
    func columnsAreTheDescriptorsFields(entity: EntityType) throws {
        let queue = try DatabaseQueue()
        _ = try AgentStore(writer: queue)
        let columns = try queue.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(\(RecordSchema.table(entity)))")
        }
        let fields = columns.filter { !["id", "deleted", "_versions", "_extra"].contains($0["name"] as String) }
        #expect(fields.map { $0["name"] as String } == entity.descriptor.names)
        for (column, field) in zip(fields, entity.descriptor.fields) {
            #expect((column["notnull"] as Int == 1) == field.isRequired, "\(entity.rawValue).\(field.name) NOT NULL")
            #expect((column["type"] as String == "INTEGER") == field.kind.isInteger, "\(entity.rawValue).\(field.name) type")
        }
    }

    @Test(arguments: EntityType.allCases)
    func listsSortAndSearchOnFieldsOfTheEntity(entity: EntityType) {
        if let date = entity.dateColumn { #expect(entity.descriptor.field(date)?.kind == .time) }
        #expect(entity.descriptor.field(entity.searchColumn) != nil)
    }
}
