import Foundation
import NIOConcurrencyHelpers
import TouchpointProtocol

/// Failed Hellos, counted per peer address and per claimed agent, and the wait
/// before the server checks the next Hello from an address that keeps failing.
///
/// The wait is exponential in the address's *recent* failures (each one adds 1;
/// the sum halves every ``Configuration/halfLife`` of quiet), capped at
/// ``Configuration/maxDelay``. It applies before the token is checked, whatever
/// the outcome, so a guesser learns nothing faster by timing answers. A success
/// does not reset it (a valid token must not unlock guessing others). Both
/// tables keep at most ``Configuration/maxEntries`` rows, forgetting the
/// stalest first, so a flood from many addresses costs bounded memory.
///
/// ```swift
/// try await Task.sleep(for: throttle.delay(for: "203.0.113.9"))
/// // … check the token; on failure:
/// throttle.failed(peer: "203.0.113.9", claimedAgent: id, reason: "unknown or revoked token")
/// ```
public final class HelloThrottle: Sendable {
    /// Tunables with documented defaults.
    public struct Configuration: Sendable {
        /// The wait after one recent failure; it doubles with each further one. Default 50 ms.
        public var baseDelay: Duration = .milliseconds(50)
        /// The longest wait. Default 5 s.
        public var maxDelay: Duration = .seconds(5)
        /// Recent failures halve after this long without another. Default 60 s.
        public var halfLife: Duration = .seconds(60)
        /// Most addresses (and most claimed agents) remembered. Default 4096.
        public var maxEntries = 4096

        /// The defaults.
        public static var defaults: Configuration { Configuration() }
    }

    /// Failed Hellos that named one agent.
    public struct AgentFailures: Hashable, Sendable {
        public var failures: UInt64
        public var lastFailure: Date
    }

    /// Everything counted since the server started (within the bounded tables).
    public struct Snapshot: Hashable, Sendable {
        public var total: UInt64
        /// Most failures first.
        public var peers: [FailingPeer]
        public var agents: [UUID: AgentFailures]
    }

    private struct Peer {
        var failures: UInt64 = 0
        /// Decaying count of recent failures, as of `lastFailure`.
        var recent: Double = 0
        var lastFailure: Date
        var lastClaimedAgent: UUID?
        var lastReason = ""
    }

    private struct State {
        var total: UInt64 = 0
        var peers: [String: Peer] = [:]
        var agents: [UUID: AgentFailures] = [:]
    }

    public let configuration: Configuration
    private let clock: @Sendable () -> Date
    private let state = NIOLockedValueBox(State())

    /// Creates an empty throttle.
    public init(configuration: Configuration = .defaults, clock: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        self.clock = clock
    }

    /// How long to wait before checking a Hello from `peer` (zero when it has no recent failures).
    public func delay(for peer: String) -> Duration {
        let now = clock()
        return state.withLockedValue { state in
            state.peers[peer].map { delay(recent: recent($0, at: now)) } ?? .zero
        }
    }

    /// Counts a failed Hello from `peer` that named `claimedAgent` (nil: Hello named none).
    public func failed(peer: String, claimedAgent: UUID?, reason: String) {
        let now = clock()
        let limit = configuration.maxEntries
        state.withLockedValue { state in
            state.total += 1
            if state.peers[peer] == nil, state.peers.count >= limit, let stalest = Self.stalest(state.peers, \.lastFailure) {
                state.peers[stalest] = nil
            }
            var entry = state.peers[peer] ?? Peer(lastFailure: now)
            entry.recent = recent(entry, at: now) + 1
            entry.failures += 1
            entry.lastFailure = now
            entry.lastClaimedAgent = claimedAgent
            entry.lastReason = reason
            state.peers[peer] = entry
            guard let claimedAgent else { return }
            if state.agents[claimedAgent] == nil, state.agents.count >= limit, let stalest = Self.stalest(state.agents, \.lastFailure) {
                state.agents[stalest] = nil
            }
            var agent = state.agents[claimedAgent] ?? AgentFailures(failures: 0, lastFailure: now)
            agent.failures += 1
            agent.lastFailure = now
            state.agents[claimedAgent] = agent
        }
    }

    /// The counters and current waits.
    public func snapshot() -> Snapshot {
        let now = clock()
        return state.withLockedValue { state in
            let peers = state.peers.map { peer, entry in
                FailingPeer(
                    peer: peer, failedHellos: Int(clamping: entry.failures), lastFailedHello: entry.lastFailure,
                    delayMs: UInt64(Self.milliseconds(delay(recent: recent(entry, at: now)))), lastClaimedAgent: entry.lastClaimedAgent,
                    lastReason: entry.lastReason)
            }
            return Snapshot(
                total: state.total, peers: peers.sorted { ($0.failedHellos, $0.lastFailedHello) > ($1.failedHellos, $1.lastFailedHello) },
                agents: state.agents)
        }
    }

    // MARK: - Private

    /// The decayed count of recent failures at `now`.
    private func recent(_ peer: Peer, at now: Date) -> Double {
        let quiet = max(0, now.timeIntervalSince(peer.lastFailure))
        return peer.recent * pow(0.5, quiet * 1000 / Self.milliseconds(configuration.halfLife))
    }

    /// base · 2^(recent − 1), capped; nothing once fewer than half a failure remains.
    private func delay(recent: Double) -> Duration {
        guard recent >= 0.5 else { return .zero }
        let base = Self.milliseconds(configuration.baseDelay), cap = Self.milliseconds(configuration.maxDelay)
        return .milliseconds(min(cap, base * pow(2, recent - 1)))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private static func stalest<Key, Value>(_ table: [Key: Value], _ date: KeyPath<Value, Date>) -> Key? {
        table.min { $0.value[keyPath: date] < $1.value[keyPath: date] }?.key
    }
}
