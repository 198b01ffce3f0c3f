/// The one place an unsigned 64-bit integer read from the wire meets the signed
/// 64-bit integers the stores keep (SQLite and PostgreSQL have no unsigned
/// 64-bit type): a value above `Int64.max` is `INVALID_ARGUMENT` naming the
/// field, never a trap.
///
/// ```swift
/// let id = try WireInteger.int64(request.conflictID, field: "conflict_show.conflict_id")
/// ```
public enum WireInteger {
    /// The largest wire value a store can hold.
    public static let maxStored = UInt64(Int64.max)

    /// An id read from the wire, as the store's signed integer.
    ///
    /// - Throws: `INVALID_ARGUMENT` with a `field` detail when `value` exceeds ``maxStored``.
    public static func int64(_ value: UInt64, field: String) throws(ProtocolError) -> Int64 {
        guard let signed = Int64(exactly: value) else {
            throw ProtocolError(
                .invalidArgument, "\(field) \(value) is out of range: at most \(maxStored)", details: ["field": field])
        }
        return signed
    }

    /// A sequence number or cursor read from the wire: it stays unsigned, but must fit the store.
    ///
    /// - Throws: `INVALID_ARGUMENT` with a `field` detail when `value` exceeds ``maxStored``.
    public static func sequence(_ value: UInt64, field: String) throws(ProtocolError) -> UInt64 {
        _ = try int64(value, field: field)
        return value
    }
}
