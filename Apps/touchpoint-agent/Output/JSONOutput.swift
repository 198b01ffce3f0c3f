import TouchpointCLI
import TouchpointImport
import TouchpointModel
import TouchpointStore

extension JSONOutput {
    /// Prints one record as an object (the export shape).
    static func record(_ record: any SyncRecord) throws { try object(RecordRow.jsonObject(record)) }

    /// Prints records as an array of objects.
    static func records(_ records: [any SyncRecord]) throws { try object(records.map(RecordRow.jsonObject)) }
}
