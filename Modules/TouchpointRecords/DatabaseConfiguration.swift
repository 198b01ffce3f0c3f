import GRDB

extension Configuration {
    /// How the agent and server stores open their SQLite files: wait up to 10 s for a lock, and keep temporary
    /// files (the statement journals of savepoints, temporary indexes) in memory — on disk they were most of the
    /// bytes an import wrote.
    package static var touchpointStore: Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") }
        return config
    }
}
