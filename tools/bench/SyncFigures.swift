/// What `touchpoint-bench sync` measured: one agent's push, a fresh agent's cold pull, their references and the
/// bytes the push put on the wire.
struct SyncFigures: Encodable, Sendable {
    var pushedInteractions: Int
    /// Customers the interactions point at, pushed before the timed push.
    var customers: Int
    var localWritesRecordsPerSecond: Double
    var pushSeconds: Double
    /// Interactions pushed, merged and logged by the server, per second.
    var pushRecordsPerSecond: Double
    /// Records a fresh agent pulled and applied (the push plus what was seeded into the server).
    var pulledRecords: Int
    var pullSeconds: Double
    var pullRecordsPerSecond: Double
    /// Reference, raw SQLite: the pushed rows inserted into a plain table with an id key, 1,000 per transaction.
    var plainRawRowsPerSecond: Double
    /// Reference, raw SQLite: the pushed rows into the record table with its keys, checks and indexes, no sync metadata.
    var sameSchemaRawRowsPerSecond: Double
    /// TCP payload the pushing client sent in its push session (handshake, frames, compression, goodbye).
    var wireBytesToServer: Int
    /// TCP payload the server sent back in that session (welcome, acknowledgements).
    var wireBytesToClient: Int
    /// `wireBytesToServer` per pushed interaction (every interaction has a free-text summary field).
    var wireBytesPerInteraction: Double
}
