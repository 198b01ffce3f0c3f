import Foundation
import TouchpointModel

/// A queued local change waiting to be pushed.
public struct OutboxEntry: Hashable, Sendable {
    /// Local sequence, strictly increasing, never reused.
    public var seq: Int64
    /// The change.
    public var change: Change
    /// When it was queued.
    public var createdAt: Date
}
