import Foundation
import GRDB
import TouchpointModel

/// Fields of a record that this schema does not know — written by a newer agent —
/// kept with their versions so they merge, travel and digest like any other field.
///
/// They live in the `_extra` column of the record table, as a JSON object
/// `{"name": [value, hlc, siteIndex], …}` (values in the outbox's JSON form, site
/// indexes into the `sites` table), or NULL when there are none. Names never reach
/// SQL: they are checked here and stored inside the JSON text only.
///
/// When a later version adds a column for such a field, a record's entry here still
/// reads back (the newer version wins over an empty column) and moves to the column
/// the next time the record is saved; its migration should move the values at once
/// so that SQL reads of the column see them.
package enum ExtraFields {
    /// The longest field name accepted, in bytes.
    package static let maxNameLength = 64
    /// The most bytes the unknown fields of one record may take (names plus values:
    /// text as UTF-8, a number as 8), the same count on every replica.
    package static let maxBytes = 65_536

    /// Names that are never field names: the table's own columns.
    private static let reserved: Set<String> = ["id", "deleted"]
    /// Each entity's known field names.
    private static let known: [EntityType: Set<String>] = Dictionary(
        uniqueKeysWithValues: EntityType.allCases.map { ($0, Set($0.fieldNames)) })

    /// True for a name this schema does not know (the tombstone is known everywhere).
    package static func isUnknown(_ name: String, in entity: EntityType) -> Bool {
        name != tombstoneField && !known[entity]!.contains(name)
    }

    /// True for a well-formed field name: 1–64 of `a-z`, `0-9`, `_`, not starting with `_`.
    package static func isWellFormed(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= maxNameLength, bytes.first != UInt8(ascii: "_"), !reserved.contains(name) else {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// Refuses a change that names a field this schema does not know with a malformed name.
    package static func checkNames(_ change: Change) throws {
        for field in change.fields where isUnknown(field.name, in: change.entity) && !isWellFormed(field.name) {
            let shown = field.name.count > maxNameLength ? "\(field.name.prefix(maxNameLength))…" : field.name
            throw StoreError.invalid(
                "\(change.entity.rawValue) \(change.id.lowercasedText): field name \(shown.debugDescription) is not valid"
                    + " (1–\(maxNameLength) of a-z, 0-9 and _, not starting with _)")
        }
    }

    /// Refuses a record whose unknown fields take more than ``maxBytes``.
    package static func checkSize(_ state: RecordState) throws {
        var bytes = 0
        for (name, field) in state.fields where isUnknown(name, in: state.entity) {
            bytes += name.utf8.count
            switch field.value {
            case .null: break
            case .text(let text): bytes += text.utf8.count
            case .integer, .real: bytes += 8
            }
        }
        guard bytes > maxBytes else { return }
        throw StoreError.invalid(
            "\(state.entity.rawValue) \(state.id.lowercasedText): fields unknown to this schema take \(bytes) bytes,"
                + " more than the \(maxBytes) allowed per record")
    }

    /// The `_extra` text of a state's unknown fields, or nil when it has none.
    static func encode(_ state: RecordState, sites: inout SiteTable, _ db: Database) throws -> String? {
        try encode(state) { try sites.index(of: $0, db) }
    }

    /// The `_extra` text of a state's unknown fields, or nil when it has none, given each site's index
    /// (the form a store other than SQLite uses, as with ``VersionsColumn``).
    package static func encode(_ state: RecordState, siteIndex: (SiteID) throws -> Int64) throws -> String? {
        let names = state.fields.keys.filter { isUnknown($0, in: state.entity) }.sorted()
        guard !names.isEmpty else { return nil }
        var out = "{"
        for name in names {
            let field = state.fields[name]!
            if out.count > 1 { out += "," }
            FieldChangeCoding.appendString(name, to: &out)
            out += ":["
            FieldChangeCoding.appendValue(field.value, to: &out)
            out += ",\(field.version.hlc.rawValue),\(try siteIndex(field.version.site))]"
        }
        return out + "}"
    }

    /// Adds the fields of an `_extra` text to `fields`.
    static func decode(_ text: String, into fields: inout [String: FieldState], sites: inout SiteTable, _ db: Database) throws {
        try decode(text, into: &fields) { try sites.site(at: $0, db) }
    }

    /// Adds the fields of an `_extra` text to `fields`, given the site at each index.
    package static func decode(_ text: String, into fields: inout [String: FieldState], site: (Int64) throws -> SiteID) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw StoreError.corrupt("bad _extra \(text.prefix(200))")
        }
        for (name, entry) in object {
            guard let parts = entry as? [Any], parts.count == 3, let hlc = (parts[1] as? NSNumber)?.uint64Value,
                let index = (parts[2] as? NSNumber)?.int64Value
            else { throw StoreError.corrupt("bad _extra entry for \(name)") }
            let version = FieldVersion(hlc: HLC(rawValue: hlc), site: try site(index))
            if let column = fields[name], column.version >= version { continue }
            fields[name] = FieldState(value: try FieldChangeCoding.value(parts[0]), version: version)
        }
    }
}
