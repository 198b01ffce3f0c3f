import Synchronization

/// Runs an operation with a deadline that holds even when the operation never
/// returns: at the deadline the caller gets ``Exceeded`` and the operation is
/// cancelled and left to finish (or not) on its own.
enum PostgresDeadline {
    struct Exceeded: Error {}

    static func run<Result: Sendable>(
        within limit: Duration, _ operation: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let waiter = Waiter<Result>()
        return try await withCheckedThrowingContinuation { continuation in
            waiter.set(continuation)
            let work = Task {
                do {
                    waiter.resume(with: .success(try await operation()))
                } catch {
                    waiter.resume(with: .failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled, waiter.resume(with: .failure(Exceeded())) { work.cancel() }
            }
            waiter.onResume { timer.cancel() }
        }
    }

    /// The continuation, resumed once by whichever of the operation and the timer comes first.
    private final class Waiter<Result: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Result, any Error>?
            var done = false
            var finished: (@Sendable () -> Void)?
        }
        private let state = Mutex(State())

        func set(_ continuation: CheckedContinuation<Result, any Error>) { state.withLock { $0.continuation = continuation } }

        /// Runs `body` once resumed (at once if it already was).
        func onResume(_ body: @escaping @Sendable () -> Void) {
            let now = state.withLock { state -> Bool in
                if state.done { return true }
                state.finished = body
                return false
            }
            if now { body() }
        }

        /// Resumes the caller unless it already was; true when this call did.
        @discardableResult
        func resume(with result: Swift.Result<Result, any Error>) -> Bool {
            let taken = state.withLock { state -> (CheckedContinuation<Result, any Error>, (@Sendable () -> Void)?)? in
                guard !state.done, let continuation = state.continuation else { return nil }
                state.done = true
                state.continuation = nil
                defer { state.finished = nil }
                return (continuation, state.finished)
            }
            guard let (continuation, finished) = taken else { return false }
            continuation.resume(with: result)
            finished?()
            return true
        }
    }
}
