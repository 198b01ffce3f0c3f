import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// The order-independent digest of every record this database holds.
    public func digest() throws -> RecordDigest {
        try writer.read { db in
            var table = RecordTable()
            var digest = RecordDigest()
            for entity in EntityType.allCases {
                try table.forEachState(entity, db) { digest.add($0) }
            }
            return digest
        }
    }
}
