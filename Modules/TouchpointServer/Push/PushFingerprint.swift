import TouchpointModel
import TouchpointRecords

/// A stable 64-bit fingerprint of a pushed change's content, kept in the push log
/// so a replayed sequence is told from a reused one (a copied laptop).
///
/// Its input must not change between versions: fingerprints stored before an
/// upgrade are compared with those computed after.
enum PushFingerprint {
    static func of(_ change: Change) -> Int64 {
        Int64(bitPattern: RecordDigest.fingerprint(
            [change.entity.rawValue, change.id.lowercasedText, FieldChangeCoding.encode(change.fields)]))
    }
}
