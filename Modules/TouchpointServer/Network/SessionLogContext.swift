import Foundation
import Logging
import NIOConcurrencyHelpers
import TouchpointModel

/// The session a log line is written in: every line logged while a connection is
/// served — by the session, the sync service or the store — carries `session` (a
/// short id, new per connection), `peer`, and once Hello is accepted `agent` and
/// `agent_id`, so one agent's sync can be followed through the log.
///
/// It travels as a task-local value and reaches log handlers through
/// ``metadataProvider``, which `serve` installs with its log handler.
public final class SessionLogContext: Sendable {
    @TaskLocal static var current: SessionLogContext?

    private let state: NIOLockedValueBox<Logger.Metadata>

    init(peer: String) {
        let session = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
        state = NIOLockedValueBox(["session": .string(session), "peer": .string(peer)])
    }

    /// Adds who the session authenticated as.
    func identify(agent name: String, id: UUID) {
        state.withLockedValue {
            $0["agent"] = .string(name)
            $0["agent_id"] = .string(id.lowercasedText)
        }
    }

    /// The session's metadata now.
    var metadata: Logger.Metadata { state.withLockedValue { $0 } }

    /// Adds the current session's metadata to every log line written inside it (empty outside sessions).
    public static let metadataProvider = Logger.MetadataProvider { current?.metadata ?? [:] }
}
