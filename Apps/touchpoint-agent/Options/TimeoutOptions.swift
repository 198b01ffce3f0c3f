import ArgumentParser
import TouchpointProtocol

/// `--timeout SECONDS`: how long to wait for the server before giving up.
struct TimeoutOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Seconds to wait for the server to accept the connection and to answer each request.",
            discussion: "Default: 10 s to connect, 60 s per request. A server that does not answer in time fails with DEADLINE_EXCEEDED.",
            valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--timeout must be between 0 and 86400 seconds, got \(timeout)")
        }
    }

    /// The timeouts after defaults.
    var timeouts: ClientTimeouts { timeout.map { ClientTimeouts(seconds: $0) } ?? .defaults }
}
