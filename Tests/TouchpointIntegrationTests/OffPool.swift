import Foundation

/// Runs blocking work (waiting for a child process) on a GCD thread, off Swift's
/// cooperative pool: a server running in the test process needs those few threads
/// to answer the very process being waited for.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
