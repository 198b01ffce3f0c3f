import TouchpointModel

/// How an admin resolves a conflict.
public enum ConflictResolution: Hashable, Sendable {
    /// Keep the merge rule's winner (closes the conflict; writes nothing if it is current).
    case winner
    /// Restore the losing value.
    case loser
    /// Write another value.
    case value(FieldValue)
}
