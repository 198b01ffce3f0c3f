import Foundation

/// An order-independent digest of a set of records: equal digests mean converged.
///
/// Each record hashes (FNV-1a, 64-bit) its entity, id and every field's name,
/// value and version in name order; a digest sums those hashes per entity
/// (wrapping), so it does not depend on the order records are visited in.
/// PROTOCOL.md section 6.9 gives the byte layout, with a worked example.
public struct RecordDigest: Hashable, Sendable, Codable {
    /// Per entity (raw value): record count and the wrapping sum of record hashes.
    public var entities: [String: Part]

    /// One entity's share of the digest.
    public struct Part: Hashable, Sendable, Codable {
        public var count: Int
        public var sum: UInt64

        /// Creates a part.
        public init(count: Int = 0, sum: UInt64 = 0) {
            self.count = count
            self.sum = sum
        }
    }

    /// An empty digest with a zero part for every entity.
    public init() {
        entities = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { ($0.rawValue, Part()) })
    }

    /// Adds one record; a deleted one counts for nothing. A tombstone lives only until
    /// the server's garbage collection purges it (every active agent has pulled it), so
    /// replicas that hold one, never had it or dropped it hold the same records.
    public mutating func add(_ state: RecordState) {
        guard !state.isDeleted else { return }
        var part = entities[state.entity.rawValue] ?? Part()
        part.count += 1
        part.sum &+= Self.hash(state)
        entities[state.entity.rawValue] = part
    }

    /// The entities whose parts differ between two digests.
    public func differences(from other: RecordDigest) -> [String] {
        Set(entities.keys).union(other.entities.keys).sorted().filter { entities[$0] != other.entities[$0] }
    }

    /// A stable 64-bit fingerprint (FNV-1a) of a list of strings, the same on every platform and run.
    public static func fingerprint(_ parts: [String]) -> UInt64 {
        var h = FNV1a()
        for part in parts { h.add(part) }
        return h.value
    }

    /// The hash of one record's full state.
    public static func hash(_ state: RecordState) -> UInt64 {
        var h = FNV1a()
        h.add(state.entity.rawValue)
        h.add(state.id.lowercasedText)
        for name in state.fields.keys.sorted() {
            let field = state.fields[name]!
            h.add(name)
            h.add(digestText(field.value))
            h.add(field.version.hlc.rawValue)
            h.add(field.version.site.description)
        }
        return h.value
    }
}

extension RecordDigest {
    /// A value as the digest hashes it: `null`, text in double quotes (not escaped),
    /// an integer in decimal, a real as `r` and the 16 lower-case hex digits of its
    /// IEEE-754 bits, so that every implementation writes the same bytes.
    static func digestText(_ value: FieldValue) -> String {
        switch value {
        case .null:
            return "null"
        case .text(let text):
            return "\"\(text)\""
        case .integer(let integer):
            return String(integer)
        case .real(let real):
            let hex = String(real.bitPattern, radix: 16)
            return "r" + String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}
