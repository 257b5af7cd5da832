package org.credo.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.admissions.release.Releases;
import org.credo.admissions.review.Committee;
import org.credo.admissions.review.Reads;
import org.credo.admissions.review.Rubrics;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reader queues, blind reads, recusal, decisions, release, acceptance and matriculation, on H2 or PostgreSQL. */
@CredoTest
class AdmissionsReviewTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdmissionsFixture fixture;

    @Autowired
    Reads reads;

    @Autowired
    Rubrics rubrics;

    @Autowired
    Committee committee;

    @Autowired
    Decisions decisions;

    @Autowired
    Releases releases;

    @Autowired
    Learners learners;

    static RequestPostProcessor as(CredoUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    UUID northfield() {
        return fixture.organization("northfield");
    }

    Map<UUID, Integer> scores(CredoUser reader, UUID cycleId, int each) {
        var map = new HashMap<UUID, Integer>();
        for (var c : rubrics.orDefault(reader.organizationId(), cycleId)) {
            map.put(c.id(), each);
        }
        return map;
    }

    /** An application read and submitted by one reader, ready for a decision. */
    UUID readApplication(UUID[] cycle, CredoUser reader, UUID personId, String name, String email) {
        var org = reader.organizationId();
        var app = fixture.application(org, cycle, personId, name, email);
        var read = reads.assign(org, app, reader.personId());
        reads.submit(reader, read.id(), scores(reader, cycle[0], 4), Map.of(), "Solid.");
        return app;
    }

    @Test
    void secondReaderSeesNoScoresUntilTheySubmitTheirOwn() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 30, null);
        var first = fixture.person(org, "Rita Reader", Role.ADMISSIONS_OFFICER);
        var second = fixture.person(org, "Sam Second", Role.ADMISSIONS_OFFICER);
        var app = fixture.application(org, cycle, null, "Blind Applicant", "blind@example.test");
        var readA = reads.assign(org, app, first.personId());
        var readB = reads.assign(org, app, second.personId());
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(app)
                        .query(String.class)
                        .single())
                .isEqualTo("IN_REVIEW");

        reads.submit(first, readA.id(), scores(first, cycle[0], 5), Map.of(), "Excellent.");

        // The second reader sees neither the first read's scores nor the application's score.
        mvc.perform(get("/api/v1/admissions/reviews/" + readB.id()).with(as(second)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.others.length()", is(0)));
        mvc.perform(get("/manage/admissions/reviews/" + readB.id()).with(as(second)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("stay hidden until you submit")))
                .andExpect(content().string(not(containsString("Excellent."))));
        var row = committee
                .page(second, new Committee.Filter(cycle[0], null, null, null, null, null), page())
                .items()
                .get(0);
        assertThat(row.score()).isNull();
        assertThat(row.scoreHidden()).isTrue();
        mvc.perform(get("/manage/admissions/decisions/" + app).with(as(second)))
                .andExpect(content().string(not(containsString("Excellent."))));

        reads.submit(second, readB.id(), scores(second, cycle[0], 3), Map.of(), "Fine.");
        mvc.perform(get("/api/v1/admissions/reviews/" + readB.id()).with(as(second)))
                .andExpect(jsonPath("$.others.length()", is(1)))
                .andExpect(jsonPath("$.others[0].weightedScore", is(5.0)));
        var scored = committee
                .page(second, new Committee.Filter(cycle[0], null, null, null, null, 2), page())
                .items()
                .get(0);
        assertThat(scored.score()).isEqualByComparingTo("4.000");
        assertThat(scored.readsSubmitted()).isEqualTo(2);
    }

    @Test
    void scoresOutsideTheScaleAreRefusedWithTheCriterionNamed() {
        var org = northfield();
        var cycle = fixture.cycle(org, 30, null);
        var reader = fixture.person(org, "Scale Reader", Role.ADMISSIONS_OFFICER);
        var app = fixture.application(org, cycle, null, "Scale Applicant", "scale@example.test");
        var read = reads.assign(org, app, reader.personId());
        assertThatThrownBy(() -> reads.submit(reader, read.id(), scores(reader, cycle[0], 9), Map.of(), null))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("from 1 to 5, not 9");
        var partial = scores(reader, cycle[0], 3);
        partial.remove(partial.keySet().iterator().next());
        assertThatThrownBy(() -> reads.submit(reader, read.id(), partial, Map.of(), null))
                .hasMessageContaining("from 1 to 5");
        assertThat(reads.find(org, read.id()).open()).isTrue();
    }

    @Test
    void recusedApplicationGoesBackToBeReassigned() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 30, null);
        var reader = fixture.person(org, "Conflicted Reader", Role.ADMISSIONS_OFFICER);
        var other = fixture.person(org, "Other Reader", Role.ADMISSIONS_OFFICER);
        var app = fixture.application(org, cycle, null, "Cousin Applicant", "cousin@example.test");
        var read = reads.assign(org, app, reader.personId());

        mvc.perform(post("/api/v1/admissions/reviews/" + read.id() + "/recuse")
                        .with(as(reader))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("reason")));
        mvc.perform(post("/manage/admissions/reviews/" + read.id() + "/recuse")
                        .with(as(reader))
                        .with(csrf())
                        .param("reason", "The applicant is my cousin."))
                .andExpect(redirectedUrl("/manage/admissions/reviews"));

        assertThat(reads.find(org, read.id()).status()).isEqualTo("RECUSED");
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(app)
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");
        assertThat(reads.waiting(org, null)).extracting(Reads.Waiting::id).contains(app);
        assertThatThrownBy(() -> reads.assign(org, app, reader.personId())).hasMessageContaining("recused");
        assertThat(reads.assign(org, app, other.personId()).readerName()).isEqualTo("Other Reader");
    }

    @Test
    void roundRobinGivesWorkToTheLeastLoadedReaders() {
        var org = fixture.organization("harbor");
        var cycle = fixture.cycle(org, northfield(), 30, null);
        var a = fixture.person(org, "Harbor Reader A", Role.ADMISSIONS_OFFICER);
        var b = fixture.person(org, "Harbor Reader B", Role.ADMISSIONS_OFFICER);
        for (int i = 0; i < 4; i++) {
            fixture.application(org, cycle, null, "Round " + i, "round" + i + "-" + UUID.randomUUID() + "@x.test");
        }
        var before =
                reads.readers(org).stream().mapToLong(Reads.Reader::openReads).sum();
        int assigned = reads.assignRoundRobin(org, null);
        assertThat(assigned).isGreaterThanOrEqualTo(4);
        var loads = reads.readers(org);
        assertThat(loads.stream().mapToLong(Reads.Reader::openReads).sum()).isEqualTo(before + assigned);
        assertThat(reads.queue(org, a.personId())).isNotEmpty();
        assertThat(reads.queue(org, b.personId())).isNotEmpty();
    }

    @Test
    void readersSeeOnlyTheirOwnQueue() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 30, null);
        var mine = fixture.person(org, "Queue Owner", Role.ADMISSIONS_OFFICER);
        var other = fixture.person(org, "Queue Neighbour", Role.ADMISSIONS_OFFICER);
        var app = fixture.application(org, cycle, null, "Queued Applicant", "queued@example.test");
        var read = reads.assign(org, app, mine.personId());

        mvc.perform(get("/manage/admissions/reviews/" + read.id()).with(as(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admissions/reviews/" + read.id()).with(as(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admissions/reviews/" + read.id() + "/submit")
                        .with(as(other))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\":{}}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admissions/reviews").with(as(other)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(0)));
        mvc.perform(get("/api/v1/admissions/reviews").with(as(mine)))
                .andExpect(jsonPath("$[0].id", is(read.id().toString())));
        mvc.perform(get("/manage/admissions/reviews").with(as(mine)))
                .andExpect(content().string(containsString("Queued Applicant")));
    }

    @Test
    void decisionOnAnIncompleteApplicationIsRefused() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 30, null);
        var officer = fixture.person(org, "Deciding Officer", Role.ADMISSIONS_OFFICER);
        var unread = fixture.application(org, cycle, null, "Unread Applicant", "unread@example.test");
        var draft =
                fixture.application(org, cycle, null, "Draft Applicant", "draft@example.test", ApplicationStatus.DRAFT);
        var body = "{\"outcome\":\"ADMIT\",\"reasonCode\":\"ADM-MEETS\"}";

        mvc.perform(put("/api/v1/admissions/decisions/" + unread)
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Application not read")))
                .andExpect(jsonPath("$.detail", containsString("no submitted read")));
        mvc.perform(put("/api/v1/admissions/decisions/" + draft)
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Application not ready for a decision")));

        var read = readApplication(cycle, officer, null, "Read Applicant", "read@example.test");
        mvc.perform(put("/api/v1/admissions/decisions/" + read)
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ADMIT\",\"reasonCode\":\"DEN-REQ\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("reasonCode")));
        mvc.perform(put("/api/v1/admissions/decisions/" + read)
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"CONDITIONAL_ADMIT\",\"reasonCode\":\"CND-DOCS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("conditions")));
        mvc.perform(post("/manage/admissions/decisions/" + read)
                        .with(as(officer))
                        .with(csrf())
                        .param("outcome", "WAITLIST")
                        .param("reasonCode", "WL-CAPACITY"))
                .andExpect(redirectedUrl("/manage/admissions/decisions/" + read));
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(read)
                        .query(String.class)
                        .single())
                .isEqualTo("DECIDED");
        assertThat(decisions.find(org, read).orElseThrow().held()).isTrue();
    }

    @Test
    void aReleaseRunTwiceSendsNothingTwice() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 30, null);
        var officer = fixture.person(org, "Releasing Officer", Role.ADMISSIONS_OFFICER);
        var emails = List.of("admit-r@example.test", "wait-r@example.test", "deny-r@example.test");
        var admit = readApplication(cycle, officer, null, "Ada <Admit>", emails.get(0));
        var wait = readApplication(cycle, officer, null, "Wes Wait", emails.get(1));
        var deny = readApplication(cycle, officer, null, "Dee Deny", emails.get(2));
        decisions.decide(org, admit, Outcome.ADMIT, "ADM-STRONG", null, "<script>x</script>");
        decisions.decide(org, wait, Outcome.WAITLIST, "WL-CAPACITY", null, null);
        decisions.decide(org, deny, Outcome.DENY, "DEN-COMPETE", null, null);
        var release = releases.schedule(org, cycle[0], Instant.now().plus(Duration.ofHours(1)));

        // Two runs at once: exactly one claims the batch.
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(() -> releases.run(release.id()));
            Future<Integer> two = pool.submit(() -> releases.run(release.id()));
            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder(3, 0);
        } finally {
            pool.shutdown();
        }
        assertThat(releases.run(release.id())).isZero();
        mvc.perform(post("/api/v1/admissions/releases/" + release.id() + "/run").with(as(officer)))
                .andExpect(status().isConflict());

        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(admit)
                        .query(String.class)
                        .single())
                .isEqualTo("ADMITTED");
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(wait)
                        .query(String.class)
                        .single())
                .isEqualTo("WAITLISTED");
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(deny)
                        .query(String.class)
                        .single())
                .isEqualTo("DENIED");
        assertThat(decisions.find(org, admit).orElseThrow().letterText()).contains("Ada <Admit>");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.decision-released'"
                                        + " AND subject_id = ?")
                                .param(admit.toString())
                                .query(Long.class)
                                .single()
                        == 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received(emails) == 3);
        // A second, third release of the same cycle finds no held decision and sends nothing.
        var again = releases.schedule(org, cycle[0], Instant.now().plus(Duration.ofHours(1)));
        assertThat(releases.releaseNow(org, again.id())).isZero();
        Thread.sleep(3000);
        assertThat(received(emails)).isEqualTo(3);
    }

    long received(List<String> addresses) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        var to = m.getAllRecipients()[0].toString();
                        return addresses.contains(to);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    /** An applicant with an account, admitted and released: returns {applicant, applicationId}. */
    Object[] admitted(UUID[] cycle, CredoUser officer) {
        var org = officer.organizationId();
        var applicant = fixture.person(org, "Mia Matriculant", Role.APPLICANT);
        var app = readApplication(cycle, officer, applicant.personId(), "Mia Matriculant", applicant.email());
        decisions.decide(org, app, Outcome.ADMIT, "ADM-MEETS", null, null);
        var release = releases.schedule(org, cycle[0], Instant.now().plus(Duration.ofHours(1)));
        assertThat(releases.releaseNow(org, release.id())).isEqualTo(1);
        return new Object[] {applicant, app};
    }

    @Test
    void acceptanceAfterTheDeadlineIsRefusedAndChangesNothing() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 14, new BigDecimal("250.00"));
        var officer = fixture.person(org, "Deadline Officer", Role.ADMISSIONS_OFFICER);
        var pair = admitted(cycle, officer);
        var applicant = (CredoUser) pair[0];
        var app = (UUID) pair[1];
        jdbc.sql("UPDATE admission_decision SET respond_by = ? WHERE application_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)), app)
                .update();

        mvc.perform(post("/api/v1/me/applications/" + app + "/decision/accept").with(as(applicant)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Deadline passed")));
        mvc.perform(get("/apply/applications/" + app + "/decision").with(as(applicant)))
                .andExpect(content().string(containsString("deadline to answer this offer has passed")));
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(app)
                        .query(String.class)
                        .single())
                .isEqualTo("ADMITTED");
        assertThat(jdbc.sql("SELECT count(*) FROM admission_deposit WHERE application_id = ?")
                        .param(app)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(learners.ofPerson(org, applicant.personId())).isEmpty();
    }

    @Test
    void acceptingMatriculatesTheApplicantAsAnActiveLearner() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 14, new BigDecimal("250.00"));
        var officer = fixture.person(org, "Matriculating Officer", Role.ADMISSIONS_OFFICER);
        var pair = admitted(cycle, officer);
        var applicant = (CredoUser) pair[0];
        var app = (UUID) pair[1];
        var program = fixture.program(org);

        mvc.perform(get("/apply/applications/" + app + "/decision").with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("delighted to offer you admission")))
                .andExpect(content().string(containsString("Accept my place")));
        mvc.perform(get("/apply/applications/" + app + "/decision/letter.pdf").with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(post("/apply/applications/" + app + "/decision/accept")
                        .with(as(applicant))
                        .with(csrf()))
                .andExpect(redirectedUrl("/me/record"));

        var learner = learners.ofPerson(org, applicant.personId()).orElseThrow();
        assertThat(learner.status()).isEqualTo(LearnerStatus.ACTIVE);
        assertThat(learner.learnerNumber()).isNotBlank();
        assertThat(learner.programId()).isEqualTo(program.programId());
        assertThat(learner.programVersion()).isEqualTo(program.version());
        assertThat(learner.catalogYear()).isNotBlank();
        var now = fixture.again(applicant);
        assertThat(now.roles()).contains(Role.LEARNER, Role.APPLICANT);
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(app)
                        .query(String.class)
                        .single())
                .isEqualTo("MATRICULATED");
        assertThat(jdbc.sql("SELECT amount FROM admission_deposit WHERE application_id = ? AND status = 'OWED'")
                        .param(app)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("250.00");
        mvc.perform(get("/me/record").with(as(now)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(learner.learnerNumber())));
        // Answered once: a second answer is refused.
        mvc.perform(post("/api/v1/me/applications/" + app + "/decision/decline").with(as(now)))
                .andExpect(status().isConflict());
    }

    @Test
    void nothingCrossesOrganizations() throws Exception {
        var org = northfield();
        var cycle = fixture.cycle(org, 30, null);
        var officer = fixture.person(org, "Northfield Officer", Role.ADMISSIONS_OFFICER);
        var pair = admitted(cycle, officer);
        var app = (UUID) pair[1];
        var harbor = fixture.organization("harbor");
        var outsider = fixture.person(harbor, "Harbor Officer", Role.ADMISSIONS_OFFICER);
        var stranger = fixture.person(org, "Other Applicant", Role.APPLICANT);

        mvc.perform(get("/manage/admissions/decisions/" + app).with(as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admissions/decisions/" + app).with(as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/admissions/decisions/" + app)
                        .with(as(outsider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"DENY\",\"reasonCode\":\"DEN-REQ\"}"))
                .andExpect(status().isNotFound());
        assertThat(committee
                        .page(outsider, new Committee.Filter(cycle[0], null, null, null, null, null), page())
                        .totalItems())
                .isZero();
        assertThatThrownBy(() -> reads.assign(harbor, app, outsider.personId())).hasMessageContaining("not found");
        mvc.perform(get("/api/v1/me/applications/" + app + "/decision").with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/apply/applications/" + app + "/decision/letter.pdf").with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/manage/admissions/committee").with(as(stranger))).andExpect(status().isForbidden());
    }

    @Test
    void theDemoOfficerHasWorkOnEveryPage() throws Exception {
        var org = northfield();
        var adam = fixture.again(fixture.person(org, "Page Officer", Role.ADMISSIONS_OFFICER));
        mvc.perform(get("/").with(as(adam)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your reading queue")))
                .andExpect(content().string(containsString("Decisions to release")));
        mvc.perform(get("/manage/admissions/committee").with(as(adam)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Committee")));
        mvc.perform(get("/manage/admissions/committee")
                        .header("HX-Request", "true")
                        .with(as(adam)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")));
        mvc.perform(get("/manage/admissions/committee?minScore=abc").with(as(adam)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/manage/admissions/releases").with(as(adam)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schedule a release")));
        mvc.perform(get("/manage/admissions/reviews/rubric").with(as(adam))).andExpect(status().isOk());
        mvc.perform(get("/manage/admissions/reviews").with(as(adam)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Waiting for a reader")));
    }

    static PageQuery page() {
        return PageQuery.of(0, 20, null, Committee.SORTABLE, false);
    }
}
