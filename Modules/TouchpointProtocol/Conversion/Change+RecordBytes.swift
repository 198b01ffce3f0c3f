import Foundation
import SwiftProtobuf
import TouchpointModel

extension Change {
    /// The change as the change log and the outbox keep it: the wire's
    /// `ChangeBatch` holding this one `ChangeRecord` (sequence 0) with its own
    /// tables, so a stored change is read by the same decoder, with the same
    /// checks, as a pushed or pulled one.
    ///
    /// - Throws: `INVALID_ARGUMENT` for a version or base with HLC zero.
    public func recordBytes() throws(ProtocolError) -> Data {
        let batch = try Touchpoint_V1_ChangeBatch(changes: [SequencedChange(sequence: 0, change: self)])
        do {
            return try batch.serializedData()
        } catch {
            throw ProtocolError(.internal, "a change could not be encoded: \(error)")
        }
    }

    /// Decodes bytes written by ``recordBytes()``.
    ///
    /// - Throws: `INVALID_ARGUMENT` when the bytes are not one valid change.
    public init(recordBytes: Data) throws(ProtocolError) {
        let batch: Touchpoint_V1_ChangeBatch
        do {
            batch = try Touchpoint_V1_ChangeBatch(serializedBytes: recordBytes)
        } catch {
            throw ProtocolError(.invalidArgument, "a stored change is not a protobuf ChangeBatch: \(error)")
        }
        guard batch.changes.count == 1, batch.changes[0].sequence == 0 else {
            throw ProtocolError(.invalidArgument, "a stored change holds \(batch.changes.count) records, not one")
        }
        self = try batch.decodedChanges(maxChanges: 1)[0].change
    }
}
