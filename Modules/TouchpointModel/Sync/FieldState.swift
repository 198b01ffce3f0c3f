import Foundation

/// The stored state of one field: value plus version.
public struct FieldState: Hashable, Sendable, Codable {
    /// The value.
    public var value: FieldValue
    /// Its version.
    public var version: FieldVersion

    /// Creates a field state.
    public init(value: FieldValue, version: FieldVersion) {
        self.value = value
        self.version = version
    }
}
