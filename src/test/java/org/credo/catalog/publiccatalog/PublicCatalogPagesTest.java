package org.credo.catalog.publiccatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public catalog as an anonymous visitor sees it. */
@CredoTest
class PublicCatalogPagesTest {

    static final LocalDate PAST = LocalDate.now().minusDays(30);
    static final LocalDate FUTURE = LocalDate.now().plusDays(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    JsonMapper json;

    CatalogFixtures fixtures;
    UUID northfield;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(jdbc);
        northfield = fixtures.northfield();
    }

    @Test
    void anonymousVisitorsSeeOnlyCurrentPublishedItems() throws Exception {
        var word = "Zorblax" + CatalogFixtures.suffix();
        var current = fixtures.program(northfield, "CUR-" + word);
        fixtures.programVersion(
                current,
                1,
                PAST,
                ProgramContent.certificate(word + " Analytics", "{\"type\":\"credits\",\"minimum\":6}"));
        fixtures.programVersion(
                current,
                2,
                FUTURE,
                ProgramContent.certificate(word + " Futureproof", "{\"type\":\"credits\",\"minimum\":3}"));
        var retired = fixtures.program(northfield, "RET-" + word);
        fixtures.programVersion(
                retired,
                1,
                PAST.minusDays(10),
                ProgramContent.certificate(word + " Oldschool", "{\"type\":\"credits\",\"minimum\":3}"));
        fixtures.programVersion(
                retired,
                2,
                PAST,
                ProgramContent.certificate(word + " Oldschool", "{\"type\":\"credits\",\"minimum\":3}")
                        .retiredVersion());
        var notYet = fixtures.program(northfield, "NEW-" + word);
        fixtures.programVersion(
                notYet,
                1,
                FUTURE,
                ProgramContent.certificate(word + " Tomorrowland", "{\"type\":\"credits\",\"minimum\":3}"));
        fixtures.proposal(northfield, word + " Proposed");
        var elsewhere = fixtures.program(fixtures.organization("lakeside"), "LAK-" + word);
        fixtures.programVersion(
                elsewhere,
                1,
                PAST,
                ProgramContent.certificate(word + " Lakeview", "{\"type\":\"credits\",\"minimum\":3}"));
        for (var id : new UUID[] {current, retired, notYet, elsewhere}) {
            index.refreshProgram(id);
        }

        var page = html("/catalog?q=" + word);
        assertThat(page).contains(word + " Analytics");
        assertThat(page)
                .doesNotContain(word + " Futureproof")
                .doesNotContain(word + " Oldschool")
                .doesNotContain(word + " Tomorrowland")
                .doesNotContain(word + " Proposed")
                .doesNotContain(word + " Lakeview");
        assertThat(html("/catalog/lakeside?q=" + word))
                .contains(word + " Lakeview")
                .doesNotContain(word + " Analytics");

        assertThat(html("/catalog/programs/CUR-" + word))
                .contains(word + " Analytics")
                .doesNotContain("Futureproof");
        assertThat(status("/catalog/programs/RET-" + word)).isEqualTo(404);
        assertThat(status("/catalog/programs/NEW-" + word)).isEqualTo(404);
        assertThat(status("/catalog/programs/LAK-" + word)).isEqualTo(404);
        assertThat(status("/catalog/lakeside/programs/LAK-" + word)).isEqualTo(200);
    }

    @Test
    void aVersionBecomesCurrentOnItsEffectiveDateWithoutAnyRefresh() throws Exception {
        var word = "Quillon" + CatalogFixtures.suffix();
        var program = fixtures.program(northfield, "DAY-" + word);
        fixtures.programVersion(
                program, 1, PAST, ProgramContent.certificate(word + " Before", "{\"type\":\"credits\",\"minimum\":3}"));
        var today = LocalDate.now(java.time.ZoneId.of(jdbc.sql("SELECT time_zone FROM organization WHERE id = ?")
                .param(northfield)
                .query(String.class)
                .single()));
        fixtures.programVersion(
                program, 2, today, ProgramContent.certificate(word + " Today", "{\"type\":\"credits\",\"minimum\":3}"));
        index.refreshProgram(program);

        assertThat(html("/catalog?q=" + word)).contains(word + " Today").doesNotContain(word + " Before");
    }

    @Test
    void programPageShowsRequirementsInWordsCostStartsAndStructuredData() throws Exception {
        var s = CatalogFixtures.suffix();
        var subject = "D" + s.substring(0, 3);
        var intro = fixtures.course(northfield, subject, "101");
        fixtures.courseVersion(
                intro, 1, PAST, "Introduction to Data", "Tables, charts </script><b>bold</b>", null, false);
        var stats = fixtures.course(northfield, subject, "201");
        fixtures.courseVersion(
                stats,
                1,
                PAST,
                "Statistics for Data",
                "Inference and regression.",
                "{\"type\":\"all\",\"items\":[{\"type\":\"course\",\"course\":\"" + subject
                        + " 101\",\"minGrade\":\"C\"},{\"type\":\"any\",\"items\":[{\"type\":\"course\",\"course\":\"MATH 101\"},"
                        + "{\"type\":\"course\",\"course\":\"MATH 102\"}]}]}",
                false);
        var requirements = "{\"type\":\"all\",\"label\":\"Certificate\",\"items\":["
                + "{\"type\":\"course\",\"course\":\"" + subject + " 101\",\"minGrade\":\"C\"},"
                + "{\"type\":\"choose\",\"label\":\"Electives\",\"count\":1,\"items\":["
                + "{\"type\":\"course\",\"course\":\"" + subject
                + " 201\"},{\"type\":\"course\",\"course\":\"ART 100\"}]},"
                + "{\"type\":\"credits\",\"minimum\":3,\"subjects\":[\"" + subject + "\"],\"minNumber\":200}]}";
        var program = fixtures.program(northfield, "DATA-" + s);
        fixtures.programVersion(
                program,
                1,
                PAST,
                ProgramContent.certificate("Data Practice " + s, requirements)
                        .withDescription("Learn data. </script><script>alert(1)</script>"));
        fixtures.intake(northfield, program, "Spring " + s, FUTURE, FUTURE.minusDays(10));
        fixtures.intake(northfield, program, "Long ago " + s, PAST, PAST.minusDays(10));

        var body = html("/catalog/programs/DATA-" + s);
        var doc = Jsoup.parse(body);
        var requirementsText = doc.getElementById("requirements").text();
        assertThat(requirementsText)
                .contains("Certificate: Complete all of:")
                .contains(subject + " 101 Introduction to Data (grade C or better)")
                .contains("Electives: Choose 1 of:")
                .contains("ART 100")
                .contains("At least 3 credits in " + subject + " courses numbered 200 or above");
        assertThat(doc.select("#requirements a").eachAttr("href"))
                .contains("/catalog/courses/" + subject + "/101", "/catalog/courses/" + subject + "/201");
        assertThat(doc.getElementById("tuition").text())
                .contains("4,500.00 USD")
                .contains("Payable per term");
        assertThat(doc.getElementById("facts").text())
                .contains("16 weeks")
                .contains("Online")
                .contains("Professional");
        assertThat(doc.getElementById("intakes").text()).contains("Spring " + s).doesNotContain("Long ago");
        assertThat(doc.select("script").stream().filter(e -> !e.hasAttr("src")).count())
                .as("the description's </script> must not open a script element")
                .isEqualTo(1);

        var ld = jsonLd(doc);
        assertThat(ld.path("@type").asString()).isEqualTo("EducationalOccupationalProgram");
        assertThat(ld.path("name").asString()).isEqualTo("Data Practice " + s);
        assertThat(ld.path("description").asString()).isEqualTo("Learn data. </script><script>alert(1)</script>");
        assertThat(ld.path("educationalCredentialAwarded").path("@type").asString())
                .isEqualTo("EducationalOccupationalCredential");
        assertThat(ld.path("offers").path("price").decimalValue()).isEqualByComparingTo("4500");
        assertThat(ld.path("offers").path("priceCurrency").asString()).isEqualTo("USD");
        assertThat(ld.path("timeToComplete").asString()).isEqualTo("P16W");
        assertThat(ld.path("startDate").asString()).isEqualTo(FUTURE.toString());
        assertThat(ld.path("provider").path("name").asString()).isNotBlank();

        var course = Jsoup.parse(html("/catalog/courses/" + subject + "/201"));
        assertThat(course.getElementById("prerequisites").text())
                .contains(subject + " 101 (grade C or better) and (MATH 101 or MATH 102)");
        var courseLd = jsonLd(course);
        assertThat(courseLd.path("@type").asString()).isEqualTo("Course");
        assertThat(courseLd.path("courseCode").asString()).isEqualTo(subject + " 201");
        assertThat(courseLd.path("coursePrerequisites").get(0).asString()).contains(subject + " 101");
        assertThat(courseLd.path("coursePrerequisites")
                        .get(1)
                        .path("courseCode")
                        .asString())
                .isEqualTo(subject + " 101");
        assertThat(Jsoup.parse(html("/catalog/courses/" + subject + "/101")).text())
                .contains("Data Practice " + s);
    }

    @Test
    void searchPageFiltersPagesAndShowsAnEmptyState() throws Exception {
        var word = "Vexmoor" + CatalogFixtures.suffix();
        for (int i = 0; i < 23; i++) {
            var course = fixtures.course(northfield, "VX" + word.substring(word.length() - 3), String.valueOf(100 + i));
            fixtures.courseVersion(course, 1, PAST, word + " topic " + i, "About " + word + ".", null, false);
            index.refreshCourse(course);
        }
        var degree = fixtures.program(northfield, "DEG-" + word);
        fixtures.programVersion(
                degree,
                1,
                PAST,
                ProgramContent.certificate(word + " Degree", "{\"type\":\"credits\",\"minimum\":3}")
                        .as("DEGREE", "Undergraduate", "IN_PERSON"));
        index.refreshProgram(degree);

        var first = Jsoup.parse(html("/catalog?q=" + word));
        assertThat(first.select(".catalog-hit")).hasSize(20);
        assertThat(first.text()).contains("24 results").contains("Page 1 of 2");
        var second = Jsoup.parse(html(first.select("a[rel=next]").attr("href")));
        assertThat(second.select(".catalog-hit")).hasSize(4);

        var degrees = Jsoup.parse(html("/catalog?q=" + word + "&type=DEGREE&level=Undergraduate&mode=IN_PERSON"));
        assertThat(degrees.select(".catalog-hit")).hasSize(1);
        assertThat(degrees.select(".catalog-hit a").text()).isEqualTo(word + " Degree");
        assertThat(Jsoup.parse(html("/catalog?q=" + word + "&kind=COURSE")).text())
                .contains("23 results");
        assertThat(Jsoup.parse(html("/catalog?q=" + word + "&type=DEGREE&mode=ONLINE"))
                        .getElementById("empty-state"))
                .isNotNull();

        var fragment = mvc.perform(get("/catalog").param("q", word).header("HX-Request", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("id=\"results\"").doesNotContain("<html").contains(word + " Degree");
    }

    @Test
    void sitemapListsPublicPagesOnly() throws Exception {
        var word = "Sitem" + CatalogFixtures.suffix();
        var shown = fixtures.program(northfield, "SM-" + word);
        fixtures.programVersion(
                shown, 1, PAST, ProgramContent.certificate(word, "{\"type\":\"credits\",\"minimum\":3}"));
        var hidden = fixtures.program(northfield, "SMF-" + word);
        fixtures.programVersion(
                hidden, 1, FUTURE, ProgramContent.certificate(word, "{\"type\":\"credits\",\"minimum\":3}"));

        var response = mvc.perform(get("/sitemap.xml")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/xml");
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml =
                factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(response.getContentAsByteArray()));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        var locations = new java.util.ArrayList<String>();
        var nodes = xml.getElementsByTagNameNS("*", "loc");
        for (int i = 0; i < nodes.getLength(); i++) {
            locations.add(nodes.item(i).getTextContent());
        }
        assertThat(locations).anyMatch(l -> l.endsWith("/catalog/programs/SM-" + word));
        assertThat(locations).noneMatch(l -> l.endsWith("/catalog/programs/SMF-" + word));
        assertThat(locations).anyMatch(l -> l.endsWith("/catalog"));
        assertThat(locations).anyMatch(l -> l.endsWith("/verify"));
    }

    private JsonNode jsonLd(org.jsoup.nodes.Document doc) {
        var script = doc.selectFirst("script[type=application/ld+json]");
        assertThat(script).isNotNull();
        return json.readTree(script.data());
    }

    private String html(String url) throws Exception {
        var response =
                mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private int status(String url) throws Exception {
        return mvc.perform(get(url).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
