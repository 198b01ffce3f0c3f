/// A sync that could not proceed.
public struct SyncEngineError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}
