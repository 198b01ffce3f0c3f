import Foundation
import TouchpointModel

extension Touchpoint_V1_ChangeBatch {
    /// Encodes changes compactly: site ids, field names and text values used
    /// more than once go once into the batch's tables and fields refer to them
    /// by index; each change's most common field version becomes its default
    /// version; other text that is a lowercase UUID travels as 16 bytes.
    ///
    /// The output is deterministic (tables in order of first use), so equal
    /// inputs give equal bytes.
    ///
    /// - Throws: `INVALID_ARGUMENT` for a version or base with HLC zero, which
    ///   the wire reserves for "default" / "none".
    public init(changes: [SequencedChange]) throws(ProtocolError) {
        var builder = ChangeBatchBuilder(changes: changes)
        self = try builder.build()
    }
}

/// Builds the tables and records of one batch.
private struct ChangeBatchBuilder {
    private let changes: [SequencedChange]
    private var batch = Touchpoint_V1_ChangeBatch()
    private var siteIndex: [SiteID: UInt32] = [:]
    private var nameIndex: [String: UInt32] = [:]
    private var stringIndex: [String: UInt32] = [:]
    /// Text values used more than once: these go into the strings table.
    private let sharedStrings: Set<String>

    init(changes: [SequencedChange]) {
        self.changes = changes
        // One change (a change-log entry) rarely repeats a text: skip counting.
        guard changes.count > 1 else {
            sharedStrings = []
            return
        }
        var counts: [String: Int] = [:]
        for sequenced in changes {
            for field in sequenced.change.fields {
                if case .text(let text) = field.value {
                    counts[text, default: 0] += 1
                }
            }
        }
        sharedStrings = Set(counts.filter { $0.value > 1 }.keys)
    }

    mutating func build() throws(ProtocolError) -> Touchpoint_V1_ChangeBatch {
        batch.changes.reserveCapacity(changes.count)
        for (position, sequenced) in changes.enumerated() {
            batch.changes.append(try record(sequenced, position: position))
        }
        return batch
    }

    private mutating func record(_ sequenced: SequencedChange, position: Int) throws(ProtocolError) -> Touchpoint_V1_ChangeRecord {
        let change = sequenced.change
        var record = Touchpoint_V1_ChangeRecord()
        record.sequence = sequenced.sequence
        record.entity = change.entity.wire
        record.id = change.id.wireBytes
        let fallback = change.fields.lazy.map(\.version).mostCommon
        if let fallback {
            record.hlc = fallback.hlc.rawValue
            record.site = site(fallback.site)
        }
        record.fields.reserveCapacity(change.fields.count)
        for (index, field) in change.fields.enumerated() {
            let path = "changes[\(position)].fields[\(index)]"
            guard field.version.hlc != .zero else {
                throw ProtocolError(.invalidArgument, "\(path) has a version with HLC zero", details: ["field": path])
            }
            var entry = Touchpoint_V1_FieldEntry()
            entry.name = name(field.name)
            setValue(field.value, on: &entry)
            if field.version != fallback {
                entry.hlc = field.version.hlc.rawValue
                entry.site = site(field.version.site)
            }
            if let base = field.base {
                guard base.hlc != .zero else {
                    throw ProtocolError(.invalidArgument, "\(path) has a base with HLC zero", details: ["field": path])
                }
                entry.baseHlc = base.hlc.rawValue
                entry.baseSite = site(base.site)
            }
            record.fields.append(entry)
        }
        return record
    }

    private mutating func setValue(_ value: FieldValue, on entry: inout Touchpoint_V1_FieldEntry) {
        switch value {
        case .null:
            break
        case .integer(let integer):
            entry.integer = integer
        case .real(let real):
            entry.real = real
        case .text(let text):
            if sharedStrings.contains(text) {
                entry.textRef = string(text)
            } else if let bytes = Self.uuidBytes(text) {
                entry.uuidText = bytes
            } else {
                entry.text = Data(text.utf8)
            }
        }
    }

    private mutating func site(_ site: SiteID) -> UInt32 {
        Self.intern(site, in: &siteIndex) { batch.sites.append(site.wireBytes) }
    }

    private mutating func name(_ name: String) -> UInt32 {
        Self.intern(name, in: &nameIndex) { batch.names.append(Data(name.utf8)) }
    }

    private mutating func string(_ text: String) -> UInt32 {
        Self.intern(text, in: &stringIndex) { batch.strings.append(Data(text.utf8)) }
    }

    private static func intern<Key: Hashable>(_ key: Key, in index: inout [Key: UInt32], append: () -> Void) -> UInt32 {
        if let existing = index[key] { return existing }
        let next = UInt32(index.count)
        index[key] = next
        append()
        return next
    }

    /// The 16 bytes of `text` when it is a UUID in lowercase canonical form.
    static func uuidBytes(_ text: String) -> Data? {
        guard text.utf8.count == 36, let uuid = UUID(text: text),
            uuid.lowercasedText == text
        else { return nil }
        return uuid.wireBytes
    }
}
