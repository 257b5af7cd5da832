package org.credo.catalog.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.approval.ApprovalChain;
import org.credo.catalog.course.CourseContent;
import org.credo.catalog.course.Courses;
import org.credo.catalog.program.DeliveryMode;
import org.credo.catalog.program.ProgramContent;
import org.credo.catalog.program.ProgramType;
import org.credo.catalog.program.Programs;
import org.credo.catalog.proposal.Curriculum;
import org.credo.catalog.proposal.ProposalRequest;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;
import org.credo.credentials.AchievementDefinitions;
import org.credo.platform.CredoUser;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.Role;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives Northfield College a two-step approval chain (committee members, then the
 * registrar), nine courses with prerequisites, three programs (one awarding the demo certificate)
 * and one proposal in review.
 */
@Component
@Order(20)
class CatalogDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Courses courses;
    private final Programs programs;
    private final ApprovalChain chain;
    private final Curriculum curriculum;
    private final AchievementDefinitions achievements;
    private final JdbcClient jdbc;

    CatalogDemoData(
            CredoProperties properties,
            Organizations organizations,
            Courses courses,
            Programs programs,
            ApprovalChain chain,
            Curriculum curriculum,
            AchievementDefinitions achievements,
            JdbcClient jdbc) {
        this.properties = properties;
        this.organizations = organizations;
        this.courses = courses;
        this.programs = programs;
        this.chain = chain;
        this.curriculum = curriculum;
        this.achievements = achievements;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo()
                || northfield.isEmpty()
                || !courses.allLatest(northfield.get().id()).isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        chain.addStep(org, 1, "Curriculum committee", Role.COMMITTEE_MEMBER, null);
        chain.addStep(org, 2, "Registrar sign-off", Role.REGISTRAR, null);

        var start = LocalDate.of(2026, 1, 1);
        course(
                org,
                start,
                "DATA 101",
                "Data Foundations",
                "3",
                "Spreadsheets, tidy data and the questions data can answer.",
                List.of("Clean and reshape a data set", "Summarise data with pivot tables"),
                null,
                null);
        course(
                org,
                start,
                "MATH 120",
                "Statistics I",
                "3",
                "Descriptive statistics, probability and sampling.",
                List.of("Describe a distribution", "Compute and interpret probabilities"),
                null,
                null);
        course(
                org,
                start,
                "CS 101",
                "Introduction to Programming",
                "4",
                "Programming in Python from the first line.",
                List.of("Write, test and debug small programs"),
                null,
                null);
        course(
                org,
                start,
                "DATA 201",
                "SQL for Analysts",
                "3",
                "Querying relational databases with SQL.",
                List.of("Write joins, groupings and window functions"),
                rule("DATA 101", null),
                null);
        course(
                org,
                start,
                "DATA 220",
                "Python for Data",
                "3",
                "pandas, notebooks and reproducible analysis.",
                List.of("Analyse a data set in a notebook"),
                new Requirement.AllOf(null, List.of(req("DATA 101", null), req("CS 101", "C")), false),
                null);
        course(
                org,
                start,
                "MATH 220",
                "Statistics II",
                "3",
                "Inference, regression and experimental design.",
                List.of("Fit and interpret a regression model"),
                rule("MATH 120", "C"),
                null);
        course(
                org,
                start,
                "DATA 301",
                "Data Visualization",
                "3",
                "Charts that tell the truth, and dashboards.",
                List.of("Choose a chart for a question", "Build an accessible dashboard"),
                new Requirement.AnyOf(List.of(req("DATA 201", null), req("DATA 220", null))),
                null);
        course(
                org,
                start,
                "DATA 350",
                "Machine Learning Basics",
                "3",
                "Supervised learning with scikit-learn.",
                List.of("Train and evaluate a classifier"),
                new Requirement.AllOf(null, List.of(req("DATA 220", "C"), req("MATH 220", null)), false),
                null);
        course(
                org,
                start,
                "DATA 390",
                "Data Capstone",
                "4",
                "A semester-long analysis for a real client.",
                List.of("Deliver an analysis to a client"),
                rule("DATA 301", "C"),
                rule("DATA 350", null));

        var certificate = achievements.published(org).stream()
                .filter(a -> a.name().equals("Certificate in Data Analysis"))
                .map(AchievementDefinitions.Definition::lineageId)
                .findFirst()
                .orElse(null);
        program(
                org,
                start,
                new ProgramContent(
                        "CERT-DA",
                        "Certificate in Data Analysis",
                        ProgramType.CERTIFICATE,
                        "Undergraduate",
                        new BigDecimal("9"),
                        "30.7001",
                        "P9M",
                        DeliveryMode.HYBRID,
                        new BigDecimal("4800.00"),
                        "USD",
                        "Payable per term; employer sponsorship welcome.",
                        "Clean, analyse and present data with spreadsheets, SQL and Python.",
                        List.of("Clean and analyse real data sets", "Present findings to a non-technical audience"),
                        new Requirement.AllOf(
                                "Required courses",
                                List.of(req("DATA 101", "C"), req("DATA 201", "C"), req("DATA 220", "C")),
                                false),
                        certificate));
        program(
                org,
                start,
                new ProgramContent(
                        "BSC-DS",
                        "Bachelor of Science in Data Science",
                        ProgramType.DEGREE,
                        "Undergraduate",
                        new BigDecimal("120"),
                        "30.7001",
                        "P4Y",
                        DeliveryMode.IN_PERSON,
                        new BigDecimal("9800.00"),
                        "USD",
                        "Per year, before financial aid.",
                        "Statistics, programming and machine learning, ending in a capstone for a real client.",
                        List.of(
                                "Frame questions that data can answer",
                                "Build and evaluate predictive models",
                                "Communicate results responsibly"),
                        new Requirement.AllOf(
                                "Degree requirements",
                                List.of(
                                        new Requirement.AllOf(
                                                "Core",
                                                List.of(
                                                        req("CS 101", null),
                                                        req("DATA 101", null),
                                                        req("MATH 120", null),
                                                        req("MATH 220", "C"),
                                                        req("DATA 390", "C")),
                                                false),
                                        new Requirement.Choose(
                                                "Data tools",
                                                2,
                                                List.of(
                                                        req("DATA 201", null),
                                                        req("DATA 220", null),
                                                        req("DATA 301", null))),
                                        new Requirement.CreditMinimum(
                                                "Upper-level electives",
                                                new BigDecimal("6"),
                                                List.of("DATA", "CS"),
                                                300,
                                                "C")),
                                false),
                        null));
        program(
                org,
                start,
                new ProgramContent(
                        "MC-SQL",
                        "SQL Micro-credential",
                        ProgramType.MICRO_CREDENTIAL,
                        "Professional",
                        new BigDecimal("3"),
                        null,
                        "P8W",
                        DeliveryMode.ONLINE,
                        new BigDecimal("900.00"),
                        "USD",
                        null,
                        "Query relational databases with confidence.",
                        List.of("Write analytical SQL queries"),
                        new Requirement.AllOf(null, List.of(req("DATA 201", "B")), false),
                        null));

        var author = user(org, northfield.get(), "curriculum-author@northfield.test", Role.CURRICULUM_AUTHOR);
        if (author != null) {
            var content = new CourseContent(
                    new CourseCode("DATA", "250"),
                    "Data Ethics",
                    new BigDecimal("3"),
                    "Privacy, fairness and accountability in working with data.",
                    List.of("Assess a data project for privacy risks", "Explain sources of algorithmic bias"),
                    rule("DATA 101", null),
                    null);
            var proposal = curriculum.create(
                    author,
                    new ProposalRequest(
                            "COURSE",
                            "CREATE",
                            null,
                            "Add Data Ethics (DATA 250)",
                            "Employers and accreditors ask for ethics in the data curriculum.",
                            LocalDate.now().plusMonths(2).withDayOfMonth(1),
                            content.toJson()));
            curriculum.submit(author, proposal.id());
        }
        log.info("Demo catalog seeded for Northfield: 9 courses, 3 programs, a two-step approval chain");
    }

    private void course(
            UUID org,
            LocalDate from,
            String code,
            String title,
            String credits,
            String description,
            List<String> outcomes,
            @Nullable Requirement prerequisites,
            @Nullable Requirement corequisites) {
        courses.publish(
                org,
                new CourseContent(
                        CourseCode.parse(code).orElseThrow(),
                        title,
                        new BigDecimal(credits),
                        description,
                        outcomes,
                        prerequisites,
                        corequisites),
                from,
                false,
                null,
                null);
    }

    private void program(UUID org, LocalDate from, ProgramContent content) {
        // Round-trip through the stored shape, as an import would.
        RequirementJson.parse(RequirementJson.write(content.requirements()), RequirementJson.Kind.PROGRAM);
        programs.publish(org, content, from, false, null, null);
    }

    private static Requirement rule(String code, @Nullable String minGrade) {
        return req(code, minGrade);
    }

    private static Requirement req(String code, @Nullable String minGrade) {
        return new Requirement.Course(CourseCode.parse(code).orElseThrow(), minGrade);
    }

    private @Nullable CredoUser user(UUID org, OrganizationSummary organization, String email, Role role) {
        return jdbc.sql("SELECT id, display_name FROM person WHERE email = ?")
                .param(email)
                .query((rs, n) -> new CredoUser(
                        rs.getObject("id", UUID.class),
                        email,
                        rs.getString("display_name"),
                        org,
                        organization.name(),
                        organization.timeZone(),
                        EnumSet.of(role),
                        null,
                        true,
                        false))
                .optional()
                .orElse(null);
    }
}
