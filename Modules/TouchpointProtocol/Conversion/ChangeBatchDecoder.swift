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
    ///   that do not increase or do not fit a store (above `Int64.max`), or a version/base encoding that is not canonical.
    public func decodedChanges(maxChanges: Int = .max) throws(ProtocolError) -> [SequencedChange] {
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
        let reader = ChangeBatchReader(sites: siteTable, names: names, strings: strings)
        var result: [SequencedChange] = []
        result.reserveCapacity(changes.count)
        var previous: UInt64?
        for (position, record) in changes.enumerated() {
            let path = "changes[\(position)]"
            let sequence = try WireInteger.sequence(record.sequence, field: "\(path).sequence")
            if let previous, sequence <= previous {
                throw invalid("\(path).sequence", "sequence \(sequence) does not increase (previous \(previous))")
            }
            previous = sequence
            result.append(SequencedChange(sequence: sequence, change: try reader.change(record, path: path)))
        }
        return result
    }
}

/// Resolves table references while decoding one batch.
private struct ChangeBatchReader {
    let sites: [SiteID]
    let names: [String]
    let strings: [String]

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
        return FieldChange(name: names[Int(entry.name)], value: try value(entry.value, path: path), version: version, base: base)
    }

    private func value(_ value: Touchpoint_V1_FieldEntry.OneOf_Value?, path: String) throws(ProtocolError) -> FieldValue {
        switch value {
        case nil: return .null
        case .text(let text): return .text(text)
        case .integer(let integer): return .integer(integer)
        case .real(let real): return .real(real)
        case .textRef(let index):
            guard Int(index) < strings.count else {
                throw invalid("\(path).text_ref", "string index \(index) is outside the \(strings.count)-entry string table")
            }
            return .text(strings[Int(index)])
        case .uuidText(let bytes):
            return .text(try UUID(wireBytes: bytes, field: "\(path).uuid_text").uuidString.lowercased())
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
