extension KeyedEncodingContainer {
    /// Encodes every pair, a nil value as `null`: the report JSON never leaves a key out.
    ///
    /// Synthesized encoding skips nil optionals; the JSON format lists every key (docs/reports.md).
    mutating func encodeEveryKey(_ pairs: KeyValuePairs<Key, any Encodable>) throws {
        for (key, value) in pairs { try encode(value, forKey: key) }
    }
}
