import TouchpointModel
import TouchpointServer

/// The PostgreSQL server schema: the record tables, agents, sync state, the
/// change log and the conflict log — the tables of the SQLite store
/// (`ServerSchema`, `RecordSchema`) in PostgreSQL types, as one first migration.
///
/// Times are milliseconds since 1970 in BIGINT, as on the wire; a change is its
/// protobuf `ChangeRecord` in BYTEA. `changes.seq` has no default: how the
/// store numbers changes so that visibility order is commit order with several
/// writers is the store's technique (issue 12), not the schema's.
/// The change log carries each change's `territory`, indexed with the sequence
/// (what a pull filters on), as the customers do: the distribution key a
/// Postgres-compatible distributed database would need.
public enum PostgresSchema {
    /// Every migration, in order.
    public static let migrations: [PostgresMigration] = [
        PostgresMigration("v1-server", records + server),
        PostgresMigration("v2-customer-erasure", ["ALTER TABLE customers ADD COLUMN erased_at BIGINT"]),
        // As the SQLite store's `v6-stale-agents`: when a garbage collection marked an agent
        // stale, and whether it has pulled from 0 since (its full resync under way).
        PostgresMigration("v3-stale-agents", [
            "ALTER TABLE sync_state ADD COLUMN stale_since BIGINT",
            "ALTER TABLE sync_state ADD COLUMN resync_started BOOLEAN NOT NULL DEFAULT FALSE",
        ]),
        PostgresMigration("v4-audit-log", auditLog),
    ]

    /// The columns every record table ends with: the tombstone, the field
    /// versions (`{"field": [hlc, siteIndex]}` as text, as in SQLite) and the
    /// fields this schema does not know.
    private static let common = """
        deleted BOOLEAN NOT NULL DEFAULT FALSE,
        _versions TEXT NOT NULL,
        _extra TEXT
        """

    private static let records: [String] = [
        "CREATE TABLE sites (idx BIGSERIAL PRIMARY KEY, site TEXT NOT NULL UNIQUE CHECK (length(site) = 36))",
        """
        CREATE TABLE customers (
            id TEXT PRIMARY KEY CHECK (length(id) = 36),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            email TEXT, phone TEXT, segment TEXT, persona TEXT,
            lifecycle TEXT NOT NULL CHECK (lifecycle IN ('prospect','onboarding','active','at_risk','churned')),
            territory TEXT NOT NULL CHECK (length(territory) > 0),
            owner_agent_id TEXT, tags TEXT,
            annual_value BIGINT CHECK (annual_value BETWEEN 0 AND \(FieldKind.maxMoney)),
            currency TEXT CHECK (length(currency) = 3),
            \(common))
        """,
        "CREATE INDEX customers_territory ON customers (territory)",
        "CREATE INDEX customers_name ON customers (lower(name))",
        """
        CREATE TABLE interactions (
            id TEXT PRIMARY KEY CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            agent_id TEXT NOT NULL,
            occurred_at BIGINT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('phone','email','chat','in_person','video','social','web','other')),
            touchpoint TEXT NOT NULL CHECK (length(touchpoint) > 0),
            stage TEXT NOT NULL CHECK (stage IN ('awareness','consideration','purchase','onboarding','usage','support','renewal','advocacy')),
            direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
            sentiment BIGINT NOT NULL CHECK (sentiment BETWEEN -2 AND 2),
            outcome TEXT NOT NULL CHECK (outcome IN ('resolved','follow_up','escalated','no_action')),
            duration_seconds BIGINT NOT NULL CHECK (duration_seconds >= 0),
            case_id TEXT, summary TEXT,
            \(common))
        """,
        "CREATE INDEX interactions_customer ON interactions (customer_id, occurred_at)",
        "CREATE INDEX interactions_agent ON interactions (agent_id, occurred_at)",
        "CREATE INDEX interactions_occurred ON interactions (occurred_at)",
        "CREATE INDEX interactions_case ON interactions (case_id) WHERE case_id IS NOT NULL",
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            subject TEXT NOT NULL CHECK (length(trim(subject)) > 0),
            status TEXT NOT NULL CHECK (status IN ('open','pending','resolved','closed')),
            priority TEXT NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
            owner_agent_id TEXT,
            opened_at BIGINT NOT NULL,
            first_response_at BIGINT, resolved_at BIGINT,
            reopen_count BIGINT NOT NULL CHECK (reopen_count >= 0),
            \(common))
        """,
        "CREATE INDEX cases_customer ON cases (customer_id)",
        "CREATE INDEX cases_status ON cases (status, opened_at)",
        """
        CREATE TABLE feedback (
            id TEXT PRIMARY KEY CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            interaction_id TEXT, agent_id TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('nps','csat','ces')),
            score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 10),
            bucket TEXT CHECK (bucket IN ('promoter','passive','detractor')),
            comment TEXT,
            collected_at BIGINT NOT NULL,
            channel TEXT, touchpoint TEXT, stage TEXT, team TEXT,
            \(common))
        """,
        "CREATE INDEX feedback_customer ON feedback (customer_id)",
        "CREATE INDEX feedback_kind ON feedback (kind, collected_at)",
        """
        CREATE TABLE follow_ups (
            id TEXT PRIMARY KEY CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            assignee_agent_id TEXT NOT NULL,
            due_at BIGINT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open','done','cancelled')),
            note TEXT, source_feedback_id TEXT,
            created_at BIGINT NOT NULL, completed_at BIGINT,
            \(common))
        """,
        "CREATE INDEX follow_ups_assignee ON follow_ups (assignee_agent_id, status, due_at)",
        """
        CREATE TABLE notes (
            id TEXT PRIMARY KEY CHECK (length(id) = 36),
            customer_id TEXT NOT NULL REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED,
            case_id TEXT,
            author_agent_id TEXT NOT NULL,
            body TEXT NOT NULL CHECK (length(trim(body)) > 0),
            created_at BIGINT NOT NULL,
            \(common))
        """,
        "CREATE INDEX notes_customer ON notes (customer_id, created_at)",
    ]

    private static let server: [String] = [
        "CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE agents (
            id TEXT PRIMARY KEY CHECK (length(id) = 36),
            name TEXT NOT NULL CHECK (length(name) > 0),
            team TEXT,
            territories TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
            token_hash TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL,
            revoked_at BIGINT)
        """,
        """
        CREATE TABLE sync_state (
            agent_id TEXT PRIMARY KEY REFERENCES agents(id),
            site TEXT,
            last_seen BIGINT,
            protocol_version INTEGER,
            pushed_seq BIGINT NOT NULL DEFAULT 0,
            pull_cursor BIGINT NOT NULL DEFAULT 0,
            last_sync_at BIGINT,
            last_error TEXT,
            last_error_at BIGINT,
            rejected BIGINT NOT NULL DEFAULT 0,
            outbox_depth BIGINT CHECK (outbox_depth >= 0))
        """,
        """
        CREATE TABLE push_state (
            site TEXT PRIMARY KEY CHECK (length(site) = 36),
            agent_id TEXT NOT NULL REFERENCES agents(id),
            last_seq BIGINT NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE push_log (
            site TEXT NOT NULL,
            seq BIGINT NOT NULL,
            fingerprint BIGINT NOT NULL,
            code INTEGER,
            message TEXT,
            PRIMARY KEY (site, seq))
        """,
        """
        CREATE TABLE changes (
            seq BIGINT PRIMARY KEY CHECK (seq > 0),
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            territory TEXT NOT NULL,
            site TEXT NOT NULL,
            agent_id TEXT,
            record BYTEA NOT NULL,
            received_at BIGINT NOT NULL)
        """,
        "CREATE INDEX changes_territory ON changes (territory, seq)",
        """
        CREATE TABLE conflicts (
            id BIGSERIAL PRIMARY KEY,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            winner TEXT NOT NULL,
            loser TEXT NOT NULL,
            winner_agent TEXT,
            loser_agent TEXT,
            detected_at BIGINT NOT NULL,
            resolved_at BIGINT,
            resolved_by TEXT,
            resolution TEXT)
        """,
        "CREATE INDEX conflicts_open ON conflicts (resolved_at, id)",
    ]

    /// The audit log, as in SQLite (`v6-audit-log`): append-only, a trigger refuses
    /// every UPDATE, DELETE and TRUNCATE, whoever runs it.
    private static let auditLog: [String] = [
        """
        CREATE TABLE audit_log (
            id BIGSERIAL PRIMARY KEY,
            at BIGINT NOT NULL,
            \(AuditLogColumns.sql))
        """,
        "CREATE INDEX audit_log_at ON audit_log (at)",
        """
        CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        """
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
        """,
        """
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
        """,
    ]
}
