import Foundation
import TouchpointModel
import TouchpointStore

/// Prints JSON on stdout for `--json` (sorted keys, pretty-printed).
enum JSONOutput {
    /// Prints a JSON-compatible object or array.
    static func object(_ object: Any) throws {
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints one record as an object (the export shape).
    static func record(_ record: any SyncRecord) throws { try object(RecordRow.jsonObject(record)) }

    /// Prints records as an array of objects.
    static func records(_ records: [any SyncRecord]) throws { try object(records.map(RecordRow.jsonObject)) }
}
