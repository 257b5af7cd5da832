package org.credo.catalog.publiccatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.credo.platform.PageQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search through the application's query code, on whichever database the tests run (H2 by default,
 * PostgreSQL with CREDO_TEST_DB_URL): the same queries must find the same entries on both.
 */
@CredoTest
class CatalogSearchTest {

    static final LocalDate PAST = LocalDate.now().minusDays(30);

    @Autowired
    CatalogSearch search;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate batch;

    CatalogFixtures fixtures;
    UUID northfield;
    String tag;

    @BeforeEach
    void catalog() {
        fixtures = new CatalogFixtures(jdbc);
        northfield = fixtures.northfield();
        tag = "Q" + CatalogFixtures.suffix().toLowerCase();
        course("DB", "110", "Relational Databases " + tag, "Tables, keys and SQL queries.");
        course("DB", "210", "Data Warehousing " + tag, "Dimensional models for analytics.");
        course("ST", "120", "Applied Statistics " + tag, "Sampling, inference and regression with data.");
        course("CS", "130", "Café Programming " + tag, "Programs in Python for beginners.");
        var program = fixtures.program(northfield, "ANL-" + tag);
        fixtures.programVersion(
                program,
                1,
                PAST,
                ProgramContent.certificate(
                                "Business Analytics " + tag,
                                "{\"type\":\"all\",\"items\":[{\"type\":\"course\",\"course\":\"DB" + tag + " 110\"}]}")
                        .as("CERTIFICATE", "Graduate", "HYBRID"));
        index.refreshProgram(program);
    }

    @Test
    void everyWordMustStartAWordOfTheEntry() {
        assertThat(names(tag + " regress")).containsExactly("Applied Statistics " + tag);
        assertThat(names(tag + " sql queries")).containsExactly("Relational Databases " + tag);
        assertThat(names(tag + " dimension")).containsExactly("Data Warehousing " + tag);
        assertThat(names(tag + " databases")).containsExactly("Relational Databases " + tag);
        assertThat(names(tag + " atab")).isEmpty();
    }

    @Test
    void codesAccentsCaseAndPluralsMatch() {
        assertThat(names("db" + tag + " 110")).containsExactly("Relational Databases " + tag);
        assertThat(names(tag + " CAFE")).containsExactly("Café Programming " + tag);
        // Programs carry the word "program" among their keywords.
        assertThat(names(tag + " programs"))
                .containsExactlyInAnyOrder("Café Programming " + tag, "Business Analytics " + tag);
        assertThat(names(tag + " analytics")).containsExactly("Business Analytics " + tag, "Data Warehousing " + tag);
    }

    @Test
    void nameMatchesRankAboveDescriptionMatches() {
        assertThat(names(tag + " analytics").get(0)).isEqualTo("Business Analytics " + tag);
    }

    @Test
    void filtersNarrowTheResults() {
        assertThat(names(new SearchQuery(tag, "COURSE", null, null, null, null)))
                .hasSize(4)
                .doesNotContain("Business Analytics " + tag);
        assertThat(names(new SearchQuery(tag, null, "CERTIFICATE", "Graduate", "HYBRID", null)))
                .containsExactly("Business Analytics " + tag);
        assertThat(names(new SearchQuery(tag, null, null, null, "ONLINE", null)))
                .isEmpty();
        assertThat(names(new SearchQuery(tag, null, null, null, null, "DB" + tag)))
                .containsExactlyInAnyOrder(
                        "Relational Databases " + tag, "Data Warehousing " + tag, "Business Analytics " + tag);
    }

    @Test
    void pagesSplitTheResults() {
        var query = PageQuery.of(0, 2, null, List.of("relevance"), true);
        var first = search.search(northfield, LocalDate.now(), SearchQuery.words(tag), query);
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(first.items()).hasSize(2);
        assertThat(first.totalPages()).isEqualTo(3);
        var last = search.search(
                northfield,
                LocalDate.now(),
                SearchQuery.words(tag),
                PageQuery.of(2, 2, null, List.of("relevance"), true));
        assertThat(last.items()).hasSize(1);
    }

    @Test
    void veryCommonWordsAreCountedUpToALimit() {
        var subject = "M" + tag;
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        var courses = new java.util.ArrayList<Object[]>();
        var versions = new java.util.ArrayList<Object[]>();
        for (int i = 0; i < CatalogSearch.MAX_COUNTED + 5; i++) {
            var id = UUID.randomUUID();
            courses.add(new Object[] {id, northfield, subject, String.valueOf(1000 + i), now});
            versions.add(new Object[] {UUID.randomUUID(), id, northfield, PAST, "Many " + tag + " " + i, now});
        }
        batch.batchUpdate(
                "INSERT INTO catalog_course (id, organization_id, subject, number, created_at) VALUES (?, ?, ?, ?, ?)",
                courses);
        batch.batchUpdate(
                "INSERT INTO catalog_course_version (id, course_id, organization_id, version, effective_from, title,"
                        + " credits, description, outcomes, published_at) VALUES (?, ?, ?, 1, ?, ?, 3, 'Many.', '', ?)",
                versions);
        index.rebuild();

        var page = search.search(
                northfield,
                LocalDate.now(),
                new SearchQuery("many " + tag, "COURSE", null, null, null, subject),
                PageQuery.of(0, 20, null, List.of("relevance"), true));
        assertThat(page.totalItems()).isEqualTo(CatalogSearch.MAX_COUNTED + 1);
        assertThat(page.items()).hasSize(20);
    }

    @Test
    void theIndexCanBeRebuiltFromTheVersionTables() {
        jdbc.sql("DELETE FROM catalog_search_entry").update();
        assertThat(names(tag)).isEmpty();
        assertThat(index.rebuildIfStale()).isTrue();
        assertThat(names(tag)).hasSize(5);
        assertThat(index.rebuildIfStale()).isFalse();
    }

    private void course(String subject, String number, String title, String description) {
        var course = fixtures.course(northfield, subject + tag, number);
        fixtures.courseVersion(course, 1, PAST, title, description, null, false);
        index.refreshCourse(course);
    }

    private List<String> names(String text) {
        return names(SearchQuery.words(text));
    }

    private List<String> names(SearchQuery query) {
        return search
                .search(northfield, LocalDate.now(), query, PageQuery.of(0, 50, null, List.of("relevance"), true))
                .items()
                .stream()
                .map(SearchHit::name)
                .toList();
    }
}
