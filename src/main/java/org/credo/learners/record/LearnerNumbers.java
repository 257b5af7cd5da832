package org.credo.learners.record;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credo.learners.LearnerSettingsChanged;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's learner-number format (a prefix and a zero-padded sequence) and what learners may edit
 * themselves; hands out numbers that are unique and never reused.
 */
@Service
public class LearnerNumbers {

    /** The parts of their own record a learner may be allowed to edit. */
    public enum SelfEdit {
        PREFERRED_NAME,
        PRONOUNS,
        PHONE,
        ADDRESS
    }

    /** An organization's settings. */
    public record Settings(String prefix, int digits, long nextNumber, Set<SelfEdit> selfEdit) {

        /** What the next number will look like. */
        public String example() {
            return format(prefix, digits, nextNumber);
        }
    }

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    LearnerNumbers(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The settings of an organization, created with defaults (N, 7 digits, all self-edits) on first use. */
    @Transactional
    public Settings settings(UUID organizationId) {
        ensure(organizationId);
        return jdbc.sql("SELECT * FROM learner_settings WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> new Settings(
                        rs.getString("number_prefix"),
                        rs.getInt("number_digits"),
                        rs.getLong("next_number"),
                        parse(rs.getString("self_edit_fields"))))
                .single();
    }

    /** Changes the format of numbers handed out from now on; numbers already issued stay as they are. */
    @Transactional
    public void change(UUID organizationId, String prefix, int digits, Set<SelfEdit> selfEdit) {
        var p = prefix.trim();
        if (!p.matches("[A-Za-z0-9-]{0,12}")) {
            throw ProblemException.invalidField("prefix", "use up to 12 letters, digits or hyphens.");
        }
        if (digits < 3 || digits > 12) {
            throw ProblemException.invalidField("digits", "choose between 3 and 12 digits.");
        }
        ensure(organizationId);
        jdbc.sql("UPDATE learner_settings SET number_prefix = ?, number_digits = ?, self_edit_fields = ?"
                        + " WHERE organization_id = ?")
                .params(p, digits, join(selfEdit), organizationId)
                .update();
        var next = settings(organizationId);
        events.publishEvent(new LearnerSettingsChanged(
                ChangeStamp.now(organizationId), next.example(), join(selfEdit).replace(",", ", ")));
    }

    /**
     * The next learner number of the organization. The counter row is locked for the transaction, so two nodes never
     * hand out the same number; a number issued before (under another format) is skipped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String next(UUID organizationId) {
        ensure(organizationId);
        while (true) {
            var settings = jdbc.sql("SELECT number_prefix, number_digits, next_number FROM learner_settings"
                            + " WHERE organization_id = ? FOR UPDATE")
                    .param(organizationId)
                    .query((rs, n) ->
                            new Settings(rs.getString(1), rs.getInt(2), rs.getLong(3), EnumSet.noneOf(SelfEdit.class)))
                    .single();
            jdbc.sql("UPDATE learner_settings SET next_number = next_number + 1 WHERE organization_id = ?")
                    .param(organizationId)
                    .update();
            var number = settings.example();
            var taken = jdbc.sql(
                            "SELECT count(*) FROM learner_number_issued WHERE organization_id = ? AND learner_number = ?")
                    .params(organizationId, number)
                    .query(Long.class)
                    .single();
            if (taken == 0) {
                jdbc.sql(
                                "INSERT INTO learner_number_issued (organization_id, learner_number, issued_at) VALUES (?, ?, ?)")
                        .params(organizationId, number, Timestamps.sql(Timestamps.now()))
                        .update();
                return number;
            }
        }
    }

    private void ensure(UUID organizationId) {
        var exists = jdbc.sql("SELECT count(*) FROM learner_settings WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
        if (exists == 0) {
            jdbc.sql("INSERT INTO learner_settings (organization_id, number_prefix, number_digits, next_number,"
                            + " self_edit_fields) SELECT ?, 'N', 7, 1, ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM learner_settings WHERE organization_id = ?)")
                    .params(organizationId, join(EnumSet.allOf(SelfEdit.class)), organizationId)
                    .update();
        }
    }

    static String format(String prefix, int digits, long value) {
        return prefix + String.format("%0" + digits + "d", value);
    }

    private static String join(Set<SelfEdit> fields) {
        return fields.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<SelfEdit> parse(String fields) {
        var set = EnumSet.noneOf(SelfEdit.class);
        Arrays.stream(fields.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(SelfEdit.valueOf(s.trim())));
        return set;
    }
}
