/// The columns of `audit_log` after its id and time, the same text in SQLite and
/// PostgreSQL: who, what, on what, how it ended. The vocabularies are checked by the
/// database itself. Frozen: the migrations `v6-audit-log` (SQLite) and
/// `v3-audit-log` (PostgreSQL) create the table with it; a change is a new migration.
package enum AuditLogColumns {
    package static let sql = """
        actor_id TEXT CHECK (actor_id IS NULL OR length(actor_id) = 36),
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN (
            'agent_add', 'agent_revoke', 'territories_set', 'conflict_resolve', 'customer_erase', 'backup', 'restore', 'gc')),
        target TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
        reason TEXT CHECK ((outcome = 'refused') = (reason IS NOT NULL)),
        detail TEXT
        """
}
