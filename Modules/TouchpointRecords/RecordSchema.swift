import Foundation
import GRDB
import TouchpointModel

/// The SQL tables that hold synced records, shared by the agent store and the
/// server's SQLite store.
///
/// Every table has the entity's fields as typed columns, a `deleted` tombstone
/// flag, `_versions`: each own field's version, written once for the record
/// with the exceptions (``VersionsColumn``), whose site indexes point into the
/// `sites` table, and `_extra`: the fields this schema does
/// not know, with their values and versions (``ExtraFields``), or NULL. Checks are
/// single-column only, so a merge of two valid concurrent edits is never refused
/// by SQLite.
package enum RecordSchema {
    /// The table holding an entity's records.
    package static func table(_ entity: EntityType) -> String {
        switch entity {
        case .customer: "customers"
        case .interaction: "interactions"
        case .supportCase: "cases"
        case .feedback: "feedback"
        case .followUp: "follow_ups"
        case .note: "notes"
        }
    }

    /// Registers the record tables migrations (named, never edited once shipped).
    ///
    /// A migration added here after the agent's or server's own migrations shipped
    /// still runs on their existing databases: GRDB applies every registered
    /// migration not yet applied, in order.
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-records") { db in
            for statement in v1 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v2-records-unknown-fields") { db in
            for entity in EntityType.allCases {
                try db.execute(sql: "ALTER TABLE \(table(entity)) ADD COLUMN _extra TEXT")
            }
        }
        migrator.registerMigration("v3-records-customer-value") { db in
            try db.execute(sql: "ALTER TABLE customers ADD COLUMN annual_value INTEGER CHECK (annual_value BETWEEN 0 AND \(FieldKind.maxMoney))")
            try db.execute(sql: "ALTER TABLE customers ADD COLUMN currency TEXT CHECK (length(currency) = 3)")
            try moveExtraFields(of: .customer, ["annual_value", "currency"], db)
        }
        migrator.registerMigration("v4-records-customer-erasure") { db in
            try db.execute(sql: "ALTER TABLE customers ADD COLUMN erased_at INTEGER")
            try moveExtraFields(of: .customer, ["erased_at"], db)
        }
    }

    /// Moves the values of fields that just got their own columns out of `_extra`
    /// (where this replica kept them while it did not know them), so SQL reads of
    /// the new columns see every value at once.
    private static func moveExtraFields(of entity: EntityType, _ names: [String], _ db: Database) throws {
        let condition = names.map { _ in "json_extract(_extra, ?) IS NOT NULL" }.joined(separator: " OR ")
        let ids = try String.fetchAll(
            db, sql: "SELECT id FROM \(table(entity)) WHERE _extra IS NOT NULL AND (\(condition))",
            arguments: StatementArguments(names.map { "$.\($0)" }))
        var records = RecordTable()
        for id in ids {
            guard let uuid = UUID(uuidString: id), let state = try records.load(entity, uuid, db) else { continue }
            try records.save(state, db)
        }
    }

    private static let common = """
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        _versions TEXT NOT NULL
        """

    private static let v1: [String] = [
        "CREATE TABLE sites (idx INTEGER PRIMARY KEY, site TEXT NOT NULL UNIQUE CHECK (length(site) = 36))",
        """
        CREATE TABLE customers (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            email TEXT, phone TEXT, segment TEXT, persona TEXT,
            lifecycle TEXT NOT NULL CHECK (lifecycle IN ('prospect','onboarding','active','at_risk','churned')),
            territory TEXT NOT NULL CHECK (length(territory) > 0),
            owner_agent_id TEXT, tags TEXT,
            \(common))
        """,
        "CREATE INDEX customers_territory ON customers(territory)",
        "CREATE INDEX customers_name ON customers(name COLLATE NOCASE)",
        """
        CREATE TABLE interactions (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            agent_id TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('phone','email','chat','in_person','video','social','web','other')),
            touchpoint TEXT NOT NULL CHECK (length(touchpoint) > 0),
            stage TEXT NOT NULL CHECK (stage IN ('awareness','consideration','purchase','onboarding','usage','support','renewal','advocacy')),
            direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
            sentiment INTEGER NOT NULL CHECK (sentiment BETWEEN -2 AND 2),
            outcome TEXT NOT NULL CHECK (outcome IN ('resolved','follow_up','escalated','no_action')),
            duration_seconds INTEGER NOT NULL CHECK (duration_seconds >= 0),
            case_id TEXT, summary TEXT,
            \(common))
        """,
        "CREATE INDEX interactions_customer ON interactions(customer_id, occurred_at)",
        "CREATE INDEX interactions_agent ON interactions(agent_id, occurred_at)",
        "CREATE INDEX interactions_occurred ON interactions(occurred_at)",
        "CREATE INDEX interactions_case ON interactions(case_id) WHERE case_id IS NOT NULL",
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            subject TEXT NOT NULL CHECK (length(trim(subject)) > 0),
            status TEXT NOT NULL CHECK (status IN ('open','pending','resolved','closed')),
            priority TEXT NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
            owner_agent_id TEXT,
            opened_at INTEGER NOT NULL,
            first_response_at INTEGER, resolved_at INTEGER,
            reopen_count INTEGER NOT NULL CHECK (reopen_count >= 0),
            \(common))
        """,
        "CREATE INDEX cases_customer ON cases(customer_id)",
        "CREATE INDEX cases_status ON cases(status, opened_at)",
        """
        CREATE TABLE feedback (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            interaction_id TEXT, agent_id TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('nps','csat','ces')),
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            bucket TEXT CHECK (bucket IN ('promoter','passive','detractor')),
            comment TEXT,
            collected_at INTEGER NOT NULL,
            channel TEXT, touchpoint TEXT, stage TEXT, team TEXT,
            \(common))
        """,
        "CREATE INDEX feedback_customer ON feedback(customer_id)",
        "CREATE INDEX feedback_kind ON feedback(kind, collected_at)",
        """
        CREATE TABLE follow_ups (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            assignee_agent_id TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open','done','cancelled')),
            note TEXT, source_feedback_id TEXT,
            created_at INTEGER NOT NULL, completed_at INTEGER,
            \(common))
        """,
        "CREATE INDEX follow_ups_assignee ON follow_ups(assignee_agent_id, status, due_at)",
        """
        CREATE TABLE notes (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            case_id TEXT,
            author_agent_id TEXT NOT NULL,
            body TEXT NOT NULL CHECK (length(trim(body)) > 0),
            created_at INTEGER NOT NULL,
            \(common))
        """,
        "CREATE INDEX notes_customer ON notes(customer_id, created_at)",
    ]
}
