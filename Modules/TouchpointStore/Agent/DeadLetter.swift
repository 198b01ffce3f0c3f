import Foundation

/// A change the server refused permanently, parked so it does not block the others.
public struct DeadLetter: Hashable, Sendable {
    public var entry: OutboxEntry
    /// The server's error code, e.g. `PERMISSION_DENIED`.
    public var code: String
    /// The server's message.
    public var message: String
    public var failedAt: Date
}
