import PostgresNIO

/// A PostgreSQL failure an operator can act on: a bad URL, a database that cannot
/// be reached or refuses the login, a migration that failed.
///
/// ```swift
/// throw PostgresStoreError(.invalidURL, "invalid PostgreSQL URL postgres:///touchpoint: no host")
/// ```
///
/// (postgres-nio has a `PostgresError` of its own: its older error enum.)
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case invalidURL = "invalid URL"
            case unavailable
            case authentication
            case migration
            case server
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The URL cannot be read as a `postgres://` URL.
        public static let invalidURL = Code(.invalidURL)
        /// The database cannot be reached: no route, refused, timed out, closed.
        public static let unavailable = Code(.unavailable)
        /// The database refused the login: wrong user, password or database name.
        public static let authentication = Code(.authentication)
        /// A schema migration failed.
        public static let migration = Code(.migration)
        /// Any other failure the database reported.
        public static let server = Code(.server)

        public var description: String { wrapped.rawValue }
    }

    /// The failure's kind.
    public var code: Code
    /// One clear line for the operator (never the password).
    public var message: String
    /// The error underneath, for the log.
    public var cause: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { message }
}
