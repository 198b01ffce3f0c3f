import TouchpointModel

/// The `_versions` column: the version of each of a record's own fields and of
/// its tombstone, with sites as indexes into the `sites` table.
///
/// Most records carry one version for all their fields (they were written
/// together), so the column holds that version once and only the exceptions:
///
///     1750000000000000:3/12;status=1750000000500000:7;_deleted
///
/// — default version `hlc:site` and the number of the entity's fields when the
/// column was written (fields are only ever appended, so the fields after those
/// are absent: a later schema reads an older row right); then, in field order,
/// `;name=hlc:site` for a field with another version, `;name` for a field the
/// record does not have (for the tombstone, which records rarely have,
/// `;_deleted` means it has the default version). About 20 bytes where one JSON entry per field took
/// 400. Columns written before this format, `{"field":[hlc,site],…}`, are still
/// read; a record without own fields is written `{}`.
package enum VersionsColumn {
    /// The column text for the own fields of `state`, given each site's index.
    package static func encode(_ state: RecordState, siteIndex: (SiteID) throws -> Int64) throws -> String {
        let own = state.entity.fieldNames
        guard let common = (own + [tombstoneField]).compactMap({ state.fields[$0]?.version }).mostCommon else { return "{}" }
        var out = try text(common, siteIndex) + "/\(own.count)"
        for name in own {
            guard let version = state.fields[name]?.version else {
                out += ";" + name
                continue
            }
            if version != common { out += ";\(name)=" + (try text(version, siteIndex)) }
        }
        if let tombstone = state.fields[tombstoneField]?.version {
            out += ";" + tombstoneField + (tombstone == common ? "" : "=" + (try text(tombstone, siteIndex)))
        }
        return out
    }

    /// The versions the column text names, for `entity`, given the site at each index.
    package static func decode(
        _ text: String, entity: EntityType, site: (Int64) throws -> SiteID
    ) throws -> [String: FieldVersion] {
        if text.utf8.first == UInt8(ascii: "{") { return try decodeObject(text, site: site) }
        var parts = text.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)[...]
        guard let first = parts.popFirst() else { throw failure(text) }
        guard let slash = first.firstIndex(of: UInt8(ascii: "/")), let covered = Int(Substring(first[first.index(after: slash)...]))
        else { throw failure(text) }
        let common = try version(first[..<slash], text, site)
        var result: [String: FieldVersion] = [:]
        result.reserveCapacity(entity.fieldNames.count + 1)
        for name in entity.fieldNames.prefix(covered) { result[name] = common }
        for part in parts {
            if let equals = part.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(Substring(part[..<equals]))
                result[name] = try version(part[part.index(after: equals)...], text, site)
            } else {
                let name = String(Substring(part))
                result[name] = name == tombstoneField ? common : nil
            }
        }
        return result
    }

    private static func text(_ version: FieldVersion, _ siteIndex: (SiteID) throws -> Int64) throws -> String {
        "\(version.hlc.rawValue):\(try siteIndex(version.site))"
    }

    private static func version(
        _ bytes: Substring.UTF8View.SubSequence, _ text: String, _ site: (Int64) throws -> SiteID
    ) throws -> FieldVersion {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
            let hlc = UInt64(Substring(bytes[..<colon])), let index = Int64(Substring(bytes[bytes.index(after: colon)...]))
        else { throw failure(text) }
        return FieldVersion(hlc: HLC(rawValue: hlc), site: try site(index))
    }

    private static func failure(_ text: String) -> StoreError { StoreError.corrupt("bad _versions \(text)") }

    /// Parses the `{"field":[hlc,siteIndex],…}` text of columns written before the compact
    /// format. Field names are identifiers (no escapes), so a small scanner does.
    private static func decodeObject(_ text: String, site: (Int64) throws -> SiteID) throws -> [String: FieldVersion] {
        var result: [String: FieldVersion] = [:]
        var bytes = Substring(text).utf8[...]
        func expect(_ byte: UInt8) throws {
            guard bytes.first == byte else { throw failure(text) }
            bytes = bytes.dropFirst()
        }
        func number() throws -> UInt64 {
            var value: UInt64 = 0
            var digits = 0
            while let byte = bytes.first, byte >= 0x30, byte <= 0x39 {
                value = value &* 10 &+ UInt64(byte - 0x30)
                bytes = bytes.dropFirst()
                digits += 1
            }
            guard digits > 0 else { throw failure(text) }
            return value
        }
        try expect(UInt8(ascii: "{"))
        while bytes.first == UInt8(ascii: "\"") {
            bytes = bytes.dropFirst()
            guard let end = bytes.firstIndex(of: UInt8(ascii: "\"")) else { throw failure(text) }
            let name = String(Substring(bytes[..<end]))
            bytes = bytes[bytes.index(after: end)...]
            try expect(UInt8(ascii: ":"))
            try expect(UInt8(ascii: "["))
            let hlc = try number()
            try expect(UInt8(ascii: ","))
            let index = Int64(try number())
            try expect(UInt8(ascii: "]"))
            result[name] = FieldVersion(hlc: HLC(rawValue: hlc), site: try site(index))
            if bytes.first == UInt8(ascii: ",") { bytes = bytes.dropFirst() }
        }
        try expect(UInt8(ascii: "}"))
        return result
    }
}
