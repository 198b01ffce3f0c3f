import Foundation
import Synchronization

/// Failures that were not protocol errors (the connection handler answers them
/// with a generic INTERNAL; the responder's log has the error itself): each
/// distinct one is printed once, so a run shows that the store or a handler met
/// something it did not expect. `SESSION_FUZZ_STRICT=1` makes them crashes.
final class UnexpectedErrors: Sendable {
    static let shared = UnexpectedErrors()
    private let seen = Mutex<Set<String>>([])
    private let strict = ProcessInfo.processInfo.environment["SESSION_FUZZ_STRICT"] == "1"

    func note(_ message: String) {
        precondition(!strict, "unexpected failure: \(message)")
        // Ids and numbers differ between inputs: keep the wording only.
        let key = String(message.prefix(100).map { $0.isNumber || $0.isHexDigit && $0.isLowercase ? "#" : $0 })
        if seen.withLock({ $0.insert(key).inserted }) {
            FileHandle.standardError.write(Data("unexpected failure: \(message)\n".utf8))
        }
    }
}
