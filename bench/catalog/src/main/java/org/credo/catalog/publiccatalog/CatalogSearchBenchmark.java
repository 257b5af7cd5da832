package org.credo.catalog.publiccatalog;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.credo.CredoApplication;
import org.credo.platform.PageQuery;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog search latency: loads 50,000 courses and 5,000 programs (one published version each) into the
 * demo organization with PostgreSQL COPY, derives the search entries with the application's own
 * {@link SearchIndex#rebuild()}, then times a mix of searches through the application's
 * {@link CatalogSearch} (count and page queries, as the public page runs them) and prints the median
 * and 95th percentile per kind of search and overall.
 *
 * <p>Arguments: {@code courses=50000 programs=5000 queries=3000 warmup=500}; the database comes from
 * {@code CREDO_DB_URL} (default jdbc:postgresql://127.0.0.1:5432/credo_bench_catalog, user postgres).
 * A database already loaded by an earlier run is reused.
 */
public final class CatalogSearchBenchmark {

    /** Academic words: titles are made of them, and they are about a third of description words. */
    static final String[] WORDS = ("data systems history biology chemistry physics design management business"
                    + " analysis statistics computing networks security software engineering health nursing"
                    + " education psychology sociology economics finance accounting marketing law ethics"
                    + " literature writing communication media art music theatre film language spanish french"
                    + " german chinese mathematics calculus algebra geometry logic philosophy religion politics"
                    + " government policy environment climate ecology geology energy materials mechanics"
                    + " electronics robotics machine learning intelligence cloud databases web mobile games"
                    + " graphics animation architecture urban planning public administration leadership"
                    + " entrepreneurship innovation operations supply chain logistics project quality research"
                    + " methods laboratory clinical anatomy physiology pharmacology nutrition kinesiology sport"
                    + " tourism hospitality culinary agriculture forestry marine ocean space astronomy optics"
                    + " quantum theory applied advanced introduction principles foundations topics seminar"
                    + " capstone practicum studio workshop survey modern ancient medieval global international"
                    + " american european asian african digital visual social cognitive behavioral organizational"
                    + " strategic financial computational experimental theoretical practical professional")
            .split(" ");

    /**
     * The long tail of a real catalog's vocabulary: 6,000 made-up words of two or three syllables, which
     * fill two thirds of each description, so that a common academic word appears in a few percent of
     * entries (as "data" or "history" do in a real catalog) rather than in all of them.
     */
    static final String[] TAIL = tail(6_000);

    static final String[] LEVELS = {"Undergraduate", "Graduate", "Professional", "Continuing education"};
    static final String[] TYPES = {"DEGREE", "DIPLOMA", "CERTIFICATE", "MICRO_CREDENTIAL", "LICENSE", "COURSE_BADGE"};
    static final String[] MODES = {"IN_PERSON", "ONLINE", "HYBRID"};

    public static void main(String[] args) throws Exception {
        int courses = 50_000;
        int programs = 5_000;
        int queries = 3_000;
        int warmup = 500;
        for (var arg : args) {
            var parts = arg.split("=", 2);
            switch (parts[0]) {
                case "courses" -> courses = Integer.parseInt(parts[1]);
                case "programs" -> programs = Integer.parseInt(parts[1]);
                case "queries" -> queries = Integer.parseInt(parts[1]);
                case "warmup" -> warmup = Integer.parseInt(parts[1]);
                default -> throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        var app = new SpringApplication(CredoApplication.class);
        var context = app.run(
                "--spring.datasource.url="
                        + env("CREDO_DB_URL", "jdbc:postgresql://127.0.0.1:5432/credo_bench_catalog"),
                "--spring.datasource.username=" + env("CREDO_DB_USER", "postgres"),
                "--spring.datasource.password=" + env("CREDO_DB_PASSWORD", ""),
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.org.credo=INFO");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var search = context.getBean(CatalogSearch.class);
            var index = context.getBean(SearchIndex.class);
            var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                    .query(UUID.class)
                    .single();
            long present = jdbc.sql("SELECT count(*) FROM catalog_course WHERE organization_id = ?")
                    .param(org)
                    .query(Long.class)
                    .single();
            if (present < courses) {
                long t0 = System.nanoTime();
                load(context.getBean(DataSource.class), org, courses, programs);
                long t1 = System.nanoTime();
                index.rebuild();
                long t2 = System.nanoTime();
                jdbc.sql("ANALYZE catalog_search_entry").update();
                System.out.printf(
                        Locale.ROOT,
                        "%nLoaded %,d courses and %,d programs with COPY in %.1f s; SearchIndex.rebuild() in %.1f s%n",
                        courses,
                        programs,
                        seconds(t1 - t0),
                        seconds(t2 - t1));
            } else {
                index.rebuildIfStale();
                System.out.printf(Locale.ROOT, "%nReusing %,d loaded courses%n", present);
            }
            long entries = jdbc.sql("SELECT count(*) FROM catalog_search_entry").query(Long.class).single();
            System.out.printf(Locale.ROOT, "%,d search entries; %d cores%n", entries, Runtime.getRuntime().availableProcessors());

            var mix = mix(new Random(7));
            var today = LocalDate.now();
            var random = new Random(11);
            for (int i = 0; i < warmup; i++) {
                var kind = mix.get(i % mix.size());
                run(search, org, today, kind.query().get(), kind.page());
            }
            var timings = new LinkedHashMap<String, List<Long>>();
            var all = new ArrayList<Long>();
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                var kind = mix.get(random.nextInt(mix.size()));
                var query = kind.query().get();
                long t0 = System.nanoTime();
                hits += run(search, org, today, query, kind.page());
                long elapsed = System.nanoTime() - t0;
                timings.computeIfAbsent(kind.name(), k -> new ArrayList<>()).add(elapsed);
                all.add(elapsed);
            }
            System.out.printf(Locale.ROOT, "%n%-34s %8s %10s %10s%n", "search", "count", "median ms", "p95 ms");
            timings.forEach((name, list) -> print(name, list));
            print("all", all);
            System.out.printf(Locale.ROOT, "(%,d results counted in total)%n", hits);
        } finally {
            context.close();
        }
    }

    private static long run(CatalogSearch search, UUID org, LocalDate today, SearchQuery query, int page) {
        var result = search.search(org, today, query, PageQuery.of(page, 20, null, List.of("relevance"), true));
        return result.totalItems();
    }

    /** Kinds of searches visitors make, each with a generator of queries. */
    private static List<Kind> mix(Random random) {
        Supplier<String> common = () -> WORDS[random.nextInt(20)];
        Supplier<String> any = () -> WORDS[random.nextInt(WORDS.length)];
        Supplier<String> prefix = () -> {
            var word = WORDS[random.nextInt(WORDS.length)];
            return word.substring(0, Math.min(word.length(), 4));
        };
        var list = new ArrayList<Kind>();
        list.add(new Kind("one common word", () -> SearchQuery.words(common.get()), 0));
        list.add(new Kind("one word", () -> SearchQuery.words(any.get()), 0));
        list.add(new Kind("one word typed so far (prefix)", () -> SearchQuery.words(prefix.get()), 0));
        list.add(new Kind("two words", () -> SearchQuery.words(any.get() + " " + any.get()), 0));
        list.add(new Kind("course code", () -> SearchQuery.words(subject(random.nextInt(60)) + " " + (100 + random.nextInt(800))), 0));
        list.add(new Kind(
                "word + courses of a subject",
                () -> new SearchQuery(any.get(), "COURSE", null, null, null, subject(random.nextInt(60))),
                0));
        list.add(new Kind(
                "word + program type, level, mode",
                () -> new SearchQuery(
                        common.get(),
                        "PROGRAM",
                        TYPES[random.nextInt(TYPES.length)],
                        LEVELS[random.nextInt(LEVELS.length)],
                        MODES[random.nextInt(MODES.length)],
                        null),
                0));
        list.add(new Kind(
                "filters only (browse programs)",
                () -> new SearchQuery(null, "PROGRAM", TYPES[random.nextInt(TYPES.length)], null, null, null),
                0));
        list.add(new Kind("browse everything, page 1", () -> new SearchQuery(null, null, null, null, null, null), 0));
        list.add(new Kind("one common word, page 5", () -> SearchQuery.words(common.get()), 4));
        return list;
    }

    private static void load(DataSource dataSource, UUID org, int courses, int programs) throws Exception {
        var random = new Random(42);
        var now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        var effective = LocalDate.now().minusDays(30).toString();
        var courseRows = new StringBuilder();
        var courseVersionRows = new StringBuilder();
        var codes = new ArrayList<String>(courses);
        for (int i = 0; i < courses; i++) {
            var id = UUID.randomUUID();
            var subject = subject(i % 60);
            var number = String.valueOf(100 + i / 60);
            codes.add(subject + " " + number);
            courseRows.append(tsv(id, org, subject, number, now));
            var title = title(random);
            courseVersionRows.append(tsv(
                    UUID.randomUUID(),
                    id,
                    org,
                    1,
                    effective,
                    title,
                    3,
                    sentence(random, 40),
                    "Explain " + word(random) + "\\nApply " + word(random),
                    i % 5 == 0 ? "{\"type\":\"course\",\"course\":\"" + codes.get(random.nextInt(codes.size())) + "\"}" : "\\N",
                    "\\N",
                    "f",
                    now));
        }
        var programRows = new StringBuilder();
        var programVersionRows = new StringBuilder();
        for (int i = 0; i < programs; i++) {
            var id = UUID.randomUUID();
            programRows.append(tsv(id, org, "P" + i, now));
            var items = new StringBuilder();
            for (int c = 0; c < 6; c++) {
                items.append(c == 0 ? "" : ",")
                        .append("{\"type\":\"course\",\"course\":\"")
                        .append(codes.get(random.nextInt(codes.size())))
                        .append("\"}");
            }
            programVersionRows.append(tsv(
                    UUID.randomUUID(),
                    id,
                    org,
                    1,
                    effective,
                    title(random) + " program",
                    TYPES[i % TYPES.length],
                    LEVELS[random.nextInt(LEVELS.length)],
                    30,
                    "\\N",
                    "P2Y",
                    MODES[random.nextInt(MODES.length)],
                    "12000.00",
                    "USD",
                    "\\N",
                    sentence(random, 80),
                    "Lead " + word(random) + " projects\\nCommunicate " + word(random),
                    "{\"type\":\"all\",\"items\":[" + items + "]}",
                    "\\N",
                    "f",
                    now));
        }
        try (var connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "COPY catalog_course (id, organization_id, subject, number, created_at) FROM STDIN",
                    new StringReader(courseRows.toString()));
            copy.copyIn(
                    "COPY catalog_course_version (id, course_id, organization_id, version, effective_from, title, credits,"
                            + " description, outcomes, prerequisites, corequisites, retired, published_at) FROM STDIN",
                    new StringReader(courseVersionRows.toString()));
            copy.copyIn(
                    "COPY catalog_program (id, organization_id, code, created_at) FROM STDIN",
                    new StringReader(programRows.toString()));
            copy.copyIn(
                    "COPY catalog_program_version (id, program_id, organization_id, version, effective_from, name,"
                            + " program_type, level, credits, cip_code, time_to_complete, delivery_mode, tuition_amount,"
                            + " tuition_currency, tuition_note, description, learning_outcomes, requirements,"
                            + " achievement_lineage_id, retired, published_at) FROM STDIN",
                    new StringReader(programVersionRows.toString()));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static String subject(int i) {
        return "" + (char) ('A' + i % 26) + (char) ('A' + (i / 26) % 26) + (char) ('K' + i % 7);
    }

    private static String title(Random random) {
        return capitalize(word(random)) + " " + capitalize(word(random)) + " " + capitalize(word(random));
    }

    /** An academic word, those at the start of the list somewhat more often than the rest. */
    private static String word(Random random) {
        double u = random.nextDouble();
        return WORDS[(int) (WORDS.length * Math.pow(u, 1.5))];
    }

    private static String sentence(Random random, int words) {
        var text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ")
                    .append(
                            random.nextInt(3) == 0
                                    ? WORDS[random.nextInt(WORDS.length)]
                                    : TAIL[random.nextInt(TAIL.length)]);
        }
        return capitalize(text.toString()) + ".";
    }

    private static String[] tail(int size) {
        String[] syllables = {
            "ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "da", "gor", "lin", "mar", "tes", "vul", "bra",
            "cen", "dro", "fal", "hes", "jor", "kel", "nim", "pra", "qua", "ros", "sul", "tor", "ven", "wex"
        };
        var random = new Random(3);
        var words = new java.util.LinkedHashSet<String>();
        while (words.size() < size) {
            var word = new StringBuilder();
            int parts = 2 + random.nextInt(2);
            for (int i = 0; i < parts; i++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String tsv(Object... values) {
        return String.join("\t", Arrays.stream(values).map(String::valueOf).toList()) + "\n";
    }

    private static void print(String name, List<Long> nanos) {
        var sorted = nanos.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "%-34s %8d %10.2f %10.2f%n",
                name,
                sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Kind(String name, Supplier<SearchQuery> query, int page) {}
}
