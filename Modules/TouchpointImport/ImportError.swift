/// A file import cannot read at all (as opposed to one bad row).
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One clear line for the user.
    public var message: String

    /// Creates an import error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
