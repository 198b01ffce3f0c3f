import Foundation
import TouchpointModel

/// Ids for imported rows that have none: derived from the entity and the row's
/// field values, so importing the same file twice yields the same ids (and the
/// second import finds every row already present).
public enum DeterministicID {
    /// A version-8 (custom) UUID from the entity and its field values (every field of the entity's descriptor,
    /// in order; a field added after the first schema only when it has a value, so that a row keeps the id it
    /// had before the field existed).
    public static func make(_ entity: EntityType, _ fields: [String: FieldValue]) -> UUID {
        var a = Hash(seed: 0xcbf2_9ce4_8422_2325)
        var b = Hash(seed: 0x6c62_272e_07bb_0142)
        func feed(_ text: String) {
            for byte in text.utf8 {
                a.add(byte)
                b.add(byte)
            }
        }
        feed(entity.rawValue)
        for field in entity.descriptor.fields {
            let value = fields[field.name] ?? .null
            if field.since > 1, value.isNull { continue }
            feed("\u{1E}\(field.name)\u{1F}")
            switch value {
            case .null: feed("n")
            case .text(let s): feed("t" + s)
            case .integer(let i): feed("i\(i)")
            case .real(let d): feed("r\(d)")
            }
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for (offset, word) in [a.finished, b.finished].enumerated() {
            for i in 0..<8 { bytes[offset * 8 + i] = UInt8(truncatingIfNeeded: word >> (56 - 8 * UInt64(i))) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: custom
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }

    /// FNV-1a (64-bit) with a chosen offset basis, finished with the splitmix64 mixer.
    private struct Hash {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func add(_ byte: UInt8) {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }

        var finished: UInt64 {
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }
}
