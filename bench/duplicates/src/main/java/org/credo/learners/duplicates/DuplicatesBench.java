package org.credo.learners.duplicates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.credo.CredoApplication;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.learners.Learners.Candidate;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times duplicate checks as admissions and imports make them: the whole application on PostgreSQL, Northfield seeded
 * with {@code records} learner records (an email each, a phone for 60%, a birth date for 70%; names drawn so that
 * many people share one), then {@code checks} calls of {@link Learners#possibleDuplicates} with a mix of candidates:
 * a quarter that match by email, a quarter by name and birth date, a quarter by similar name and phone, a quarter
 * nobody. Prints p50, p95, p99 and the maximum, in milliseconds; then the same for creating a record (which keeps the
 * keys and records the pairs).
 *
 * <p>Arguments: JDBC URL, user, password, records (default 200000), checks (default 5000).
 */
public final class DuplicatesBench {

    private static final String[] GIVEN = {
        "Ada", "Adam", "Aisha", "Alex", "Amara", "Ana", "Andrea", "Ben", "Carla", "Chen", "Dana", "David", "Elena", "Eli",
        "Emma", "Fatima", "Felix", "Grace", "Hana", "Hugo", "Ibrahim", "Ines", "Ivan", "Jun", "Kai", "Katherine", "Leo",
        "Lina", "Lucas", "Maya", "Mohammed", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rosa", "Sam", "Sofia", "Tariq",
        "Yara", "Zoe"
    };

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ra", "sen", "tor", "vel", "an", "ber", "cos", "dal", "fen", "gru", "hol", "ish", "jak",
        "mar", "nov", "ost", "pel", "quin", "rus", "sta", "tan", "ul", "vos", "wen", "yel", "zan"
    };

    public static void main(String[] args) {
        var url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/credo_dedupe_bench";
        var user = args.length > 1 ? args[1] : "postgres";
        var password = args.length > 2 ? args[2] : "";
        int records = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        int checks = args.length > 4 ? Integer.parseInt(args[4]) : 5_000;
        var context = new SpringApplication(CredoApplication.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--credo.mode=demo",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var template = context.getBean(JdbcTemplate.class);
            var learners = context.getBean(Learners.class);
            var contacts = context.getBean(LearnerContacts.class);
            var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                    .query(UUID.class)
                    .single();
            var random = new Random(42);
            var people = seed(jdbc, template, org, records, random);
            template.execute("ANALYZE learner");
            template.execute("ANALYZE learner_contact");
            template.execute("ANALYZE learner_match_key");
            long total = jdbc.sql("SELECT count(*) FROM learner WHERE organization_id = ?")
                    .param(org)
                    .query(Long.class)
                    .single();
            System.out.printf(Locale.ROOT, "%,d learner records in Northfield%n", total);

            var candidates = new ArrayList<Candidate>();
            for (int i = 0; i < checks + 1_000; i++) {
                var p = people.get(random.nextInt(people.size()));
                candidates.add(
                        switch (i % 4) {
                            case 0 -> new Candidate("Someone", "Else", null, List.of(p.email.toUpperCase(Locale.ROOT)), List.of());
                            case 1 -> new Candidate(p.given, p.family, p.born, List.of("new" + i + "@example.net"), List.of());
                            case 2 -> new Candidate(
                                    p.given, p.family.substring(0, p.family.length() - 1) + "e", null, List.of(),
                                    p.phone == null ? List.of() : List.of("(" + p.phone + ")"));
                            default -> new Candidate(
                                    "Nobody", "Known" + i, LocalDate.of(1950, 1, 1), List.of("nobody" + i + "@example.net"),
                                    List.of("+1 999 " + (1_000_000 + i)));
                        });
            }
            int hits = 0;
            for (int i = 0; i < 1_000; i++) { // warm-up
                hits += learners.possibleDuplicates(org, candidates.get(i)).isEmpty() ? 0 : 1;
            }
            var times = new long[checks];
            for (int i = 0; i < checks; i++) {
                long start = System.nanoTime();
                var found = learners.possibleDuplicates(org, candidates.get(1_000 + i));
                times[i] = System.nanoTime() - start;
                hits += found.isEmpty() ? 0 : 1;
            }
            report("possibleDuplicates", times);
            System.out.printf(Locale.ROOT, "  candidates with a match: %,d of %,d%n", hits, checks + 1_000);

            int writes = Math.min(500, checks);
            var writeTimes = new long[writes];
            for (int i = 0; i < writes; i++) {
                var p = people.get(random.nextInt(people.size()));
                long start = System.nanoTime();
                contacts.create(
                        org,
                        new LearnerDetails(p.given, p.family + "x", null, p.born, null, null, null, false),
                        LearnerStatus.PROSPECT,
                        null,
                        "w" + i + "." + p.email);
                writeTimes[i] = System.nanoTime() - start;
            }
            report("create a record (keys and pairs kept)", writeTimes);
        } finally {
            context.close();
        }
    }

    private record Person(String given, String family, LocalDate born, String email, String phone) {}

    private static List<Person> seed(JdbcClient jdbc, JdbcTemplate template, UUID org, int records, Random random) {
        var people = new ArrayList<Person>(records);
        var now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        long existing = jdbc.sql("SELECT count(*) FROM learner WHERE organization_id = ? AND learner_number LIKE 'B%'")
                .param(org)
                .query(Long.class)
                .single();
        for (int i = 0; i < records; i++) {
            var given = GIVEN[random.nextInt(GIVEN.length)];
            var family = cap(SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
                    + SYLLABLES[random.nextInt(SYLLABLES.length)]);
            var born = random.nextInt(10) < 7 ? LocalDate.of(1960, 1, 1).plusDays(random.nextInt(16_000)) : null;
            var phone = random.nextInt(10) < 6 ? String.valueOf(2_000_000_000L + i * 37L) : null;
            people.add(new Person(given, family, born, "p" + i + "." + family.toLowerCase(Locale.ROOT) + "@example.org", phone));
        }
        if (existing >= records) {
            System.out.printf(Locale.ROOT, "Seeded already (%,d records)%n", existing);
            return people;
        }
        long start = System.nanoTime();
        int batch = 2_000;
        for (int from = 0; from < records; from += batch) {
            var learnerRows = new ArrayList<Object[]>();
            var contactRows = new ArrayList<Object[]>();
            var keyRows = new ArrayList<Object[]>();
            for (int i = from; i < Math.min(records, from + batch); i++) {
                var p = people.get(i);
                var id = UUID.randomUUID();
                var number = "B" + String.format(Locale.ROOT, "%07d", i);
                learnerRows.add(new Object[] {
                    id, org, number, p.given, p.family, p.born, LearnerStatus.ACTIVE.name(),
                    (p.given + " " + p.family + " " + number).toLowerCase(Locale.ROOT), now, now
                });
                contactRows.add(new Object[] {UUID.randomUUID(), id, org, "EMAIL", "PERSONAL", p.email, now});
                keyRows.add(new Object[] {id, org, MatchKeys.EMAIL, MatchKeys.email(p.email)});
                if (p.phone != null) {
                    contactRows.add(new Object[] {UUID.randomUUID(), id, org, "PHONE", "MOBILE", p.phone, now});
                    keyRows.add(new Object[] {id, org, MatchKeys.PHONE, MatchKeys.phone(p.phone)});
                }
                var nameDob = MatchKeys.nameAndBirthDate(p.given, p.family, p.born);
                if (nameDob != null) {
                    keyRows.add(new Object[] {id, org, MatchKeys.NAME_DOB, nameDob});
                }
            }
            template.batchUpdate(
                    "INSERT INTO learner (id, organization_id, learner_number, legal_given_name, legal_family_name,"
                            + " date_of_birth, status, search_text, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    learnerRows);
            template.batchUpdate(
                    "INSERT INTO learner_contact (id, learner_id, organization_id, kind, contact_type, contact_value,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    contactRows);
            template.batchUpdate(
                    "INSERT INTO learner_match_key (learner_id, organization_id, key_kind, key_value)"
                            + " VALUES (?, ?, ?, ?)",
                    keyRows);
        }
        System.out.printf(
                Locale.ROOT, "Seeded %,d records in %.1f s%n", records, (System.nanoTime() - start) / 1e9);
        return people;
    }

    private static void report(String what, long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%s, %,d calls: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what,
                sorted.length,
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
