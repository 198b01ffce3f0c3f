import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

extension PostgresStoreError {
    /// The one-line reason `error`, thrown while connecting to or talking with the
    /// database at `endpoint` (`host:port/db`), stands for.
    ///
    /// postgres-nio's `PSQLError` describes itself generically (its description
    /// hides the server's message on purpose); the server's own message and
    /// SQLSTATE are what tell an operator what to fix.
    init(_ error: any Error, endpoint: String) {
        if let error = error as? PostgresStoreError {
            self = error
            return
        }
        guard let psql = error as? PSQLError else {
            self.init(.unavailable, "cannot reach PostgreSQL at \(endpoint): \(Self.reason(error))", cause: error)
            return
        }
        if let info = psql.serverInfo, let message = info[.message] {
            let state = info[.sqlState] ?? ""
            // Class 08: connection exception; 57P: the server shuts down, restarts or ended the session.
            if state.hasPrefix("08") || state.hasPrefix("57P") {
                self.init(.unavailable, "cannot reach PostgreSQL at \(endpoint): \(message) (SQLSTATE \(state))", cause: error)
                return
            }
            // Class 28: invalid authorization; 3D000: no such database.
            let login = state.hasPrefix("28") || state == "3D000"
            self.init(
                login ? .authentication : .server,
                "PostgreSQL at \(endpoint) \(login ? "refused the login" : "failed"): \(message) (SQLSTATE \(state))",
                cause: error)
            return
        }
        switch psql.code {
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            self.init(.authentication, "PostgreSQL at \(endpoint) refused the login: \(psql.code)", cause: error)
        default:
            let detail = psql.underlying.map(Self.reason) ?? "\(psql.code)"
            self.init(.unavailable, "cannot reach PostgreSQL at \(endpoint): \(detail)", cause: error)
        }
    }

    /// A short reason for a connection failure from NIO or the system: the
    /// system's words for the first failed address (`Connection refused`),
    /// not the whole Happy Eyeballs report.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first { return reason(failure.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "cannot resolve host \(error.host)" }
            return "no address for host \(error.host)"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode))
        case ChannelError.connectTimeout(let timeout):
            return "no answer within \(timeout.nanoseconds / 1_000_000) ms"
        default:
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
    }
}
