package org.credo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.catalog.approval.ApprovalChain;
import org.credo.catalog.course.Courses;
import org.credo.catalog.program.Programs;
import org.credo.catalog.proposal.Curriculum;
import org.credo.catalog.proposal.Proposal;
import org.credo.catalog.proposal.ProposalRequest;
import org.credo.catalog.proposal.Reviews;
import org.credo.catalog.requirement.CourseCode;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proposals through Northfield's demo approval chain (committee member, then registrar), on the real
 * database with real email: every bad input of the issue gets a clear error and changes nothing.
 */
@CredoTest
class CurriculumTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    Curriculum curriculum;

    @Autowired
    Reviews reviews;

    @Autowired
    Courses courses;

    @Autowired
    Programs programs;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    CredoUser author;
    CredoUser committee;
    CredoUser registrar;
    String subject;

    @BeforeEach
    void users() {
        author = accounts.loadUserByUsername(DemoData.email(Role.CURRICULUM_AUTHOR));
        committee = accounts.loadUserByUsername(DemoData.email(Role.COMMITTEE_MEMBER));
        registrar = accounts.loadUserByUsername(DemoData.email(Role.REGISTRAR));
        // A fresh subject per test, since tests share the database.
        subject = "T"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36)
                        .toUpperCase()
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
    }

    JsonNode course(String number, String title, String prerequisites) {
        return json.readTree("""
                {"subject":"%s","number":"%s","title":"%s","credits":3,"description":"About %s.",
                 "outcomes":["Do one thing","Do another"],"prerequisites":%s}""".formatted(subject, number, title, title, prerequisites));
    }

    ProposalRequest create(String kind, JsonNode content) {
        return new ProposalRequest(
                kind,
                "CREATE",
                null,
                "Add " + content.path("title").asString(""),
                "Because.",
                LocalDate.now(),
                content);
    }

    /** Proposes, and walks the proposal through both steps of the chain. */
    Proposal approved(ProposalRequest request) {
        var p = as(author, () -> curriculum.create(author, request));
        as(author, () -> curriculum.submit(author, p.id()));
        as(committee, () -> reviews.decide(committee, p.id(), "APPROVE", null));
        return as(registrar, () -> reviews.decide(registrar, p.id(), "APPROVE", "Fine."));
    }

    /** Waits for a message to an address whose subject contains a text (older retries may arrive too). */
    static jakarta.mail.internet.MimeMessage awaitMail(String to, String subjectPart) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(
                        () -> java.util.Arrays.stream(mail.getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return GreenMailUtil.getAddressList(m.getAllRecipients())
                                                        .contains(to)
                                                && m.getSubject().contains(subjectPart);
                                    } catch (jakarta.mail.MessagingException e) {
                                        return false;
                                    }
                                })
                                .reduce((a, b) -> b)
                                .orElse(null),
                        m -> m != null);
    }

    static <T> T as(CredoUser user, java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    long versions() {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_course_version")
                        .query(Long.class)
                        .single()
                + jdbc.sql("SELECT COUNT(*) FROM catalog_program_version")
                        .query(Long.class)
                        .single();
    }

    long proposalRows() {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_proposal")
                        .query(Long.class)
                        .single()
                + jdbc.sql("SELECT COUNT(*) FROM catalog_proposal_decision")
                        .query(Long.class)
                        .single();
    }

    @Test
    void aProposalWalksTheChainWithAReturnAndIsPublishedWithEmails() throws Exception {
        var p = as(author, () -> curriculum.create(author, create("COURSE", course("101", "Foundations", "null"))));
        assertThat(p.status()).isEqualTo(Proposal.Status.DRAFT);
        as(author, () -> curriculum.submit(author, p.id()));
        awaitMail(committee.email(), "Review requested: proposal #" + p.number() + " ");

        var returned = as(committee, () -> reviews.decide(committee, p.id(), "RETURN", "Add a third outcome."));
        assertThat(returned.status()).isEqualTo(Proposal.Status.RETURNED);
        var toAuthor = awaitMail(author.email(), "Proposal #" + p.number() + " returned");
        assertThat(GreenMailUtil.getBody(toAuthor)).contains("Add a third outcome.");

        var revisedContent = (tools.jackson.databind.node.ObjectNode) course("101", "Foundations", "null");
        revisedContent.putArray("outcomes").add("One").add("Two").add("Three");
        as(
                author,
                () -> curriculum.revise(
                        author,
                        p.id(),
                        new ProposalRequest(
                                null, null, null, "Add Foundations", null, LocalDate.now(), revisedContent)));
        as(author, () -> curriculum.submit(author, p.id()));
        as(committee, () -> reviews.decide(committee, p.id(), "APPROVE", null));
        awaitMail(registrar.email(), "Review requested: proposal #" + p.number() + " ");
        var done = as(registrar, () -> reviews.decide(registrar, p.id(), "APPROVE", null));
        assertThat(done.status()).isEqualTo(Proposal.Status.APPROVED);
        awaitMail(author.email(), "Proposal #" + p.number() + " approved");

        var published = courses.latest(author.organizationId(), new CourseCode(subject, "101"))
                .orElseThrow();
        assertThat(published.content().outcomes()).containsExactly("One", "Two", "Three");
        assertThat(published.proposalId()).isEqualTo(p.id());
        var details = as(author, () -> curriculum.details(author, p.id()));
        assertThat(details.decisions())
                .extracting(d -> d.decision() + " " + d.reviewerName() + " " + d.comment())
                .containsExactly(
                        "RETURN " + committee.displayName() + " Add a third outcome.",
                        "APPROVE " + committee.displayName() + " null",
                        "APPROVE " + registrar.displayName() + " null");
    }

    @Test
    void everyStateChangeOfAProposalIsInTheAuditTrail() {
        var p = approved(create("COURSE", course("140", "Forty", "null")));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY occurred_at, action")
                                .param(p.id().toString())
                                .query(String.class)
                                .list())
                        .contains(
                                "catalog.proposal.created",
                                "catalog.proposal.submitted",
                                "catalog.proposal.advanced",
                                "catalog.proposal.approved"));
    }

    @Test
    void parallelStepsMustAllApproveBeforeTheNextPosition(@Autowired ApprovalChain chain) {
        var org = author.organizationId();
        var group = chain.createGroup(org, "Library " + subject);
        chain.addMember(org, group.id(), DemoData.email(Role.CATALOG_EDITOR));
        var step = chain.addStep(org, 1, "Library resources", null, group.id());
        try {
            var editor = accounts.loadUserByUsername(DemoData.email(Role.CATALOG_EDITOR));
            var p = as(author, () -> curriculum.create(author, create("COURSE", course("150", "Fifty", "null"))));
            as(author, () -> curriculum.submit(author, p.id()));
            as(committee, () -> reviews.decide(committee, p.id(), "APPROVE", null));
            assertThat(curriculum.find(author, p.id()).currentPosition()).isEqualTo(1);
            assertThatThrownBy(() -> as(registrar, () -> reviews.decide(registrar, p.id(), "APPROVE", null)))
                    .hasMessageContaining("group Library " + subject);
            as(editor, () -> reviews.decide(editor, p.id(), "APPROVE", "Books ordered."));
            assertThat(curriculum.find(author, p.id()).currentPosition()).isEqualTo(2);
            var done = as(registrar, () -> reviews.decide(registrar, p.id(), "APPROVE", null));
            assertThat(done.status()).isEqualTo(Proposal.Status.APPROVED);
        } finally {
            chain.removeStep(org, step.id());
        }
    }

    @Test
    void circularPrerequisitesAreRefusedNamingTheCycle() {
        approved(create("COURSE", course("201", "Two", "null")));
        approved(create("COURSE", course("301", "Three", "{\"type\":\"course\",\"course\":\"" + subject + " 201\"}")));
        var before = proposalRows();
        var change = course("201", "Two", "{\"type\":\"course\",\"course\":\"" + subject + " 301\"}");
        assertThatThrownBy(() -> as(
                        author,
                        () -> curriculum.create(
                                author,
                                new ProposalRequest(
                                        "COURSE", "MODIFY", subject + " 201", "Loop", null, LocalDate.now(), change))))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining(
                        "circular prerequisites: " + subject + " 201 → " + subject + " 301 → " + subject + " 201");
        assertThat(proposalRows()).isEqualTo(before);
    }

    @Test
    void aRequirementNamingAnUnknownCourseIsRefused() {
        var before = proposalRows();
        var program = json.readTree("""
                {"code":"P-%s","name":"Program","type":"CERTIFICATE","level":"Undergraduate","credits":9,
                 "cipCode":"11.0701","timeToComplete":"P1Y","deliveryMode":"ONLINE","description":"A program.",
                 "learningOutcomes":["One"],
                 "requirements":{"type":"all","items":[{"type":"course","course":"DATA 101"},{"type":"course","course":"%s 999"}]}}""".formatted(subject, subject));
        assertThatThrownBy(() -> as(author, () -> curriculum.create(author, create("PROGRAM", program))))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("requirements: names " + subject + " 999, which is not a course in the catalog");
        var badCip = json.readTree(program.toString().replace("11.0701", "117.01"));
        assertThatThrownBy(() -> as(author, () -> curriculum.create(author, create("PROGRAM", badCip))))
                .hasMessageContaining("\"117.01\" is not a CIP code");
        assertThat(proposalRows()).isEqualTo(before);
    }

    @Test
    void reviewersOutOfTurnOrTwiceAreRefusedAndNothingChanges() {
        var p = as(author, () -> curriculum.create(author, create("COURSE", course("110", "Ten", "null"))));
        as(author, () -> curriculum.submit(author, p.id()));
        var before = proposalRows();
        assertThatThrownBy(() -> as(registrar, () -> reviews.decide(registrar, p.id(), "APPROVE", null)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403))
                .hasMessageContaining(
                        "\"Curriculum committee\" (reviewed by Committee member); you are not one of its reviewers");
        assertThatThrownBy(() -> as(committee, () -> reviews.decide(committee, p.id(), "REJECT", " ")))
                .hasMessageContaining("comment: is required to reject a proposal");
        assertThat(proposalRows()).isEqualTo(before);

        as(committee, () -> reviews.decide(committee, p.id(), "APPROVE", null));
        var afterOne = proposalRows();
        assertThatThrownBy(() -> as(committee, () -> reviews.decide(committee, p.id(), "APPROVE", null)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409))
                .hasMessageContaining("You already decided on proposal #" + p.number());
        assertThat(proposalRows()).isEqualTo(afterOne);
        assertThat(curriculum.find(author, p.id()).currentPosition()).isEqualTo(2);
    }

    @Test
    void theAuthorOfAProposalDoesNotDecideOnItEvenHoldingTheReviewersRole() {
        var p = as(registrar, () -> curriculum.create(registrar, create("COURSE", course("115", "Own", "null"))));
        as(registrar, () -> curriculum.submit(registrar, p.id()));
        as(committee, () -> reviews.decide(committee, p.id(), "APPROVE", null));
        assertThat(as(registrar, () -> curriculum.details(registrar, p.id())).canDecide())
                .isFalse();
        var before = proposalRows();

        assertThatThrownBy(() -> as(registrar, () -> reviews.decide(registrar, p.id(), "APPROVE", "Mine.")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403))
                .hasMessageContaining("You wrote proposal #" + p.number() + ", so its other reviewers decide on it");

        assertThat(proposalRows()).isEqualTo(before);
        assertThat(curriculum.find(registrar, p.id()).status()).isEqualTo(Proposal.Status.IN_REVIEW);
    }

    @Test
    void aSecondOpenProposalForTheSameItemIsRefusedNamingTheFirst() {
        approved(create("COURSE", course("120", "Twenty", "null")));
        var first = as(
                author,
                () -> curriculum.create(
                        author,
                        new ProposalRequest(
                                "COURSE", "RETIRE", subject + " 120", "Retire it", null, LocalDate.now(), null)));
        var before = proposalRows();
        assertThatThrownBy(() -> as(
                        author,
                        () -> curriculum.create(
                                author,
                                new ProposalRequest(
                                        "COURSE",
                                        "MODIFY",
                                        subject + " 120",
                                        "Change it",
                                        null,
                                        LocalDate.now(),
                                        course("120", "Twenty two", "null")))))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409))
                .hasMessageContaining("Proposal #" + first.number() + " \"Retire it\"")
                .hasMessageContaining("is already open for " + subject + " 120");
        assertThat(proposalRows()).isEqualTo(before);
        as(author, () -> curriculum.withdraw(author, first.id()));
        var second = as(
                author,
                () -> curriculum.create(
                        author,
                        new ProposalRequest(
                                "COURSE",
                                "MODIFY",
                                subject + " 120",
                                "Change it",
                                null,
                                LocalDate.now(),
                                course("120", "Twenty two", "null"))));
        assertThat(second.status()).isEqualTo(Proposal.Status.DRAFT);
    }

    @Test
    void everyChangeIsANewVersionWithHistoryAndTheDiffListsAddedAndRemovedItems() {
        approved(create("COURSE", course("130", "Thirty", "null")));
        var change = (tools.jackson.databind.node.ObjectNode) course("130", "Thirty renamed", "null");
        change.putArray("outcomes").add("Do one thing").add("Do a third");
        var p = as(
                author,
                () -> curriculum.create(
                        author,
                        new ProposalRequest(
                                "COURSE",
                                "MODIFY",
                                subject + " 130",
                                "Rename",
                                null,
                                LocalDate.now().plusDays(30),
                                change)));
        var details = as(author, () -> curriculum.details(author, p.id()));
        assertThat(details.diff().changes())
                .extracting(c -> c.field() + ":" + c.before() + ">" + c.after() + c.added() + c.removed())
                .containsExactly(
                        "Title:Thirty>Thirty renamed[][]",
                        "Description:About Thirty.>About Thirty renamed.[][]",
                        "Outcomes:>[Do a third][Do another]");
        as(author, () -> curriculum.submit(author, p.id()));
        as(committee, () -> reviews.decide(committee, p.id(), "APPROVE", null));
        as(registrar, () -> reviews.decide(registrar, p.id(), "APPROVE", null));
        var code = new CourseCode(subject, "130");
        var latest = courses.latest(author.organizationId(), code).orElseThrow();
        var history = courses.history(author.organizationId(), latest.courseId());
        assertThat(history)
                .extracting(v -> v.version() + " " + v.content().title())
                .containsExactly("1 Thirty", "2 Thirty renamed");
        // The new version is published now but in force only from its effective date.
        assertThat(courses.onDate(author.organizationId(), latest.courseId(), LocalDate.now())
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        assertThat(courses.onDate(
                                author.organizationId(),
                                latest.courseId(),
                                LocalDate.now().plusDays(30))
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void anImpactListNamesProgramsAndCoursesThatReferenceACourse() {
        var p = as(
                author,
                () -> curriculum.create(
                        author,
                        new ProposalRequest(
                                "COURSE", "RETIRE", "DATA 201", "Retire SQL", null, LocalDate.now(), null)));
        try {
            var impact = as(author, () -> curriculum.details(author, p.id())).impact();
            assertThat(impact)
                    .extracting(i -> i.kind() + " " + i.code() + ": " + i.reference())
                    .contains(
                            "PROGRAM CERT-DA: Required courses › requires DATA 201 (grade C or better)",
                            "PROGRAM MC-SQL: requires DATA 201 (grade B or better)",
                            "COURSE DATA 301: prerequisite");
        } finally {
            as(author, () -> curriculum.withdraw(author, p.id()));
        }
    }

    @Test
    void aCredentialProposalPublishesTheAchievementThroughTheCredentialsModule() {
        var content = json.readTree("""
                {"name":"Badge %s","description":"A badge.","criteriaNarrative":"Finish it.","achievementType":"Badge"}""".formatted(subject));
        var done = approved(
                new ProposalRequest("CREDENTIAL", "CREATE", null, "New badge", null, LocalDate.now(), content));
        assertThat(done.status()).isEqualTo(Proposal.Status.APPROVED);
        assertThat(jdbc.sql("SELECT status FROM achievement WHERE name = ?")
                        .param("Badge " + subject)
                        .query(String.class)
                        .list())
                .containsExactly("PUBLISHED");
    }
}
