/// What `touchpoint-bench import` measured, with its same-run references.
struct ImportFigures: Encodable, Sendable {
    var rows: Int
    var batchRows: Int
    var seconds: Double
    /// The library import: CSV parse, validation, dedupe, versions, outbox.
    var rowsPerSecond: Double
    /// Reference, raw SQLite: prepared INSERT of the same text into a plain table, same batches.
    var plainRawRowsPerSecond: Double
    /// Reference, raw SQLite: the same rows, typed, into the record table with its keys, checks and indexes, no sync metadata.
    var sameSchemaRawRowsPerSecond: Double
    var csvParseRowsPerSecond: Double
}
