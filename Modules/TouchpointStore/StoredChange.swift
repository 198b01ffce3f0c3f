import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

/// How the outbox and the dead letters keep a change and what it overwrote: the
/// protobuf `ChangeRecord` bytes the wire carries (``TouchpointModel/Change/recordBytes()``),
/// so a change has one encoding wherever it is stored or sent.
enum StoredChange {
    /// The bytes of a change.
    static func bytes(_ change: Change) throws -> Data {
        do {
            return try change.recordBytes()
        } catch {
            throw StoreError.invalid("\(change.entity.rawValue) \(change.id.lowercasedText): \(error.message)")
        }
    }

    /// The change held in `bytes`.
    static func change(_ bytes: Data) throws -> Change {
        do {
            return try Change(recordBytes: bytes)
        } catch {
            throw StoreError.corrupt("a stored change does not decode: \(error.message)")
        }
    }

    /// The bytes of what a change overwrote: the prior value and version of each field
    /// it writes that existed, as a change of the same record.
    static func priorBytes(_ fields: [FieldChange], of change: Change) throws -> Data {
        try bytes(Change(entity: change.entity, id: change.id, fields: fields))
    }

    /// The prior fields held in bytes written by ``priorBytes(_:of:)``.
    static func prior(_ bytes: Data) throws -> [FieldChange] { try change(bytes).fields }
}
