/// One named change of the PostgreSQL schema: statements run in order, in the
/// migrator's transaction. Never edited once shipped; a later change is a new
/// migration. Statements PostgreSQL refuses inside a transaction (`CREATE
/// INDEX CONCURRENTLY`, `VACUUM`) cannot be migrations.
public struct PostgresMigration: Sendable, Hashable {
    /// The name recorded in `schema_migrations` once it ran.
    public var name: String
    /// The SQL statements, one each (the extended query protocol takes one at a time).
    public var statements: [String]

    /// Creates a migration.
    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}
