package org.credo.catalog.publiccatalog;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import org.credo.catalog.CourseVersionPublished;
import org.credo.catalog.ProgramVersionPublished;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code catalog_search_entry} in step with the published versions: one row per version, with
 * the dates between which it is its item's current version. Publication events refresh one item; the
 * whole table can be rebuilt from the version tables at any time (it holds nothing else), and is
 * rebuilt at start-up and by a periodic check whenever it has a different number of rows than there
 * are versions (data loaded without events, a restored backup).
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private static final String COURSE_VERSIONS = """
            SELECT v.id, v.course_id AS item_id, v.organization_id, v.version, v.effective_from, v.retired,
                   c.subject, c.number, v.title, v.credits, v.description, v.outcomes
              FROM catalog_course_version v JOIN catalog_course c ON c.id = v.course_id
            """;
    private static final String PROGRAM_VERSIONS = """
            SELECT v.id, v.program_id AS item_id, v.organization_id, v.version, v.effective_from, v.retired,
                   p.code, v.name, v.program_type, v.level, v.credits, v.cip_code, v.delivery_mode,
                   v.description, v.learning_outcomes, v.requirements
              FROM catalog_program_version v JOIN catalog_program p ON p.id = v.program_id
            """;
    private static final String INSERT = """
            INSERT INTO catalog_search_entry (id, organization_id, item_kind, item_id, version, code, name, summary,
              program_type, level, delivery_mode, subjects, credits, valid_from, valid_until, retired, sort_name,
              title_text, keyword_text, body_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RequirementTrees requirements;
    private final TransactionTemplate transactions;
    private final CatalogStamps stamps;

    SearchIndex(
            JdbcClient jdbc,
            JdbcTemplate batch,
            RequirementTrees requirements,
            PlatformTransactionManager transactionManager,
            CatalogStamps stamps) {
        this.stamps = stamps;
        this.jdbc = jdbc;
        this.batch = batch;
        this.requirements = requirements;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @ApplicationModuleListener
    void on(CourseVersionPublished event) {
        refreshCourse(event.courseId());
    }

    @ApplicationModuleListener
    void on(ProgramVersionPublished event) {
        refreshProgram(event.programId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            rebuildIfStale();
        } catch (RuntimeException e) {
            // The index is derived data: the periodic check tries again; the application must start.
            log.warn("Could not rebuild the catalog search entries at start-up; retrying later", e);
        }
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    void periodically() {
        rebuildIfStale();
    }

    /** Re-derives the rows of one course from its versions. */
    void refreshCourse(UUID courseId) {
        transactions.executeWithoutResult(tx -> {
            var organization = lockOrganizationOf("SELECT organization_id FROM catalog_course WHERE id = ?", courseId);
            jdbc.sql("DELETE FROM catalog_search_entry WHERE item_id = ?")
                    .param(courseId)
                    .update();
            insert(courseEntries(COURSE_VERSIONS + " WHERE v.course_id = ?", courseId));
            organization.ifPresent(stamps::raise);
        });
    }

    /** Re-derives the rows of one program from its versions. */
    void refreshProgram(UUID programId) {
        transactions.executeWithoutResult(tx -> {
            var organization =
                    lockOrganizationOf("SELECT organization_id FROM catalog_program WHERE id = ?", programId);
            jdbc.sql("DELETE FROM catalog_search_entry WHERE item_id = ?")
                    .param(programId)
                    .update();
            insert(programEntries(PROGRAM_VERSIONS + " WHERE v.program_id = ?", programId));
            organization.ifPresent(stamps::raise);
        });
    }

    /** Re-derives the whole table from the version tables. */
    void rebuild() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT id FROM organization ORDER BY id FOR UPDATE")
                    .query(UUID.class)
                    .list();
            jdbc.sql("DELETE FROM catalog_search_entry").update();
            insert(courseEntries(COURSE_VERSIONS, null));
            insert(programEntries(PROGRAM_VERSIONS, null));
            stamps.raiseAll();
        });
    }

    /**
     * Index writes of an organization take its row lock, so that a refresh and a rebuild (on this
     * node or another) never interleave their delete and insert.
     */
    private java.util.Optional<UUID> lockOrganizationOf(String organizationOfItem, UUID item) {
        return jdbc
                .sql("SELECT id FROM organization WHERE id = (" + organizationOfItem + ") FOR UPDATE")
                .param(item)
                .query(UUID.class)
                .list()
                .stream()
                .findFirst();
    }

    /** Rebuilds when the table has not one row per published version; true if it did. */
    boolean rebuildIfStale() {
        long versions = count("SELECT count(*) FROM catalog_course_version")
                + count("SELECT count(*) FROM catalog_program_version");
        long entries = count("SELECT count(*) FROM catalog_search_entry");
        if (versions == entries) {
            return false;
        }
        log.info("Rebuilding the catalog search entries: {} versions, {} entries", versions, entries);
        rebuild();
        return true;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<Entry> courseEntries(String sql, @Nullable UUID item) {
        var spec = jdbc.sql(sql + " ORDER BY item_id, v.version");
        if (item != null) {
            spec = spec.param(item);
        }
        return spec.query((rs, n) -> {
                    var subject = rs.getString("subject");
                    var number = rs.getString("number");
                    var title = rs.getString("title");
                    var description = rs.getString("description");
                    return new Entry(
                            rs.getObject("id", UUID.class),
                            rs.getObject("organization_id", UUID.class),
                            "COURSE",
                            rs.getObject("item_id", UUID.class),
                            rs.getInt("version"),
                            rs.getObject("effective_from", LocalDate.class),
                            rs.getBoolean("retired"),
                            subject + " " + number,
                            title,
                            summary(description),
                            null,
                            null,
                            null,
                            " " + subject.toUpperCase(Locale.ROOT) + " ",
                            rs.getBigDecimal("credits"),
                            SearchText.normalize(title + " " + subject + " " + number + " " + subject + number),
                            SearchText.normalize("course " + subject),
                            SearchText.normalize(description + " " + rs.getString("outcomes")));
                })
                .list();
    }

    private List<Entry> programEntries(String sql, @Nullable UUID item) {
        var spec = jdbc.sql(sql + " ORDER BY item_id, v.version");
        if (item != null) {
            spec = spec.param(item);
        }
        return spec.query((rs, n) -> {
                    var name = rs.getString("name");
                    var code = rs.getString("code");
                    var description = rs.getString("description");
                    var type = rs.getString("program_type");
                    var level = rs.getString("level");
                    var delivery = rs.getString("delivery_mode");
                    var subjects = new TreeSet<String>(requirements.subjects(rs.getString("requirements")));
                    var cip = rs.getString("cip_code");
                    return new Entry(
                            rs.getObject("id", UUID.class),
                            rs.getObject("organization_id", UUID.class),
                            "PROGRAM",
                            rs.getObject("item_id", UUID.class),
                            rs.getInt("version"),
                            rs.getObject("effective_from", LocalDate.class),
                            rs.getBoolean("retired"),
                            code,
                            name,
                            summary(description),
                            type,
                            level,
                            delivery,
                            subjects.isEmpty() ? " " : " " + String.join(" ", subjects) + " ",
                            rs.getBigDecimal("credits"),
                            SearchText.normalize(name + " " + code),
                            SearchText.normalize("program " + Labels.programType(type) + " " + level + " "
                                    + Labels.deliveryMode(delivery) + " " + String.join(" ", subjects) + " "
                                    + (cip == null ? "" : cip)),
                            SearchText.normalize(description + " " + rs.getString("learning_outcomes")));
                })
                .list();
    }

    private void insert(List<Entry> versions) {
        var rows = new ArrayList<Object[]>(versions.size());
        for (var item : byItem(versions)) {
            for (var entry : item) {
                // Current until the earliest effective date of any higher version of the same item.
                LocalDate until = null;
                for (var other : item) {
                    if (other.version() > entry.version()
                            && (until == null || other.effectiveFrom().isBefore(until))) {
                        until = other.effectiveFrom();
                    }
                }
                rows.add(new Object[] {
                    entry.id(),
                    entry.organizationId(),
                    entry.kind(),
                    entry.itemId(),
                    entry.version(),
                    entry.code(),
                    entry.name(),
                    entry.summary(),
                    entry.programType(),
                    entry.level(),
                    entry.deliveryMode(),
                    limit(entry.subjects(), 400),
                    entry.credits(),
                    Date.valueOf(entry.effectiveFrom()),
                    until == null ? null : Date.valueOf(until),
                    entry.retired(),
                    entry.name().toLowerCase(Locale.ROOT),
                    limit(entry.titleText(), 1000),
                    limit(entry.keywordText(), 1000),
                    entry.bodyText()
                });
            }
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    private static Collection<List<Entry>> byItem(List<Entry> versions) {
        var items = new LinkedHashMap<UUID, List<Entry>>();
        for (var entry : versions) {
            items.computeIfAbsent(entry.itemId(), id -> new ArrayList<>()).add(entry);
        }
        return items.values();
    }

    /** Text cut to a column's length at a word boundary (subjects keep their closing space). */
    private static String limit(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        var cut = text.substring(0, length);
        return cut.substring(0, Math.max(0, cut.lastIndexOf(' ') + 1));
    }

    private static String summary(String description) {
        var flat = description.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 297).replaceAll("\\s+\\S*$", "") + "…";
    }

    private record Entry(
            UUID id,
            UUID organizationId,
            String kind,
            UUID itemId,
            int version,
            LocalDate effectiveFrom,
            boolean retired,
            String code,
            String name,
            String summary,
            @Nullable String programType,
            @Nullable String level,
            @Nullable String deliveryMode,
            String subjects,
            BigDecimal credits,
            String titleText,
            String keywordText,
            String bodyText) {}
}
