package org.credo.registration.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Each organization's grade scale, seeded with the default scale on first use. */
@Component
public class GradeScales {

    /** What a grade means. */
    public enum Kind {
        LETTER,
        PASS,
        FAIL,
        INCOMPLETE,
        WITHDRAWN,
        AUDIT
    }

    /** One grade of a scale: points for the GPA (none outside it) and whether it earns credit. */
    public record Entry(String grade, Kind kind, @Nullable BigDecimal points, boolean earnsCredit) {}

    static final List<Entry> DEFAULT = List.of(
            letter("A", "4.0"),
            letter("A-", "3.7"),
            letter("B+", "3.3"),
            letter("B", "3.0"),
            letter("B-", "2.7"),
            letter("C+", "2.3"),
            letter("C", "2.0"),
            letter("C-", "1.7"),
            letter("D+", "1.3"),
            letter("D", "1.0"),
            new Entry("F", Kind.FAIL, new BigDecimal("0.0"), false),
            new Entry("P", Kind.PASS, null, true),
            new Entry("NP", Kind.FAIL, null, false),
            new Entry("I", Kind.INCOMPLETE, null, false),
            new Entry("W", Kind.WITHDRAWN, null, false),
            new Entry("AU", Kind.AUDIT, null, false));

    private final JdbcClient jdbc;
    private final TransactionTemplate seeding;

    GradeScales(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.seeding = new TransactionTemplate(transactions);
        this.seeding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The organization's scale, best grade first; the default scale is written the first time it is asked for. */
    public List<Entry> of(UUID organizationId) {
        var rows = read(organizationId);
        if (!rows.isEmpty()) {
            return rows;
        }
        seeding.executeWithoutResult(status -> seed(organizationId));
        return read(organizationId);
    }

    private void seed(UUID organizationId) {
        try {
            for (int i = 0; i < DEFAULT.size(); i++) {
                var e = DEFAULT.get(i);
                jdbc.sql("INSERT INTO grade_scale_entry (organization_id, grade, kind, points, earns_credit, position)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(organizationId, e.grade(), e.kind().name(), e.points(), e.earnsCredit(), i)
                        .update();
            }
        } catch (DuplicateKeyException raced) {
            // Another request seeded the scale first; theirs is read.
        }
    }

    /** The grade as the scale spells it, if it is on the organization's scale. */
    public Optional<Entry> find(UUID organizationId, String grade) {
        var g = grade.trim().toUpperCase();
        return of(organizationId).stream().filter(e -> e.grade().equals(g)).findFirst();
    }

    private List<Entry> read(UUID organizationId) {
        return jdbc.sql("SELECT grade, kind, points, earns_credit FROM grade_scale_entry"
                        + " WHERE organization_id = ? ORDER BY position")
                .param(organizationId)
                .query((rs, n) -> new Entry(
                        rs.getString("grade"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("points"),
                        rs.getBoolean("earns_credit")))
                .list();
    }

    private static Entry letter(String grade, String points) {
        return new Entry(grade, Kind.LETTER, new BigDecimal(points), true);
    }
}
