package org.credo.bench.registration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The registration rush of issue 13: L learners each adding A sections of S, sent over HTTP as fast as C concurrent
 * connections allow, against a running Credo on PostgreSQL; then every section is counted.
 *
 * <p>Seeding writes straight into the tables a fresh term of its own (registration open since yesterday), S open
 * sections (no meetings, so that no add is refused for a time conflict) spread over the organization's published
 * courses, and L active learners. Each learner picks A sections of A different courses. The adds go through
 * {@code POST /api/v1/registration/enrollments} with the demo registrar's token and an override reason, so every
 * check runs (prerequisites included) and only the seat can refuse: the learner-facing endpoint runs the same
 * {@code Enrollments.add} after finding the caller's learner record.
 *
 * <p>Arguments (key=value): base (http://localhost:18300), db (jdbc:postgresql://127.0.0.1:5432/credo_rush), user
 * (postgres), learners (5000), sections (300), adds (4), capacity (60), concurrency (64), seed (1).
 */
public final class RushBench {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var a = new HashMap<String, String>();
        for (var arg : args) {
            var kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        var base = a.getOrDefault("base", "http://localhost:18300");
        var db = a.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/credo_rush");
        var user = a.getOrDefault("user", "postgres");
        int learners = Integer.parseInt(a.getOrDefault("learners", "5000"));
        int sections = Integer.parseInt(a.getOrDefault("sections", "300"));
        int adds = Integer.parseInt(a.getOrDefault("adds", "4"));
        int capacity = Integer.parseInt(a.getOrDefault("capacity", "60"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "64"));
        var random = new Random(Long.parseLong(a.getOrDefault("seed", "1")));

        try (var c = DriverManager.getConnection(db, user, "")) {
            var seeded = seed(c, learners, sections, capacity, random);
            var requests = new ArrayList<String[]>();
            for (int i = 0; i < learners; i++) {
                var courses = new ArrayList<>(seeded.sectionsByCourse().keySet());
                Collections.shuffle(courses, random);
                for (int k = 0; k < adds && k < courses.size(); k++) {
                    var options = seeded.sectionsByCourse().get(courses.get(k));
                    requests.add(new String[] {
                        seeded.learners().get(i).toString(),
                        options.get(random.nextInt(options.size())).toString()
                    });
                }
            }
            Collections.shuffle(requests, random);
            var token = token(base);
            System.out.printf(
                    "RUSH seeded term %s: %d learners, %d sections of %d courses, capacity %d; %d adds, %d at a time%n",
                    seeded.termCode(),
                    learners,
                    sections,
                    seeded.sectionsByCourse().size(),
                    capacity,
                    requests.size(),
                    concurrency);
            warmUp(base, token, seeded, random);
            run(base, token, requests, concurrency);
            check(c, seeded.termId());
        }
    }

    record Seeded(UUID termId, String termCode, List<UUID> learners, Map<UUID, List<UUID>> sectionsByCourse) {}

    static Seeded seed(Connection c, int learners, int sections, int capacity, Random random) throws SQLException {
        c.setAutoCommit(false);
        UUID org;
        try (var s = c.prepareStatement("SELECT id FROM organization WHERE slug = 'northfield'")) {
            var rs = s.executeQuery();
            rs.next();
            org = rs.getObject(1, UUID.class);
        }
        var courses = new ArrayList<Object[]>();
        try (var s = c.prepareStatement("SELECT c.id, c.subject || ' ' || c.number, v.title, v.version, v.credits"
                + " FROM catalog_course c JOIN catalog_course_version v ON v.course_id = c.id"
                + " WHERE c.organization_id = ? AND NOT v.retired AND v.version = (SELECT max(version) FROM"
                + " catalog_course_version x WHERE x.course_id = c.id) ORDER BY 2")) {
            s.setObject(1, org);
            var rs = s.executeQuery();
            while (rs.next()) {
                courses.add(new Object[] {
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5)
                });
            }
        }
        var now = Timestamp.from(Instant.now());
        var start = LocalDate.now().plusDays(800 + random.nextInt(100));
        var termId = UUID.randomUUID();
        var code = "RUSH" + Integer.toString(random.nextInt(1_000_000), 36).toUpperCase();
        try (var s = c.prepareStatement("INSERT INTO scheduling_term (id, organization_id, code, name, starts_on,"
                + " ends_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, termId);
            s.setObject(2, org);
            s.setString(3, code);
            s.setString(4, "Rush " + code);
            s.setObject(5, start);
            s.setObject(6, start.plusDays(110));
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
        }
        try (var s = c.prepareStatement("INSERT INTO scheduling_term_part (term_id, organization_id, part,"
                + " classes_start, classes_end, last_add, last_drop, last_withdraw, census, grades_due)"
                + " VALUES (?, ?, 'FULL', ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, termId);
            s.setObject(2, org);
            s.setObject(3, start);
            s.setObject(4, start.plusDays(100));
            s.setObject(5, start.plusDays(7));
            s.setObject(6, start.plusDays(14));
            s.setObject(7, start.plusDays(70));
            s.setObject(8, start.plusDays(20));
            s.setObject(9, start.plusDays(105));
            s.executeUpdate();
        }
        try (var s = c.prepareStatement("INSERT INTO registration_window (term_id, organization_id, opens_at,"
                + " max_credits, offer_hours) VALUES (?, ?, ?, 40, 48)")) {
            s.setObject(1, termId);
            s.setObject(2, org);
            s.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
            s.executeUpdate();
        }
        var byCourse = new HashMap<UUID, List<UUID>>();
        try (var s = c.prepareStatement("INSERT INTO scheduling_section (id, organization_id, term_id, part,"
                + " course_id, course_code, course_title, course_version, credits, section_number, capacity,"
                + " waitlist_capacity, delivery_mode, status, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'FULL', ?, ?, ?, ?, ?, ?, ?, 0, 'ONLINE', 'OPEN', ?, ?)")) {
            for (int i = 0; i < sections; i++) {
                var course = courses.get(i % courses.size());
                var id = UUID.randomUUID();
                s.setObject(1, id);
                s.setObject(2, org);
                s.setObject(3, termId);
                s.setObject(4, course[0]);
                s.setString(5, (String) course[1]);
                s.setString(6, (String) course[2]);
                s.setInt(7, (Integer) course[3]);
                s.setBigDecimal(8, (java.math.BigDecimal) course[4]);
                s.setString(9, String.format("R%03d", i / courses.size() + 1));
                s.setInt(10, capacity);
                s.setTimestamp(11, now);
                s.setTimestamp(12, now);
                s.addBatch();
                byCourse.computeIfAbsent((UUID) course[0], k -> new ArrayList<>()).add(id);
            }
            s.executeBatch();
        }
        var ids = new ArrayList<UUID>();
        try (var s = c.prepareStatement("INSERT INTO learner (id, organization_id, learner_number, legal_given_name,"
                + " legal_family_name, status, search_text, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'Rush', ?, 'ACTIVE', ?, ?, ?)")) {
            for (int i = 0; i < learners; i++) {
                var id = UUID.randomUUID();
                var family = "Learner" + code + i;
                s.setObject(1, id);
                s.setObject(2, org);
                s.setString(3, code + "-" + i);
                s.setString(4, family);
                s.setString(5, ("rush " + family).toLowerCase());
                s.setTimestamp(6, now);
                s.setTimestamp(7, now);
                s.addBatch();
                ids.add(id);
            }
            s.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (var s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        return new Seeded(termId, code, ids, byCourse);
    }

    static String token(String base) throws Exception {
        var body = "{\"email\":\"registrar@northfield.test\",\"password\":\"credo-demo-password\","
                + "\"name\":\"rush bench\",\"expiresInDays\":1}";
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** A few hundred adds of other learners' ids into sections of the same kind, so that the JIT is warm. */
    static void warmUp(String base, String token, Seeded seeded, Random random) throws Exception {
        var client = HttpClient.newHttpClient();
        var sections = seeded.sectionsByCourse().values().stream().flatMap(List::stream).toList();
        for (int i = 0; i < 300; i++) {
            var learner = seeded.learners().get(random.nextInt(seeded.learners().size()));
            client.send(add(base, token, learner.toString(), sections.get(random.nextInt(sections.size())).toString()),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    static HttpRequest add(String base, String token, String learner, String section) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/registration/enrollments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"learnerId\":\"" + learner + "\",\"sectionId\":\""
                        + section + "\",\"overrideReason\":\"Registration rush benchmark\"}"))
                .build();
    }

    static void run(String base, String token, List<String[]> requests, int concurrency) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var gate = new Semaphore(concurrency);
        var done = new CountDownLatch(requests.size());
        var latencies = new long[requests.size()];
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        long t0 = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            gate.acquire();
            int index = i;
            long sent = System.nanoTime();
            client.sendAsync(add(base, token, requests.get(i)[0], requests.get(i)[1]),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - sent;
                        statuses.computeIfAbsent(failure == null ? response.statusCode() : -1, k -> new AtomicInteger())
                                .incrementAndGet();
                        gate.release();
                        done.countDown();
                    });
        }
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        var sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(
                "RUSH %d adds in %.1f s: %.0f requests a second; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n",
                requests.size(),
                seconds,
                requests.size() / seconds,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
        System.out.println("RUSH answers by status: " + new java.util.TreeMap<>(statuses));
    }

    static void check(Connection c, UUID termId) throws SQLException {
        try (var s = c.prepareStatement("""
                SELECT count(*) AS sections,
                       count(*) FILTER (WHERE e.enrolled > s.capacity) AS over_capacity,
                       count(*) FILTER (WHERE r.enrolled <> coalesce(e.enrolled, 0)) AS seat_count_differs,
                       sum(coalesce(e.enrolled, 0)) AS enrolled,
                       sum(s.capacity) AS seats
                FROM scheduling_section s
                LEFT JOIN registration_seat r ON r.section_id = s.id
                LEFT JOIN (SELECT section_id, count(*) AS enrolled FROM enrollment WHERE status = 'ENROLLED'
                           GROUP BY section_id) e ON e.section_id = s.id
                WHERE s.term_id = ?""")) {
            s.setObject(1, termId);
            var rs = s.executeQuery();
            rs.next();
            System.out.printf(
                    "RUSH check: %d sections, %d over capacity, %d whose seat count differs from its enrollments;"
                            + " %d of %d seats taken%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
        try (var s = c.prepareStatement("SELECT count(*) FROM (SELECT section_id, learner_id FROM enrollment"
                + " WHERE term_id = ? GROUP BY section_id, learner_id HAVING count(*) > 1) d")) {
            s.setObject(1, termId);
            var rs = s.executeQuery();
            rs.next();
            System.out.printf("RUSH check: %d duplicate enrollments%n", rs.getLong(1));
        }
    }
}
