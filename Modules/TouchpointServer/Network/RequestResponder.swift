import Foundation
import Logging
import TouchpointProtocol

/// Answers a ready session's requests — the `push`, `pull` and `admin` actions of
/// ``ServerSessionStateMachine`` — with the envelope to write back. A refusal
/// becomes a non-fatal Error frame for that request, so one bad request never
/// ends the session; what it says comes from ``ProtocolError/init(converting:)``,
/// so an error the server did not expect reaches the client as a generic
/// `INTERNAL` and its text only the log. The connection handler and the session
/// fuzzer share it.
public struct RequestResponder: Sendable {
    /// The service requests run against.
    public let service: SyncService
    let logger: Logger

    /// Creates a responder.
    public init(service: SyncService, logger: Logger) {
        self.service = service
        self.logger = logger
    }

    /// The answer to `action`; nil for an action that is not a request.
    ///
    /// - Parameter maxFrameBytes: the largest frame the client accepts (pull pages are cut to fit).
    public func respond(
        to action: ServerSessionStateMachine.Action, from principal: Principal?, maxFrameBytes: Int
    ) async -> Envelope? {
        switch action {
        case .push(let requestID, let changes, let refused, let previous):
            await answer(requestID, principal) { principal in
                .pushAck(requestID: requestID, try await service.push(changes, refused: refused, after: previous, from: principal))
            }
        case .pull(let requestID, let after, let limit, let outboxDepth, let applied):
            await answer(requestID, principal) { principal in
                try await service.servePull(
                    after: after, limit: limit, maxFrameBytes: maxFrameBytes, outboxDepth: outboxDepth, applied: applied,
                    for: principal
                ).envelope(requestID: requestID)
            }
        case .admin(let requestID, let command):
            await answer(requestID, principal) { principal in
                .adminResponse(requestID: requestID, try await AdminHandler(service: service, maxFrameBytes: maxFrameBytes).handle(command, from: principal))
            }
        case .none, .send, .sendAndClose, .close, .authenticate:
            nil
        }
    }

    /// Runs a request; a refusal becomes a non-fatal Error frame for that request.
    private func answer(
        _ requestID: UInt64, _ principal: Principal?, _ body: (Principal) async throws -> Envelope
    ) async -> Envelope {
        guard let principal else {
            return .error(ProtocolError(.internal, "request outside an authenticated session"), requestID: requestID, fatal: true)
        }
        do {
            return try await body(principal)
        } catch {
            let failure = ProtocolError(converting: error)
            service.metrics.requestFailed(failure)
            if failure.code == .internal {
                logger.error("request failed", metadata: ["agent": "\(principal.name)", "request": "\(requestID)", "error": "\(error)"])
                try? await service.store.recordError(agentID: principal.agentID, message: failure.message, now: Date())
            }
            return .error(failure, requestID: requestID, fatal: false)
        }
    }
}
