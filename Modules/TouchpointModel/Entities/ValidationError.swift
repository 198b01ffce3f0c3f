import Foundation

/// A value the domain refuses, with the field it concerns and a human reason.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `entity.field`, e.g. `feedback.score`.
    public var field: String
    /// Why the value is refused, e.g. `NPS score must be 0–10, got 11`.
    public var message: String

    /// Creates a validation error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Checks a condition and throws a ``ValidationError`` naming the field when it fails.
@inlinable
func require(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) throws {
    if !condition { throw ValidationError(field: field, message: message()) }
}
