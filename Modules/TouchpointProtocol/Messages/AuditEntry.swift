import Foundation

/// One line of the audit log: an admin action, who took it, when, on what, and how it ended.
///
/// The one type for it: the admin paths append it (``AuditRecorder`` in the server), both
/// server stores keep it append-only, the admin handler sends it (`AuditEntry+Wire.swift`),
/// the admin client reads it back and `touchpointctl audit` renders it; its `Encodable`
/// form is one row of `touchpointctl audit --json`.
///
/// ```swift
/// try await store.appendAudit(AuditEntry(
///     time: Date(), actor: .localOperator(), action: .backup, target: "/backups/monday.sqlite", outcome: .ok))
/// ```
public struct AuditEntry: Hashable, Sendable, Encodable {
    /// The admin actions the log records: a closed vocabulary (the stores check it).
    public enum Action: String, CaseIterable, Hashable, Sendable, Codable {
        case agentAdd = "agent_add"
        case agentRevoke = "agent_revoke"
        case territoriesSet = "territories_set"
        case conflictResolve = "conflict_resolve"
        case customerErase = "customer_erase"
        case backup
        case restore
        case gc
    }

    /// How an action ended.
    public enum Outcome: Hashable, Sendable {
        case ok
        /// Refused (or failed), with the one-line reason its caller was given.
        case refused(String)

        /// `ok` or `refused`, as stored and printed.
        public var label: String {
            switch self {
            case .ok: "ok"
            case .refused: "refused"
            }
        }

        /// The reason of a refusal, nil when ok.
        public var reason: String? {
            switch self {
            case .ok: nil
            case .refused(let reason): reason
            }
        }

        /// The outcome a stored label and reason describe, nil for an unknown label.
        public init?(label: String, reason: String?) {
            switch label {
            case "ok": self = .ok
            case "refused": self = .refused(reason ?? "")
            default: return nil
            }
        }
    }

    /// Who took an action: an admin over the wire (its agent id and name), or
    /// whoever ran a command on the server machine (no agent id).
    public struct Actor: Hashable, Sendable {
        /// The admin's agent id; nil for the local operator.
        public var agentID: UUID?
        public var name: String

        public init(agentID: UUID?, name: String) {
            self.agentID = agentID
            self.name = name
        }

        /// Whoever runs `touchpoint-server` on the server machine, with the OS user when known:
        /// `local operator (alice)`.
        public static func localOperator(user: String? = osUser) -> Actor {
            let user = user?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return Actor(agentID: nil, name: user.isEmpty ? "local operator" : "local operator (\(user))")
        }

        /// The user this process runs as: `$USER`, else the account's name.
        public static var osUser: String? {
            ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        }
    }

    /// The store's number for it, increasing in append order; 0 before it is stored.
    public var id: Int64
    public var time: Date
    public var actor: Actor
    public var action: Action
    /// What the action was on: an agent id, a conflict id, a customer id, a file…
    public var target: String
    public var outcome: Outcome
    /// One more line about it (what a resolution kept, a backup's size), when there is one.
    public var detail: String?

    public init(
        id: Int64 = 0, time: Date, actor: Actor, action: Action, target: String, outcome: Outcome, detail: String? = nil
    ) {
        self.id = id
        self.time = time
        self.actor = actor
        self.action = action
        self.target = target
        self.outcome = outcome
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey { case id, time, actorId, actorName, action, target, outcome, reason, detail }

    /// Every key always present (null when empty), as `audit --json` prints it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(time, forKey: .time)
        try container.encode(actor.agentID, forKey: .actorId)
        try container.encode(actor.name, forKey: .actorName)
        try container.encode(action, forKey: .action)
        try container.encode(target, forKey: .target)
        try container.encode(outcome.label, forKey: .outcome)
        try container.encode(outcome.reason, forKey: .reason)
        try container.encode(detail, forKey: .detail)
    }
}
