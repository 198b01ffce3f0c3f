extension Collection where Element == FieldVersion {
    /// The version most elements share (of equal counts, the first to reach it); nil when empty.
    /// A record's fields are usually written together, so a change on the wire and a
    /// record's `_versions` column both keep this one once and only the exceptions.
    public var mostCommon: FieldVersion? {
        guard let first else { return nil }
        // Most records carry one version for every field: no counting needed.
        if allSatisfy({ $0 == first }) { return first }
        var counts: [FieldVersion: Int] = [:]
        var best: (version: FieldVersion, count: Int)?
        for version in self {
            let count = counts[version, default: 0] + 1
            counts[version] = count
            if count > best?.count ?? 0 { best = (version, count) }
        }
        return best?.version
    }
}
