package org.credo.billing.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.billing.LedgerEntryPosted;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal: posts balanced entries, reverses them, and reads balances as sums of postings. Entries are only ever
 * inserted; this class has no way to change or delete one, and on PostgreSQL triggers refuse it too (ADR 50).
 */
@Service
public class Ledger {

    /** Sort fields of a learner's activity. */
    public static final List<String> SORTABLE = List.of("postedAt", "number");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("postedAt", "e.posted_at", "number", "e.entry_number");

    private final JdbcClient jdbc;
    private final ChartOfAccounts chart;
    private final BillingSettings settings;
    private final ApplicationEventPublisher events;

    Ledger(JdbcClient jdbc, ChartOfAccounts chart, BillingSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.chart = chart;
        this.settings = settings;
        this.events = events;
    }

    /**
     * Posts a balanced entry in the organization's currency. With a source key, posting is idempotent: a key already
     * posted returns empty and posts nothing.
     */
    @Transactional
    public Optional<JournalEntry> post(ChangeStamp stamp, EntryDraft draft) {
        return post(stamp, draft, null);
    }

    private Optional<JournalEntry> post(ChangeStamp stamp, EntryDraft draft, @Nullable UUID reverses) {
        var organizationId = stamp.organizationId();
        checkBalanced(draft.postings());
        if (draft.sourceKey() != null && !claim(organizationId, draft.sourceKey())) {
            return Optional.empty();
        }
        var currency = settings.of(organizationId).currency();
        var accounts = chart.accounts(organizationId);
        var id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO journal_entry (id, organization_id, kind, description, currency, effective_on, posted_at,"
                                + " posted_by_name, learner_id, source_key, reverses_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organizationId,
                        draft.kind().name(),
                        truncate(draft.description(), 500),
                        currency,
                        draft.effectiveOn(),
                        Timestamps.sql(stamp.occurredAt()),
                        truncate(stamp.actorName(), 200),
                        draft.learnerId(),
                        draft.sourceKey(),
                        reverses)
                .update();
        for (var p : draft.postings()) {
            jdbc.sql("INSERT INTO journal_posting (entry_id, organization_id, account_id, learner_id, amount, currency,"
                            + " effective_on, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            organizationId,
                            accounts.get(p.account()),
                            p.learnerId(),
                            p.amount(),
                            currency,
                            draft.effectiveOn(),
                            p.dueOn())
                    .update();
        }
        var number = jdbc.sql("SELECT entry_number FROM journal_entry WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
        var entry = new JournalEntry(
                id,
                number,
                draft.kind(),
                truncate(draft.description(), 500),
                currency,
                draft.effectiveOn(),
                stamp.occurredAt(),
                stamp.actorName(),
                draft.learnerId(),
                reverses,
                null,
                draft.postings().stream()
                        .map(p -> new JournalEntry.Line(
                                p.account().code(), p.account().label(), p.learnerId(), p.amount(), p.dueOn()))
                        .toList());
        events.publishEvent(new LedgerEntryPosted(
                ChangeStamp.by(organizationId, stamp.actorId(), stamp.actorName()),
                id,
                entry.number(),
                entry.kind().name(),
                entry.description(),
                entry.learnerId(),
                entry.receivable(),
                currency));
        return Optional.of(entry);
    }

    /** Reverses a posted entry with an entry of opposite lines; an entry is reversed once, a reversal never. */
    @Transactional
    public JournalEntry reverse(ChangeStamp stamp, UUID entryId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the entry is reversed; auditors read it.");
        }
        var entry = find(stamp.organizationId(), entryId).orElseThrow(() -> ProblemException.notFound("That entry"));
        if (entry.kind() == EntryKind.REVERSAL) {
            throw ProblemException.conflict(
                    "A reversal is not reversed", "Post the original charge or payment again instead.");
        }
        if (entry.reversedById() != null) {
            throw ProblemException.conflict("Already reversed", "Entry " + entry.number() + " was reversed already.");
        }
        var lines = new ArrayList<Posting>();
        for (var l : entry.lines()) {
            lines.add(
                    new Posting(code(l.accountCode()), l.learnerId(), l.amount().negate(), l.dueOn()));
        }
        var draft = new EntryDraft(
                EntryKind.REVERSAL,
                "Reversal of entry " + entry.number() + ": " + reason.trim(),
                stamp.occurredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                entry.learnerId(),
                "reversal:" + entryId,
                lines);
        return post(stamp, draft, entryId)
                .orElseThrow(() -> ProblemException.conflict("Already reversed", "This entry was reversed already."));
    }

    /** A posted entry with its lines. */
    @Transactional(readOnly = true)
    public Optional<JournalEntry> find(UUID organizationId, UUID entryId) {
        var entries = entries("e.organization_id = ? AND e.id = ?", List.of(organizationId, entryId));
        return entries.stream().findFirst();
    }

    /** A learner's entries, newest first by default, paged. */
    @Transactional(readOnly = true)
    public PageResult<JournalEntry> activity(UUID organizationId, UUID learnerId, PageQuery page) {
        var total = jdbc.sql("SELECT count(*) FROM journal_entry WHERE organization_id = ? AND learner_id = ?")
                .params(organizationId, learnerId)
                .query(Long.class)
                .single();
        var ids = jdbc.sql("SELECT e.id FROM journal_entry e WHERE e.organization_id = ? AND e.learner_id = ? ORDER BY "
                        + page.orderBy(SORT_COLUMNS, "e.entry_number DESC") + " LIMIT ? OFFSET ?")
                .params(organizationId, learnerId, page.size(), page.offset())
                .query(UUID.class)
                .list();
        var items =
                ids.stream().map(id -> find(organizationId, id).orElseThrow()).toList();
        return PageResult.of(items, page, total);
    }

    /** The learner's receivable balance: the sum of their postings on receivables (negative is a credit balance). */
    @Transactional(readOnly = true)
    public BigDecimal balance(UUID organizationId, UUID learnerId) {
        var receivables = chart.id(organizationId, AccountCode.RECEIVABLES);
        return jdbc.sql(
                        "SELECT coalesce(sum(amount), 0) FROM journal_posting WHERE organization_id = ? AND account_id = ?"
                                + " AND learner_id = ?")
                .params(organizationId, receivables, learnerId)
                .query(BigDecimal.class)
                .single()
                .setScale(2);
    }

    /** Refuses, in the domain, what the ledger never does: a posted entry is reversed, not changed. */
    public static ProblemException postedEntriesNeverChange(long number) {
        return ProblemException.conflict(
                "Posted entries never change",
                "Entry " + number
                        + " is posted; reverse it (POST .../reversal with a reason) and post the correct entry.");
    }

    static void checkBalanced(List<Posting> postings) {
        if (postings.size() < 2) {
            throw new IllegalArgumentException("A journal entry needs at least two postings");
        }
        var sum = BigDecimal.ZERO;
        for (var p : postings) {
            if (p.amount().signum() == 0) {
                throw new IllegalArgumentException("A posting of zero is not posted");
            }
            if (p.amount().stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("A posting has more than two decimals: " + p.amount());
            }
            sum = sum.add(p.amount());
        }
        if (sum.signum() != 0) {
            throw new IllegalArgumentException("A journal entry must balance; its postings sum to " + sum);
        }
    }

    private boolean claim(UUID organizationId, String key) {
        return jdbc.sql("INSERT INTO billing_processed_event (organization_id, event_id, processed_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(organizationId, key, Timestamps.sql(Timestamps.now()))
                        .update()
                == 1;
    }

    private List<JournalEntry> entries(String where, List<Object> params) {
        var byId = new LinkedHashMap<UUID, JournalEntry>();
        var lines = new LinkedHashMap<UUID, List<JournalEntry.Line>>();
        jdbc.sql("SELECT e.*, r.id AS reversed_by_id FROM journal_entry e LEFT JOIN journal_entry r ON r.reverses_id ="
                        + " e.id WHERE " + where)
                .params(params)
                .query((rs, n) -> {
                    var entry = entry(rs);
                    byId.put(entry.id(), entry);
                    lines.put(entry.id(), new ArrayList<>());
                    return entry;
                })
                .list();
        if (byId.isEmpty()) {
            return List.of();
        }
        for (var id : byId.keySet()) {
            jdbc.sql(
                            "SELECT a.code, a.name, p.learner_id, p.amount, p.due_on FROM journal_posting p JOIN billing_account"
                                    + " a ON a.id = p.account_id WHERE p.entry_id = ? ORDER BY p.id")
                    .param(id)
                    .query((rs, n) -> lines.get(id)
                            .add(new JournalEntry.Line(
                                    rs.getString("code"),
                                    rs.getString("name"),
                                    rs.getObject("learner_id", UUID.class),
                                    rs.getBigDecimal("amount"),
                                    rs.getObject("due_on", java.time.LocalDate.class))))
                    .list();
        }
        return byId.values().stream()
                .map(e -> new JournalEntry(
                        e.id(),
                        e.number(),
                        e.kind(),
                        e.description(),
                        e.currency(),
                        e.effectiveOn(),
                        e.postedAt(),
                        e.postedBy(),
                        e.learnerId(),
                        e.reversesId(),
                        e.reversedById(),
                        List.copyOf(lines.get(e.id()))))
                .toList();
    }

    private static JournalEntry entry(ResultSet rs) throws SQLException {
        return new JournalEntry(
                rs.getObject("id", UUID.class),
                rs.getLong("entry_number"),
                EntryKind.valueOf(rs.getString("kind")),
                rs.getString("description"),
                rs.getString("currency"),
                rs.getObject("effective_on", java.time.LocalDate.class),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
                rs.getString("posted_by_name"),
                rs.getObject("learner_id", UUID.class),
                rs.getObject("reverses_id", UUID.class),
                rs.getObject("reversed_by_id", UUID.class),
                List.of());
    }

    private static AccountCode code(String code) {
        for (var c : AccountCode.values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalStateException("Unknown account code " + code);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
