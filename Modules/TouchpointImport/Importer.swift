import Foundation
import TouchpointModel
import TouchpointStore

/// Imports a CSV or JSONL file into an agent database in batches of one transaction each.
///
/// ```swift
/// let summary = try Importer(store: store).run(bytes: data, format: .csv, entity: .customer) { print($0) }
/// ```
public struct Importer: Sendable {
    /// The database to import into (it must be initialized).
    public var store: AgentStore
    /// Rows per transaction.
    public var batchSize: Int

    /// Creates an importer.
    public init(store: AgentStore, batchSize: Int = 1000) {
        self.store = store
        self.batchSize = max(1, batchSize)
    }

    /// Reads every row, converts and writes it; reports each bad row to `rejected`
    /// in line order (after the batch it belongs to is written).
    ///
    /// `entity` is the type of rows that do not name one (`type` column or key).
    /// Throws only for a file that cannot be read at all, or a database failure.
    public func run(
        bytes: [UInt8], format: ImportFormat, entity: EntityType?, now: Date = Date(),
        rejected: (RejectedRow) -> Void, progress: (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        let started = ContinuousClock.now
        let converter = RecordConverter(agentID: try store.identity().agentID)
        var reader = try RowReader(bytes, format: format)
        if entity == nil, !reader.rowsMayNameType {
            throw ImportError("the file has no 'type' column: say what its rows are with --entity (\(EntityType.typedNames))")
        }
        var summary = ImportSummary()
        var batch: [ImportRow] = []
        var refused: [RejectedRow] = []
        func flush() throws {
            let result = try store.importBatch(batch, now: now)
            summary.imported += result.imported
            summary.duplicates += result.duplicates
            refused += result.rejected
            summary.rejected += refused.count
            for row in refused.sorted(by: { $0.line < $1.line }) { rejected(row) }
            batch.removeAll(keepingCapacity: true)
            refused.removeAll(keepingCapacity: true)
            let (read, total) = reader.progress
            progress(ImportProgress(bytesRead: read, totalBytes: total, rows: summary.rows))
        }
        while let item = reader.next() {
            summary.rows += 1
            switch item {
            case .bad(let row):
                refused.append(row)
            case .row(let row):
                do {
                    let rowEntity = try row.type.map(Self.entity) ?? entity
                    guard let rowEntity else { throw ImportError("no type: add a \"type\" key or pass --entity") }
                    batch.append(ImportRow(line: row.line, record: try converter.record(rowEntity, row.values)))
                } catch {
                    refused.append(RejectedRow(line: row.line, reason: "\(error)"))
                }
            }
            if batch.count >= batchSize { try flush() }
        }
        try flush()
        summary.seconds = Self.seconds(ContinuousClock.now - started)
        return summary
    }

    private static func entity(_ name: String) throws -> EntityType {
        guard let entity = EntityType.named(name) else {
            throw ImportError("unknown type '\(name)' (expected one of: \(EntityType.typedNames))")
        }
        return entity
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, atto) = duration.components
        return Double(s) + Double(atto) / 1e18
    }
}
