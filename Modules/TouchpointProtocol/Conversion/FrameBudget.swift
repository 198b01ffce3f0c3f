import TouchpointModel

/// How many changes fit in one frame of a peer's announced limit, counted in
/// encoded bytes (PROTOCOL.md §8): push batches are cut to the server's
/// `Welcome.limits.max_frame_bytes`, pull pages to the client's `Hello.limits`.
///
/// Each change is counted at an upper bound of what it can add to a batch —
/// its record, and every table entry it could need as if it shared none — so a
/// batch whose bounds fit always encodes within the limit, whatever the tables
/// end up sharing. The bound is about 100 bytes per field above the field's
/// name and value, a few times a small change's real cost and within a few
/// percent of a large one's.
///
/// ```swift
/// let budget = FrameBudget(maxFrameBytes: session.serverLimits.maxFrameBytes)
/// let count = budget.fittingCount(entries.map(\.change))   // 0: the first alone is too large
/// ```
public struct FrameBudget: Hashable, Sendable {
    /// Bytes kept for the envelope around the batch: request id, message
    /// headers, and a page's cursor, `more` and head (about 50 bytes at most).
    public static let envelopeBytes = 256

    /// The peer's largest frame payload.
    public var maxFrameBytes: Int

    /// Creates a budget for a peer's frame limit.
    public init(maxFrameBytes: Int) { self.maxFrameBytes = maxFrameBytes }

    /// Bytes a batch may take.
    public var batchBytes: Int { maxFrameBytes - Self.envelopeBytes }

    /// How many leading changes fit in one frame; 0 when the first alone does not.
    public func fittingCount(_ changes: some Sequence<Change>) -> Int {
        var used = 0
        var count = 0
        for change in changes {
            used += Self.bound(change)
            guard used <= batchBytes else { break }
            count += 1
        }
        return count
    }

    /// True when `change` fits in a frame on its own.
    public func fits(_ change: Change) -> Bool { Self.bound(change) <= batchBytes }

    /// The most bytes `change` can add to an encoded batch.
    public static func bound(_ change: Change) -> Int {
        // ChangeRecord: header 6, sequence 11, entity 6, id 18, hlc 9, site 6, and its site's table entry 18.
        var bytes = 74
        for field in change.fields {
            // FieldEntry header 6, name index 6, the name's table entry 6 + name;
            // version and base: hlc 9 + site index 6 + the site's table entry 18, each.
            bytes += 6 + 6 + 6 + field.name.utf8.count + 2 * (9 + 6 + 18)
            switch field.value {
            case .null: break
            case .integer: bytes += 11
            case .real: bytes += 9
            // Inline (tag 1 + length 5 + text), or a reference (6) and its table entry (6 + text).
            case .text(let text): bytes += 12 + text.utf8.count
            }
        }
        return bytes
    }
}
