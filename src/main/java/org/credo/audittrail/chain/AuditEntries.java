package org.credo.audittrail.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** The stored entries and chain heads. */
@Repository
public class AuditEntries {

    /** The fields an entry list can be sorted by; the first is the default. */
    public static final List<String> SORTABLE = List.of("sequence", "occurredAt", "actor", "action");

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "sequence", "sequence_number", "occurredAt", "occurred_at", "actor", "actor_name", "action", "action");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditEntries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Creates the chain head of an organization if it has none yet. */
    void createHeadIfMissing(UUID organizationId) {
        jdbc.sql("""
                INSERT INTO audit_chain_head (organization_id, last_sequence, last_hash)
                SELECT ?, 0, ? WHERE NOT EXISTS (SELECT 1 FROM audit_chain_head WHERE organization_id = ?)""").params(organizationId, EntryHash.GENESIS, organizationId).update();
    }

    /** The last sequence number and hash of a chain, locked until the transaction ends. */
    Optional<Object[]> lockHead(UUID organizationId) {
        return jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE organization_id = ? FOR UPDATE")
                .param(organizationId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
    }

    Optional<Object[]> head(UUID organizationId) {
        return jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
    }

    /** The name last recorded for a subject, if any entry named it. */
    java.util.Optional<String> lastSubjectName(UUID organizationId, String subjectType, String subjectId) {
        return jdbc.sql("""
                        SELECT subject_name FROM audit_entry
                        WHERE organization_id = ? AND subject_type = ? AND subject_id = ? AND subject_name IS NOT NULL
                        ORDER BY sequence_number DESC LIMIT 1""")
                .params(organizationId, subjectType, subjectId)
                .query(String.class)
                .optional();
    }

    /** The ones of these events that already have an entry. */
    Set<UUID> recorded(List<UUID> eventIds) {
        var found = new HashSet<UUID>(jdbc.sql("SELECT event_id FROM audit_entry WHERE event_id = ANY (?)")
                .param(new SqlArrayValue("uuid", eventIds.toArray()))
                .query(UUID.class)
                .list());
        return found;
    }

    /** Appends entries already chained to the locked head, in one batch, and moves the head. */
    void appendAll(UUID organizationId, List<AuditEntry> appended) {
        if (appended.isEmpty()) {
            return;
        }
        var rows = appended.stream()
                .map(entry -> new Object[] {
                    organizationId,
                    entry.sequenceNumber(),
                    entry.eventId(),
                    Timestamps.sql(entry.occurredAt()),
                    entry.actorId(),
                    entry.actorName(),
                    entry.action(),
                    entry.subjectType(),
                    entry.subjectId(),
                    entry.subjectName(),
                    entry.summary(),
                    entry.requestId(),
                    entry.previousHash(),
                    entry.entryHash()
                })
                .toList();
        template.batchUpdate("""
                INSERT INTO audit_entry (organization_id, sequence_number, event_id, occurred_at, actor_id, actor_name,
                  action, subject_type, subject_id, subject_name, summary, request_id, previous_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        var last = appended.get(appended.size() - 1);
        jdbc.sql("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE organization_id = ?")
                .params(last.sequenceNumber(), last.entryHash(), organizationId)
                .update();
    }

    /** Walks a chain in order, entry by entry, without holding it all in memory. */
    void forEachInOrder(UUID organizationId, Consumer<AuditEntry> visitor) {
        try (Stream<AuditEntry> entries = jdbc
                .sql("SELECT * FROM audit_entry WHERE organization_id = ? ORDER BY sequence_number")
                .param(organizationId)
                .withFetchSize(500)
                .query(AuditEntries::entry)
                .stream()) {
            entries.forEach(visitor);
        }
    }

    /** One page of entries that match a filter. */
    public PageResult<AuditEntry> page(UUID organizationId, AuditFilter filter, PageQuery page) {
        var where = new StringBuilder(" WHERE organization_id = ?");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        where(filter, where, params);
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var rows = jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY "
                        + page.orderBy(SORT_COLUMNS, "sequence_number") + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(AuditEntries::entry)
                .list();
        return PageResult.of(rows, page, total);
    }

    /** Every entry that matches a filter, oldest first, streamed for export. */
    public void export(UUID organizationId, AuditFilter filter, Consumer<AuditEntry> visitor) {
        var where = new StringBuilder(" WHERE organization_id = ?");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        where(filter, where, params);
        try (Stream<AuditEntry> entries = jdbc
                .sql("SELECT * FROM audit_entry" + where + " ORDER BY sequence_number")
                .params(params)
                .withFetchSize(500)
                .query(AuditEntries::entry)
                .stream()) {
            entries.forEach(visitor);
        }
    }

    private static void where(AuditFilter filter, StringBuilder where, List<Object> params) {
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor_name ILIKE ?");
            params.add("%" + like(filter.actor().trim()) + "%");
        }
        if (filter.subject() != null && !filter.subject().isBlank()) {
            where.append(" AND (subject_id = ? OR subject_type ILIKE ? OR summary ILIKE ? OR subject_name ILIKE ?)");
            params.add(filter.subject().trim());
            params.add(like(filter.subject().trim()));
            params.add("%" + like(filter.subject().trim()) + "%");
            params.add("%" + like(filter.subject().trim()) + "%");
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action ILIKE ?");
            params.add(like(filter.action().trim()) + "%");
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(Timestamps.sql(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(Timestamps.sql(filter.to()));
        }
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("sequence_number"),
                rs.getObject("event_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("subject_name"),
                rs.getString("summary"),
                rs.getString("request_id"),
                rs.getString("previous_hash"),
                rs.getString("entry_hash"));
    }
}
