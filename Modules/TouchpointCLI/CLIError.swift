/// A command-line failure with one line for the user.
public struct CLIError: Error, CustomStringConvertible {
    public let description: String

    public init(_ message: String) { description = message }
}
