package org.credo.learners.duplicates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.credo.learners.DuplicateRule;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners.Candidate;
import org.credo.learners.Learners.PossibleDuplicate;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the records that may be the same person as a candidate by looking its keys up in {@code learner_match_key}
 * (one index range per key, never a scan), and keeps those keys and the pairs found up to date as records change.
 */
@Service
public class DuplicateFinder {

    /** Records sharing one key beyond this many (a school's switchboard number) are not all worth showing. */
    static final int MAX_HITS = 200;

    private final JdbcClient jdbc;

    DuplicateFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The records of the organization that may be the candidate, best first; {@code exclude} is left out. */
    @Transactional(readOnly = true)
    public List<PossibleDuplicate> find(UUID organizationId, Candidate candidate, @Nullable UUID exclude) {
        var emails = new LinkedHashSet<String>();
        candidate.emails().stream()
                .map(MatchKeys::email)
                .filter(Objects::nonNull)
                .forEach(emails::add);
        var phones = new LinkedHashSet<String>();
        candidate.phones().stream()
                .map(MatchKeys::phone)
                .filter(Objects::nonNull)
                .forEach(phones::add);
        var nameDob =
                MatchKeys.nameAndBirthDate(candidate.givenName(), candidate.familyName(), candidate.dateOfBirth());
        boolean named = !MatchKeys.name(candidate.givenName()).isEmpty()
                || !MatchKeys.name(candidate.familyName()).isEmpty();
        if (!named) {
            phones.clear();
        }
        if (emails.isEmpty() && phones.isEmpty() && nameDob == null) {
            return List.of();
        }
        var sql = new StringBuilder(
                "SELECT learner_id, key_kind FROM learner_match_key WHERE organization_id = ? AND (1 = 0");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        keyClause(sql, params, MatchKeys.EMAIL, emails);
        keyClause(sql, params, MatchKeys.PHONE, phones);
        if (nameDob != null) {
            keyClause(sql, params, MatchKeys.NAME_DOB, List.of(nameDob));
        }
        sql.append(") LIMIT ").append(MAX_HITS * 3);
        var kinds = new HashMap<UUID, Set<String>>();
        jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> kinds.computeIfAbsent(
                                rs.getObject("learner_id", UUID.class), k -> new java.util.HashSet<>())
                        .add(rs.getString("key_kind")))
                .list();
        if (exclude != null) {
            kinds.remove(exclude);
        }
        if (kinds.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<PossibleDuplicate>();
        var ids = new ArrayList<>(kinds.keySet()).subList(0, Math.min(kinds.size(), MAX_HITS));
        var in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        var loadParams = new ArrayList<Object>();
        loadParams.add(organizationId);
        loadParams.addAll(ids);
        jdbc.sql("SELECT id, learner_number, legal_given_name, legal_family_name, preferred_name, status FROM learner"
                        + " WHERE organization_id = ? AND merged_into IS NULL AND id IN (" + in + ")")
                .params(loadParams)
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var given = rs.getString("legal_given_name");
                    var family = rs.getString("legal_family_name");
                    var preferred = rs.getString("preferred_name");
                    var rules = EnumSet.noneOf(DuplicateRule.class);
                    int best = 0;
                    var matched = kinds.get(id);
                    if (matched.contains(MatchKeys.EMAIL)) {
                        rules.add(DuplicateRule.SAME_EMAIL);
                        best = Math.max(best, DuplicateRule.SAME_EMAIL.score());
                    }
                    if (matched.contains(MatchKeys.NAME_DOB)) {
                        rules.add(DuplicateRule.SAME_NAME_AND_BIRTH_DATE);
                        best = Math.max(best, DuplicateRule.SAME_NAME_AND_BIRTH_DATE.score());
                    }
                    if (matched.contains(MatchKeys.PHONE)) {
                        double similarity = MatchKeys.similarity(
                                nullToEmpty(candidate.givenName()), nullToEmpty(candidate.familyName()), given, family);
                        if (preferred != null) {
                            similarity = Math.max(
                                    similarity,
                                    MatchKeys.similarity(
                                            nullToEmpty(candidate.givenName()),
                                            nullToEmpty(candidate.familyName()),
                                            preferred,
                                            family));
                        }
                        if (similarity >= MatchKeys.SIMILAR) {
                            rules.add(DuplicateRule.SIMILAR_NAME_AND_PHONE);
                            best = Math.max(
                                    best, (int) Math.round(DuplicateRule.SIMILAR_NAME_AND_PHONE.score() * similarity));
                        }
                    }
                    if (!rules.isEmpty()) {
                        // Each further rule that agrees makes the match surer.
                        int score = Math.min(99, best + 4 * (rules.size() - 1));
                        var name = (preferred == null ? given : preferred) + " " + family;
                        found.add(new PossibleDuplicate(
                                id,
                                rs.getString("learner_number"),
                                name,
                                LearnerStatus.valueOf(rs.getString("status")),
                                rules.iterator().next(),
                                score));
                    }
                    return id;
                })
                .list();
        found.sort(Comparator.comparingInt(PossibleDuplicate::score)
                .reversed()
                .thenComparing(PossibleDuplicate::learnerNumber));
        return found;
    }

    /** Recomputes a record's keys from its names, birth date and contacts; a merged record has none. */
    @Transactional
    public void refreshKeys(UUID organizationId, UUID learnerId) {
        jdbc.sql("DELETE FROM learner_match_key WHERE learner_id = ? AND organization_id = ?")
                .params(learnerId, organizationId)
                .update();
        var candidate = candidateOf(organizationId, learnerId);
        if (candidate == null) {
            return;
        }
        var keys = new LinkedHashSet<Map.Entry<String, String>>();
        candidate.emails().stream()
                .map(MatchKeys::email)
                .filter(Objects::nonNull)
                .forEach(k -> keys.add(Map.entry(MatchKeys.EMAIL, k)));
        candidate.phones().stream()
                .map(MatchKeys::phone)
                .filter(Objects::nonNull)
                .forEach(k -> keys.add(Map.entry(MatchKeys.PHONE, k)));
        var nameDob =
                MatchKeys.nameAndBirthDate(candidate.givenName(), candidate.familyName(), candidate.dateOfBirth());
        if (nameDob != null) {
            keys.add(Map.entry(MatchKeys.NAME_DOB, nameDob));
        }
        for (var key : keys) {
            jdbc.sql("INSERT INTO learner_match_key (learner_id, organization_id, key_kind, key_value)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(learnerId, organizationId, key.getKey(), key.getValue())
                    .update();
        }
    }

    /** Records the pairs a record forms with others, so that staff find them on the duplicates list. */
    @Transactional
    public int recordPairs(UUID organizationId, UUID learnerId) {
        var candidate = candidateOf(organizationId, learnerId);
        if (candidate == null) {
            return 0;
        }
        int added = 0;
        for (var match : find(organizationId, candidate, learnerId)) {
            var a = learnerId.toString().compareTo(match.learnerId().toString()) < 0 ? learnerId : match.learnerId();
            var b = a.equals(learnerId) ? match.learnerId() : learnerId;
            long known = jdbc.sql("SELECT count(*) FROM learner_duplicate_pair WHERE organization_id = ?"
                            + " AND learner_a = ? AND learner_b = ?")
                    .params(organizationId, a, b)
                    .query(Long.class)
                    .single();
            if (known == 0) {
                jdbc.sql("INSERT INTO learner_duplicate_pair (id, organization_id, learner_a, learner_b, match_rule,"
                                + " score, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                UUID.randomUUID(),
                                organizationId,
                                a,
                                b,
                                match.rule().name(),
                                match.score(),
                                Timestamps.sql(Timestamps.now()))
                        .update();
                added++;
            }
        }
        return added;
    }

    /** A stored record as a candidate (names, birth date, every email and phone); null when merged or unknown. */
    @Nullable
    Candidate candidateOf(UUID organizationId, UUID learnerId) {
        var row = jdbc.sql("SELECT legal_given_name, legal_family_name, date_of_birth FROM learner WHERE id = ?"
                        + " AND organization_id = ? AND merged_into IS NULL")
                .params(learnerId, organizationId)
                .query((rs, n) -> new Candidate(
                        rs.getString("legal_given_name"),
                        rs.getString("legal_family_name"),
                        rs.getObject("date_of_birth", LocalDate.class),
                        List.of(),
                        List.of()))
                .optional();
        if (row.isEmpty()) {
            return null;
        }
        var emails = new ArrayList<String>();
        var phones = new ArrayList<String>();
        jdbc.sql("SELECT kind, contact_value FROM learner_contact WHERE learner_id = ? AND organization_id = ?")
                .params(learnerId, organizationId)
                .query((rs, n) -> switch (rs.getString("kind")) {
                    case "EMAIL" -> emails.add(rs.getString("contact_value"));
                    case "PHONE" -> phones.add(rs.getString("contact_value"));
                    default -> false;
                })
                .list();
        var c = row.get();
        return new Candidate(c.givenName(), c.familyName(), c.dateOfBirth(), emails, phones);
    }

    private static void keyClause(
            StringBuilder sql, List<Object> params, String kind, java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" OR (key_kind = ? AND key_value IN (")
                .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?")))
                .append("))");
        params.add(kind);
        params.addAll(values);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
