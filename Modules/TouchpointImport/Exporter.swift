import Foundation
import TouchpointModel
import TouchpointStore

/// Writes live records as CSV or JSONL in the shape ``Importer`` reads back.
///
/// Entities go out in ``EntityType/dependencyOrder`` so customers precede what
/// points at them. CSV has a leading `type` column, then `id` and the union of
/// the entities' fields, so any export imports back without `--entity`.
public struct Exporter: Sendable {
    /// The database to read.
    public var store: AgentStore

    /// Creates an exporter.
    public init(store: AgentStore) { self.store = store }

    /// Writes every live record of `entities`, text chunk by chunk, to `write`; returns how many records.
    @discardableResult
    public func run(format: ImportFormat, entities: [EntityType], write: (String) throws -> Void) throws -> Int {
        let ordered = EntityType.dependencyOrder.filter(entities.contains)
        var count = 0
        var buffer = ""
        func emit(_ text: String) throws {
            buffer += text
            if buffer.utf8.count >= 64 * 1024 {
                try write(buffer)
                buffer = ""
            }
        }
        let columns = RecordRow.columns(ordered)
        if format == .csv { try emit(CSVWriter.record(columns)) }
        for entity in ordered {
            try store.forEachRecord(entity) { record in
                count += 1
                switch format {
                case .csv: try emit(CSVWriter.record(RecordRow.csvFields(record, columns: columns)))
                case .jsonl: try emit(try RecordRow.jsonLine(record) + "\n")
                }
            }
        }
        if !buffer.isEmpty { try write(buffer) }
        return count
    }
}

extension AgentStore {
    /// Every live record of an entity in id order, typed behind `any SyncRecord`.
    public func forEachRecord(_ entity: EntityType, _ body: (any SyncRecord) throws -> Void) throws {
        func each<R: SyncRecord>(_ type: R.Type) throws { try forEach(type) { try body($0) } }
        try each(entity.recordType)
    }
}
