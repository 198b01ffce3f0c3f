/// A ``StoreKind`` that cannot be opened here, and why.
struct StoreKindUnavailable: Error, CustomStringConvertible {
    let kind: StoreKind
    let reason: String

    var description: String { "\(kind.rawValue) store unavailable: \(reason)" }
}
