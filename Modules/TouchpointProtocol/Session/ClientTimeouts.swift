/// How long a client waits for the server before giving up with `DEADLINE_EXCEEDED`.
///
/// A server that accepts TCP but never answers must not hang a sync for good:
/// the connect timeout bounds reaching the server, the request timeout bounds
/// each request (the handshake included) from sending it to its answer.
public struct ClientTimeouts: Hashable, Sendable {
    /// Default connect timeout: 10 s.
    public static let defaultConnect: Duration = .seconds(10)
    /// Default request timeout: 60 s (a 1000-change batch or a report over a
    /// large store takes a few seconds on a busy server; a minute is plenty).
    public static let defaultRequest: Duration = .seconds(60)

    /// Longest wait for the TCP connection.
    public var connect: Duration
    /// Longest wait for the answer to one request.
    public var request: Duration

    /// Creates timeouts.
    public init(connect: Duration = ClientTimeouts.defaultConnect, request: Duration = ClientTimeouts.defaultRequest) {
        self.connect = connect
        self.request = request
    }

    /// The same timeout for connecting and for each request (`--timeout SECONDS`).
    public init(seconds: Double) {
        let duration = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        self.init(connect: duration, request: duration)
    }

    /// 10 s to connect, 60 s per request.
    public static var defaults: ClientTimeouts { ClientTimeouts() }
}

extension Duration {
    /// Seconds as people write them: `1 s`, `0.5 s`, `90 s`.
    public var secondsText: String {
        let (seconds, attoseconds) = components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int64(value)) s" : "\((value * 1000).rounded() / 1000) s"
    }
}
