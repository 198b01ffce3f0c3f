import TouchpointModel

/// A store failure a user can act on.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: String, Sendable {
        case notFound = "not found"
        case invalid = "invalid"
        case notInitialized = "not initialized"
        case refused = "refused"
        case corrupt = "corrupt"
    }

    /// The failure's kind.
    public var kind: Kind
    /// One clear line for the user.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    package static func notFound(_ entity: EntityType, _ id: String) -> StoreError {
        StoreError(kind: .notFound, message: "no \(entity.displayName) with id \(id)")
    }
    package static func invalid(_ message: String) -> StoreError { StoreError(kind: .invalid, message: message) }
    package static func refused(_ message: String) -> StoreError { StoreError(kind: .refused, message: message) }
    package static func corrupt(_ message: String) -> StoreError {
        StoreError(kind: .corrupt, message: "database is inconsistent: \(message)")
    }
}
