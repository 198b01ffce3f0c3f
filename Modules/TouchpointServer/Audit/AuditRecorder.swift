import Foundation
import Logging
import TouchpointProtocol

/// Runs an admin action and appends its audit entry: `ok` when the action returns,
/// `refused` with its one-line reason when it throws (the error is rethrown as it was).
///
/// The entry is written after the action, in its own transaction: an append that
/// fails after the action committed cannot undo it, so it is logged as an error
/// with the whole entry — an audit entry never vanishes silently.
///
/// ```swift
/// let recorder = AuditRecorder(store: store, actor: .localOperator(), logger: logger)
/// try await recorder.record(.agentRevoke, target: id.lowercasedText) { try await store.revokeAgent(id, now: Date()) }
/// ```
public struct AuditRecorder: Sendable {
    public let store: any ServerStore
    public let actor: AuditEntry.Actor
    let logger: Logger
    let clock: @Sendable () -> Date

    /// Creates a recorder of `actor`'s actions on `store`.
    public init(
        store: any ServerStore, actor: AuditEntry.Actor, logger: Logger = Logger(label: "touchpoint.audit"),
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.actor = actor
        self.logger = logger
        self.clock = clock
    }

    /// The actor an admin session's principal is.
    public init(store: any ServerStore, principal: Principal, logger: Logger) {
        self.init(store: store, actor: AuditEntry.Actor(agentID: principal.agentID, name: principal.name), logger: logger)
    }

    /// The recorder of commands run on the server machine (`touchpoint-server agents|backup|restore`):
    /// the local operator, with the OS user; an append that fails is logged on stderr.
    public static func localOperator(_ store: any ServerStore) -> AuditRecorder {
        var logger = Logger(label: "touchpoint.audit")
        logger.logLevel = .warning
        return AuditRecorder(store: store, actor: .localOperator(), logger: logger)
    }

    /// Runs `body` and appends what it did to `target`; `detail` describes a success in one line.
    @discardableResult
    public func record<Result>(
        _ action: AuditEntry.Action, target: String, detail: (Result) -> String? = { _ in nil },
        _ body: () async throws -> Result
    ) async throws -> Result {
        let result: Result
        do {
            result = try await body()
        } catch {
            await append(action, target: target, outcome: .refused(Self.reason(error)), detail: nil)
            throw error
        }
        await append(action, target: target, outcome: .ok, detail: detail(result))
        return result
    }

    /// Appends an entry for an action already done (or refused); a failed append is logged, not thrown.
    public func append(_ action: AuditEntry.Action, target: String, outcome: AuditEntry.Outcome, detail: String?) async {
        let entry = AuditEntry(time: clock(), actor: actor, action: action, target: target, outcome: outcome, detail: detail)
        do {
            try await store.appendAudit(entry)
        } catch {
            logger.error(
                "audit entry not written",
                metadata: [
                    "action": "\(action.rawValue)", "target": "\(target)", "actor": "\(actor.name)",
                    "outcome": "\(outcome.label)", "reason": "\(outcome.reason ?? "")", "detail": "\(detail ?? "")",
                    "error": "\(error)",
                ])
        }
    }

    /// The one line a refusal is recorded with: the error's own message (a ``ProtocolErrorConvertible``'s,
    /// else its description), first line only.
    public static func reason(_ error: any Error) -> String {
        let message = (error as? any ProtocolErrorConvertible).map { ProtocolError($0).message } ?? String(describing: error)
        return message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
    }
}
