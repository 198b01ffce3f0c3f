import Foundation
import TouchpointModel

extension Touchpoint_V1_ChangeBatch {
    /// Decodes and validates the batch back into Model changes.
    ///
    /// - Parameter maxChanges: the most changes accepted (the batch or page limit).
    /// - Throws: `RESOURCE_EXHAUSTED` for more than `maxChanges` changes;
    ///   `INVALID_ARGUMENT` (with a `field` detail naming the culprit) for a
    ///   table index out of range, an id or site that is not 16 bytes, an
    ///   unknown entity type, a field named twice in one change, sequences
    ///   that do not increase or do not fit a store (above `Int64.max`), a version/base encoding that is
    ///   not canonical, or text that is not valid UTF-8.
    public func decodedChanges(maxChanges: Int = .max) throws(ProtocolError) -> [SequencedChange] {
        let (changes, refused) = try decodedPush(maxChanges: maxChanges)
        if let first = refused.first { throw first.error }
        return changes
    }

    /// Decodes a pushed batch like ``decodedChanges(maxChanges:)``, except that a
    /// change using text that is not valid UTF-8 (a name, a string-table entry or
    /// an inline text) is refused alone: it comes back in `refused` with
    /// `INVALID_ARGUMENT` and the other changes decode as usual.
    public func decodedPush(maxChanges: Int = .max) throws(ProtocolError) -> (changes: [SequencedChange], refused: [RefusedChange]) {
        guard changes.count <= maxChanges else {
            throw ProtocolError(
                .resourceExhausted,
                "batch of \(changes.count) changes exceeds the limit of \(maxChanges)",
                details: ["count": String(changes.count), "limit": String(maxChanges)]
            )
        }
        var siteTable: [SiteID] = []
        siteTable.reserveCapacity(sites.count)
        for (index, bytes) in sites.enumerated() {
            siteTable.append(try SiteID(wireBytes: bytes, field: "sites[\(index)]"))
        }
        let reader = ChangeBatchReader(
            sites: siteTable, names: names.map { String(validating: $0, as: UTF8.self) },
            strings: strings.map { String(validating: $0, as: UTF8.self) })
        var result: [SequencedChange] = []
        var refused: [RefusedChange] = []
        result.reserveCapacity(changes.count)
        var previous: UInt64?
        for (position, record) in changes.enumerated() {
            let path = "changes[\(position)]"
            let sequence = try WireInteger.sequence(record.sequence, field: "\(path).sequence")
            if let previous, sequence <= previous {
                throw invalid("\(path).sequence", "sequence \(sequence) does not increase (previous \(previous))")
            }
            previous = sequence
            if let error = reader.unreadableText(in: record, path: path) {
                refused.append(RefusedChange(sequence: sequence, error: error))
                continue
            }
            result.append(SequencedChange(sequence: sequence, change: try reader.change(record, path: path)))
        }
        return (result, refused)
    }
}

/// Resolves table references while decoding one batch.
private struct ChangeBatchReader {
    let sites: [SiteID]
    /// nil where the entry is not valid UTF-8.
    let names: [String?]
    /// nil where the entry is not valid UTF-8.
    let strings: [String?]

    /// The first text of the change that is not valid UTF-8, as an error naming it; indexes
    /// out of range are left to ``change(_:path:)``, which refuses the whole batch for them.
    func unreadableText(in record: Touchpoint_V1_ChangeRecord, path: String) -> ProtocolError? {
        for (index, entry) in record.fields.enumerated() {
            let fieldPath = "\(path).fields[\(index)]"
            if Int(entry.name) < names.count, names[Int(entry.name)] == nil {
                return invalid("\(fieldPath).name", "the field name is not valid UTF-8")
            }
            switch entry.value {
            case .text(let bytes) where String(validating: bytes, as: UTF8.self) == nil:
                return invalid("\(fieldPath).text", "the text is not valid UTF-8")
            case .textRef(let ref) where Int(ref) < strings.count && strings[Int(ref)] == nil:
                return invalid("\(fieldPath).text_ref", "string \(ref) is not valid UTF-8")
            default:
                continue
            }
        }
        return nil
    }

    func change(_ record: Touchpoint_V1_ChangeRecord, path: String) throws(ProtocolError) -> Change {
        let entity = try EntityType(wire: record.entity, field: "\(path).entity")
        let id = try UUID(wireBytes: record.id, field: "\(path).id")
        var fallback: FieldVersion?
        if record.hlc != 0 {
            fallback = FieldVersion(hlc: HLC(rawValue: record.hlc), site: try site(record.site, "\(path).site"))
        } else if record.site != 0 {
            throw invalid("\(path).site", "site must be 0 when hlc is 0")
        }
        var fields: [FieldChange] = []
        fields.reserveCapacity(record.fields.count)
        var seen = Set<String>()
        for (index, entry) in record.fields.enumerated() {
            let fieldPath = "\(path).fields[\(index)]"
            let field = try self.field(entry, fallback: fallback, path: fieldPath)
            guard seen.insert(field.name).inserted else {
                throw invalid("\(fieldPath).name", "field \"\(field.name)\" appears twice in one change")
            }
            fields.append(field)
        }
        return Change(entity: entity, id: id, fields: fields)
    }

    private func field(_ entry: Touchpoint_V1_FieldEntry, fallback: FieldVersion?, path: String) throws(ProtocolError) -> FieldChange {
        guard Int(entry.name) < names.count else {
            throw invalid("\(path).name", "name index \(entry.name) is outside the \(names.count)-entry name table")
        }
        let version: FieldVersion
        if entry.hlc != 0 {
            version = FieldVersion(hlc: HLC(rawValue: entry.hlc), site: try site(entry.site, "\(path).site"))
        } else if entry.site != 0 {
            throw invalid("\(path).site", "site must be 0 when hlc is 0")
        } else if let fallback {
            version = fallback
        } else {
            throw invalid("\(path).hlc", "field has no version and its change no default version")
        }
        var base: FieldVersion?
        if entry.baseHlc != 0 {
            base = FieldVersion(hlc: HLC(rawValue: entry.baseHlc), site: try site(entry.baseSite, "\(path).base_site"))
        } else if entry.baseSite != 0 {
            throw invalid("\(path).base_site", "base_site must be 0 when base_hlc is 0")
        }
        guard let name = names[Int(entry.name)] else { throw invalid("\(path).name", "the field name is not valid UTF-8") }
        return FieldChange(name: name, value: try value(entry.value, path: path), version: version, base: base)
    }

    private func value(_ value: Touchpoint_V1_FieldEntry.OneOf_Value?, path: String) throws(ProtocolError) -> FieldValue {
        switch value {
        case nil: return .null
        case .text(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw invalid("\(path).text", "the text is not valid UTF-8")
            }
            return .text(text)
        case .integer(let integer): return .integer(integer)
        case .real(let real): return .real(real)
        case .textRef(let index):
            guard Int(index) < strings.count else {
                throw invalid("\(path).text_ref", "string index \(index) is outside the \(strings.count)-entry string table")
            }
            guard let text = strings[Int(index)] else { throw invalid("\(path).text_ref", "string \(index) is not valid UTF-8") }
            return .text(text)
        case .uuidText(let bytes):
            return .text(try UUID(wireBytes: bytes, field: "\(path).uuid_text").lowercasedText)
        }
    }

    private func site(_ index: UInt32, _ path: String) throws(ProtocolError) -> SiteID {
        guard Int(index) < sites.count else {
            throw invalid(path, "site index \(index) is outside the \(sites.count)-entry site table")
        }
        return sites[Int(index)]
    }
}

private func invalid(_ field: String, _ message: String) -> ProtocolError {
    ProtocolError(.invalidArgument, "\(field): \(message)", details: ["field": field])
}
