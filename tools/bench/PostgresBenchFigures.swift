/// What `touchpoint-bench postgres` measured: push throughput through real server processes on each store.
struct PostgresBenchFigures: Encodable, Sendable {
    var agents: Int
    var pushedInteractions: Int
    var sqlitePushRecordsPerSecond: Double
    var postgresOneInstancePushRecordsPerSecond: Double
    var postgresTwoInstancesPushRecordsPerSecond: Double
    /// The reference: raw SQLite inserting the same rows into the same schema, 1,000 per transaction.
    var sameSchemaRawRowsPerSecond: Double
    /// The PostgreSQL server's `synchronous_commit` and `fsync`, which bound a commit.
    var postgresSynchronousCommit: String
    var postgresFsync: String
}
