import Foundation

/// One life of a server store: a new random value whenever the store is created
/// or restored from a backup. An agent that synced under another epoch knows the
/// server may have lost changes it acknowledged, and re-pushes what it holds.
public struct ServerEpoch: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 16 random bytes, as a UUID.
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses the lowercase text form; nil when it is not a UUID.
    public init?(rawValue: String) {
        guard let uuid = UUID(uuidString: rawValue) else { return nil }
        self.uuid = uuid
    }

    /// A fresh random epoch.
    public static func random() -> ServerEpoch { ServerEpoch(UUID()) }

    /// Lowercase text, as stored in meta tables.
    public var rawValue: String { uuid.lowercasedText }

    public var description: String { rawValue }
}
