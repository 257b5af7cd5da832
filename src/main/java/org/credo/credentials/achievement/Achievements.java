package org.credo.credentials.achievement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.AchievementDrafted;
import org.credo.credentials.AchievementPublished;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Achievements of an organization: drafts, versions, publication. */
@Service
public class Achievements {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Achievements(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Saves a first draft of a new achievement. */
    @Transactional
    public Achievement draft(UUID organizationId, AchievementDraft content) {
        return insert(organizationId, UUID.randomUUID(), 1, content);
    }

    /**
     * Changes an achievement: a draft is changed in place; a published version is never edited, a new
     * draft version is made instead.
     */
    @Transactional
    public Achievement revise(UUID organizationId, UUID achievementId, AchievementDraft content) {
        var current =
                find(organizationId, achievementId).orElseThrow(() -> ProblemException.notFound("That achievement"));
        var latest = latest(organizationId, current.lineageId());
        if (!latest.id().equals(current.id())) {
            throw ProblemException.conflict(
                    "Not the latest version", "Version " + latest.version() + " is newer; change that one.");
        }
        if (current.status() == Achievement.Status.DRAFT) {
            jdbc.sql("DELETE FROM achievement WHERE id = ?").param(current.id()).update();
            return insert(organizationId, current.lineageId(), current.version(), content, current.id());
        }
        if (current.status() == Achievement.Status.RETIRED) {
            throw ProblemException.conflict("Retired", "This achievement is retired and can no longer change.");
        }
        return insert(organizationId, current.lineageId(), current.version() + 1, content);
    }

    /** Publishes a draft; the version it replaces stays verifiable but is no longer issued. */
    @Transactional
    public Achievement publish(UUID organizationId, UUID achievementId) {
        var draft =
                find(organizationId, achievementId).orElseThrow(() -> ProblemException.notFound("That achievement"));
        if (draft.status() != Achievement.Status.DRAFT) {
            throw ProblemException.conflict(
                    "Not a draft",
                    "Only a draft can be published; this version is "
                            + draft.status().name().toLowerCase() + ".");
        }
        var now = Timestamps.now();
        jdbc.sql("UPDATE achievement SET status = 'SUPERSEDED' WHERE lineage_id = ? AND status = 'PUBLISHED'")
                .param(draft.lineageId())
                .update();
        jdbc.sql("UPDATE achievement SET status = 'PUBLISHED', published_at = ? WHERE id = ?")
                .params(Timestamps.sql(now), achievementId)
                .update();
        events.publishEvent(new AchievementPublished(
                ChangeStamp.now(organizationId), achievementId, draft.content().name(), draft.version()));
        return find(organizationId, achievementId).orElseThrow();
    }

    /** Retires an achievement: its published version is no longer issued; credentials already issued stay valid. */
    @Transactional
    public void retire(UUID organizationId, UUID lineageId) {
        int changed = jdbc.sql(
                        "UPDATE achievement SET status = 'RETIRED' WHERE organization_id = ? AND lineage_id = ? AND status = 'PUBLISHED'")
                .params(organizationId, lineageId)
                .update();
        if (changed == 0) {
            throw ProblemException.conflict("Not published", "Only a published achievement can be retired.");
        }
        var retired = latest(organizationId, lineageId);
        events.publishEvent(new org.credo.credentials.AchievementRetired(
                ChangeStamp.now(organizationId), lineageId, retired.content().name()));
    }

    public Optional<Achievement> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM achievement WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(this::achievement)
                .optional();
    }

    /** Every version, newest first within each achievement. */
    public List<Achievement> all(UUID organizationId) {
        return jdbc.sql("SELECT * FROM achievement WHERE organization_id = ? ORDER BY name, lineage_id, version DESC")
                .param(organizationId)
                .query(this::achievement)
                .list();
    }

    /** The published versions, which can be issued. */
    public List<Achievement> issuable(UUID organizationId) {
        return jdbc.sql("SELECT * FROM achievement WHERE organization_id = ? AND status = 'PUBLISHED' ORDER BY name")
                .param(organizationId)
                .query(this::achievement)
                .list();
    }

    /** The issuable version with this exact name, for imports that name achievements. */
    public Optional<Achievement> issuableByName(UUID organizationId, String name) {
        return jdbc.sql("SELECT * FROM achievement WHERE organization_id = ? AND status = 'PUBLISHED' AND name = ?")
                .params(organizationId, name)
                .query(this::achievement)
                .optional();
    }

    private Achievement latest(UUID organizationId, UUID lineageId) {
        return jdbc.sql("SELECT * FROM achievement WHERE organization_id = ? AND lineage_id = ? ORDER BY version DESC")
                .params(organizationId, lineageId)
                .query(this::achievement)
                .list()
                .get(0);
    }

    private Achievement insert(UUID organizationId, UUID lineageId, int version, AchievementDraft content) {
        return insert(organizationId, lineageId, version, content, UUID.randomUUID());
    }

    private Achievement insert(UUID organizationId, UUID lineageId, int version, AchievementDraft c, UUID id) {
        jdbc.sql("""
                INSERT INTO achievement (id, organization_id, lineage_id, version, status, name, description,
                  criteria_narrative, image_url, achievement_type, credits_available, field_of_study, tags, alignments,
                  result_descriptions, created_at)
                VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        lineageId,
                        version,
                        c.name().trim(),
                        c.description().trim(),
                        c.criteriaNarrative().trim(),
                        blank(c.imageUrl()),
                        c.achievementType().name(),
                        c.creditsAvailable(),
                        blank(c.fieldOfStudy()),
                        c.tags() == null ? null : String.join(",", c.tags()),
                        c.alignments() == null ? null : json.writeValueAsString(c.alignments()),
                        c.resultDescriptions() == null ? null : json.writeValueAsString(c.resultDescriptions()),
                        Timestamps.sql(Timestamps.now()))
                .update();
        events.publishEvent(new AchievementDrafted(ChangeStamp.now(organizationId), id, c.name(), version));
        return find(organizationId, id).orElseThrow();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Achievement achievement(ResultSet rs, int row) throws SQLException {
        var tags = rs.getString("tags");
        var alignments = rs.getString("alignments");
        var results = rs.getString("result_descriptions");
        var content = new AchievementDraft(
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("criteria_narrative"),
                rs.getString("image_url"),
                AchievementType.valueOf(rs.getString("achievement_type")),
                rs.getBigDecimal("credits_available"),
                rs.getString("field_of_study"),
                tags == null ? null : Arrays.asList(tags.split(",")),
                alignments == null
                        ? null
                        : json.readValue(alignments, new TypeReference<List<AchievementDraft.Alignment>>() {}),
                results == null
                        ? null
                        : json.readValue(results, new TypeReference<List<AchievementDraft.ResultDescription>>() {}));
        return new Achievement(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("lineage_id", UUID.class),
                rs.getInt("version"),
                Achievement.Status.valueOf(rs.getString("status")),
                content,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("published_at") == null
                        ? null
                        : rs.getTimestamp("published_at").toInstant());
    }
}
