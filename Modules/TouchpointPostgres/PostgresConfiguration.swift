import Foundation
import NIOSSL
import PostgresNIO

/// Where the PostgreSQL store connects, read from a URL:
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable`.
///
/// The port defaults to 5432; `sslmode` is `disable`, `prefer` (the default, as
/// with libpq), `require` (encrypted, certificate not checked, as with libpq) or
/// `verify-full` (encrypted, certificate and host name checked against the
/// system trust store). User, password and database may be percent-encoded.
///
/// ```swift
/// let postgres = try PostgresConfiguration(url: "postgres://touchpoint:secret@db.internal/touchpoint")
/// let client = PostgresClient(configuration: try postgres.clientConfiguration())
/// ```
public struct PostgresConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted: libpq's `sslmode` values.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// The most connections the store's pool opens to the database (postgres-nio's
    /// `maximumConnections`): one per transaction in flight. 10 by default.
    public var poolSize = 10
    /// How long one request (one transaction) may take before it fails as unavailable
    /// and the pool's connections are opened again (after a database restart a pooled
    /// connection can wait forever). Default 30 seconds.
    public var requestTimeout: Duration = .seconds(30)

    /// Creates a configuration from its parts.
    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Reads a `postgres://` (or `postgresql://`) URL; a URL it cannot use throws
    /// one line saying what is wrong, without the password.
    public init(url text: String) throws(PostgresStoreError) {
        let shown = Self.redacted(text)
        func invalid(_ reason: String) -> PostgresStoreError {
            PostgresStoreError(.invalidURL, "invalid PostgreSQL URL \(shown): \(reason)")
        }
        guard let url = URLComponents(string: text) else { throw invalid("not a URL") }
        guard let scheme = url.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme) else {
            throw invalid("the scheme must be postgres://")
        }
        guard let host = url.host, !host.isEmpty else { throw invalid("no host") }
        guard let username = url.user?.removingPercentEncoding, !username.isEmpty else { throw invalid("no user") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw invalid("the path must name one database") }
        if let port = url.port, !(1...65535).contains(port) { throw invalid("port \(port) is not 1…65535") }
        var tls = TLSMode.prefer
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode" else { throw invalid("unknown parameter \(item.name) (only sslmode is read)") }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw invalid("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tls = mode
        }
        self.init(
            host: host, port: url.port ?? 5432, username: username,
            password: url.password?.removingPercentEncoding, database: database.removingPercentEncoding ?? database, tls: tls)
    }

    /// `host:port/database`: how messages name the database (never with the password).
    public var endpoint: String { "\(host):\(port)/\(database)" }

    /// The URL without its password, so logging a configuration never shows it.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(endpoint)?sslmode=\(tls.rawValue)"
    }

    /// The configuration of a pooled client of at most ``poolSize`` connections.
    public func clientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch self.tls {
            case .disable: .disable
            case .prefer: .prefer(Self.unverified)
            case .require: .require(Self.unverified)
            case .verifyFull: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = poolSize
        return configuration
    }

    /// The configuration of one connection (the migrator's, the connection check's).
    public func connectionConfiguration() throws(PostgresStoreError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(try NIOSSLContext(configuration: Self.unverified))
                case .require: .require(try NIOSSLContext(configuration: Self.unverified))
                case .verifyFull: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
        } catch {
            throw PostgresStoreError(.invalidURL, "cannot set up TLS for PostgreSQL at \(endpoint): \(error)", cause: error)
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// libpq's `prefer` and `require`: encrypted, but the certificate is not checked.
    private static var unverified: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }

    /// The URL with its password replaced by `***`, for messages: done on the
    /// text, so a URL too broken to parse does not show its password either.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return text }
        return text[..<text.index(after: colon)] + "***" + text[at...]
    }
}
