package org.credo.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.admissions.release.Releases;
import org.credo.admissions.review.Committee;
import org.credo.admissions.review.Reads;
import org.credo.admissions.review.Rubrics;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Withdrawing an application: by the applicant after a confirmation step, by staff with a reason, refused once the
 * application is out of play, never across applicants or organizations, shown at once on the committee view, and a
 * held decision of a withdrawn application is never released.
 */
@CredoTest
class ApplicationWithdrawalTest {

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

    static RequestPostProcessor as(CredoUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    String statusOf(UUID app) {
        return jdbc.sql("SELECT status FROM application WHERE id = ?")
                .param(app)
                .query(String.class)
                .single();
    }

    long events(UUID app, String kind) {
        return jdbc.sql("SELECT count(*) FROM application_event WHERE application_id = ? AND kind = ?")
                .params(app, kind)
                .query(Long.class)
                .single();
    }

    UUID decided(UUID org, UUID[] cycle, CredoUser reader, String name, String email) {
        var app = fixture.application(org, cycle, null, name, email);
        var read = reads.assign(org, app, reader.personId());
        var scores = new HashMap<UUID, Integer>();
        rubrics.orDefault(org, cycle[0]).forEach(c -> scores.put(c.id(), 4));
        reads.submit(reader, read.id(), scores, Map.of(), "Solid.");
        decisions.decide(org, app, Outcome.ADMIT, "ADM-MEETS", null, null);
        return app;
    }

    @Test
    void applicantWithdrawsTheirOwnAfterConfirming() throws Exception {
        var org = fixture.organization("northfield");
        var cycle = fixture.cycle(org, 30, null);
        var applicant = fixture.person(org, "Wes Withdrawer", Role.APPLICANT);
        var app = fixture.application(org, cycle, applicant.personId(), "Wes Withdrawer", applicant.email());

        mvc.perform(get("/apply/applications/" + app).with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/apply/applications/" + app + "/withdraw")));
        // The confirmation step: nothing changes until the form is posted.
        mvc.perform(get("/apply/applications/" + app + "/withdraw").with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"withdraw-form\"")))
                .andExpect(content().string(containsString("Reason (optional)")));
        assertThat(statusOf(app)).isEqualTo("SUBMITTED");

        mvc.perform(post("/apply/applications/" + app + "/withdraw")
                        .with(as(applicant))
                        .with(csrf())
                        .param("reason", "I <b>moved</b> abroad."))
                .andExpect(redirectedUrl("/apply/applications/" + app));
        assertThat(statusOf(app)).isEqualTo("WITHDRAWN");
        assertThat(events(app, "WITHDRAWN")).isEqualTo(1);
        mvc.perform(get("/apply/applications/" + app).with(as(applicant)))
                .andExpect(content().string(containsString("Withdrawn")))
                .andExpect(content().string(containsString("I &lt;b&gt;moved&lt;/b&gt; abroad.")))
                .andExpect(content().string(not(containsString("/withdraw\""))));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'application.withdrawn'"
                                        + " AND subject_id = ?")
                                .param(app.toString())
                                .query(Long.class)
                                .single()
                        == 1);

        // Again: refused with a reason, nothing changes.
        mvc.perform(post("/api/v1/me/applications/" + app + "/withdraw")
                        .with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Cannot be withdrawn")))
                .andExpect(jsonPath("$.detail", containsString("already withdrawn")));
        assertThat(events(app, "WITHDRAWN")).isEqualTo(1);

        // The REST twin, without a reason.
        var other = fixture.application(org, cycle, applicant.personId(), "Wes Withdrawer", "wes2@example.test");
        mvc.perform(post("/api/v1/me/applications/" + other + "/withdraw").with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("WITHDRAWN")));
    }

    @Test
    void staffWithdrawOnTheApplicantsBehalfWithAReason() throws Exception {
        var org = fixture.organization("northfield");
        var cycle = fixture.cycle(org, 30, null);
        var officer = fixture.person(org, "Owen Officer", Role.ADMISSIONS_OFFICER);
        var app = fixture.application(org, cycle, null, "Sally Staffed", "sally@example.test");

        mvc.perform(get("/manage/admissions/applications/" + app + "/withdraw").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"withdraw-form\"")));
        // The reason is required: the form comes back with the field marked, nothing changes.
        mvc.perform(post("/manage/admissions/applications/" + app + "/withdraw")
                        .with(as(officer))
                        .with(csrf())
                        .param("reason", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        mvc.perform(post("/api/v1/applications/" + app + "/withdraw")
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("reason")));
        assertThat(statusOf(app)).isEqualTo("SUBMITTED");

        mvc.perform(post("/manage/admissions/applications/" + app + "/withdraw")
                        .with(as(officer))
                        .with(csrf())
                        .param("reason", "Phoned to say she enrolled elsewhere."))
                .andExpect(redirectedUrl("/manage/admissions/applications/" + app));
        assertThat(statusOf(app)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("SELECT detail FROM application_event WHERE application_id = ? AND kind = 'WITHDRAWN'")
                        .param(app)
                        .query(String.class)
                        .single())
                .contains("on the applicant's behalf")
                .contains("enrolled elsewhere");

        var api = fixture.application(org, cycle, null, "Andy Api", "andy@example.test", ApplicationStatus.DRAFT);
        mvc.perform(post("/api/v1/applications/" + api + "/withdraw")
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Duplicate entry.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("WITHDRAWN")));
    }

    @Test
    void applicationsOutOfPlayAreRefusedAndNothingChanges() throws Exception {
        var org = fixture.organization("northfield");
        var cycle = fixture.cycle(org, 30, null);
        var officer = fixture.person(org, "Rory Refuser", Role.ADMISSIONS_OFFICER);
        var applicant = fixture.person(org, "Dana Done", Role.APPLICANT);
        for (var s : new ApplicationStatus[] {
            ApplicationStatus.DENIED,
            ApplicationStatus.ACCEPTED,
            ApplicationStatus.DECLINED,
            ApplicationStatus.MATRICULATED,
            ApplicationStatus.ADMITTED
        }) {
            var app = fixture.application(
                    org, cycle, applicant.personId(), "Dana Done", s.name().toLowerCase() + "@done.test", s);
            mvc.perform(post("/api/v1/me/applications/" + app + "/withdraw").with(as(applicant)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.applicationStatus", is(s.name())))
                    .andExpect(jsonPath("$.detail", containsString(s.label().toLowerCase())));
            mvc.perform(post("/api/v1/applications/" + app + "/withdraw")
                            .with(as(officer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"Asked to.\"}"))
                    .andExpect(status().isConflict());
            assertThat(statusOf(app)).isEqualTo(s.name());
            assertThat(events(app, "WITHDRAWN")).isZero();
            mvc.perform(get("/apply/applications/" + app + "/withdraw").with(as(applicant)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"refusal\"")))
                    .andExpect(content().string(not(containsString("id=\"withdraw-form\""))));
        }
        var waitlisted = fixture.application(
                org, cycle, applicant.personId(), "Dana Done", "wait@done.test", ApplicationStatus.WAITLISTED);
        mvc.perform(post("/api/v1/me/applications/" + waitlisted + "/withdraw").with(as(applicant)))
                .andExpect(status().isOk());
    }

    @Test
    void anotherApplicantOrOrganizationFindsNothing() throws Exception {
        var org = fixture.organization("northfield");
        var cycle = fixture.cycle(org, 30, null);
        var owner = fixture.person(org, "Olive Owner", Role.APPLICANT);
        var stranger = fixture.person(org, "Sid Stranger", Role.APPLICANT);
        var app = fixture.application(org, cycle, owner.personId(), "Olive Owner", owner.email());
        var harbor = fixture.organization("harbor");
        var harborOfficer = fixture.person(harbor, "Hal Harbor", Role.ADMISSIONS_OFFICER);

        mvc.perform(get("/apply/applications/" + app + "/withdraw").with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/apply/applications/" + app + "/withdraw")
                        .with(as(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/me/applications/" + app + "/withdraw").with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/applications/" + app + "/withdraw")
                        .with(as(harborOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Not ours.\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/manage/admissions/applications/" + app + "/withdraw")
                        .with(as(harborOfficer))
                        .with(csrf())
                        .param("reason", "Not ours."))
                .andExpect(status().isNotFound());
        // An applicant cannot use the staff route.
        mvc.perform(post("/api/v1/applications/" + app + "/withdraw")
                        .with(as(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Me.\"}"))
                .andExpect(status().isForbidden());
        assertThat(statusOf(app)).isEqualTo("SUBMITTED");
    }

    @Test
    void committeeShowsWithdrawnAtOnceAndItsHeldDecisionIsNotReleased() throws Exception {
        var org = fixture.organization("northfield");
        var cycle = fixture.cycle(org, 30, null);
        var officer = fixture.person(org, "Cleo Committee", Role.ADMISSIONS_OFFICER);
        var held = decided(org, cycle, officer, "Hank Held", "hank@example.test");
        var kept = decided(org, cycle, officer, "Kim Kept", "kim@example.test");
        assertThat(statusOf(held)).isEqualTo("DECIDED");

        mvc.perform(post("/api/v1/applications/" + held + "/withdraw")
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Withdrew by letter.\"}"))
                .andExpect(status().isOk());

        var withdrawn = committee
                .page(
                        officer,
                        new Committee.Filter(cycle[0], null, ApplicationStatus.WITHDRAWN, null, null, null),
                        PageQuery.of(0, 20, null, Committee.SORTABLE, false))
                .items();
        assertThat(withdrawn).hasSize(1);
        assertThat(withdrawn.get(0).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(jdbc.sql("SELECT status FROM review_summary WHERE application_id = ?")
                        .param(held)
                        .query(String.class)
                        .single())
                .isEqualTo("WITHDRAWN");
        mvc.perform(get("/manage/admissions/committee")
                        .param("cycleId", cycle[0].toString())
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Withdrawn")));
        assertThat(decisions.held(org).stream()
                        .filter(h -> h.cycleId().equals(cycle[0]))
                        .findFirst()
                        .orElseThrow()
                        .total())
                .isEqualTo(1);

        var release = releases.schedule(org, cycle[0], null);
        assertThat(releases.run(release.id())).isEqualTo(1);
        assertThat(statusOf(held)).isEqualTo("WITHDRAWN");
        assertThat(statusOf(kept)).isEqualTo("ADMITTED");
        assertThat(decisions.find(org, held).orElseThrow().releasedAt()).isNull();
    }

    @Test
    void northfieldsDemoHasAWithdrawnADeclinedAndAConditionallyAdmittedApplication() {
        var org = fixture.organization("northfield");
        var byEmail = new HashMap<String, String>();
        jdbc.sql("SELECT applicant_email, status FROM application WHERE organization_id = ? AND applicant_email IN"
                        + " ('withdrawn@northfield.test', 'declined@northfield.test',"
                        + " 'connie.conditional@applicants.test')")
                .param(org)
                .query((rs, n) -> byEmail.put(rs.getString(1), rs.getString(2)))
                .list();
        assertThat(byEmail)
                .containsEntry("withdrawn@northfield.test", "WITHDRAWN")
                .containsEntry("declined@northfield.test", "DECLINED")
                .containsEntry("connie.conditional@applicants.test", "CONDITIONALLY_ADMITTED");
        var withdrawn = jdbc.sql("SELECT id FROM application WHERE applicant_email = 'withdrawn@northfield.test'")
                .query(UUID.class)
                .single();
        assertThat(events(withdrawn, "WITHDRAWN")).isEqualTo(1);
    }

    @Test
    void withdrawingAnApplicationInReviewTakesItsOpenReadOutOfTheReadersQueue() throws Exception {
        var org = fixture.organization("northfield");
        var cycle = fixture.cycle(org, 30, null);
        var officer = fixture.person(org, "Rita Reader", Role.ADMISSIONS_OFFICER);
        var app = fixture.application(org, cycle, null, "Ivan InReview", "ivan-" + UUID.randomUUID() + "@example.test");
        var read = reads.assign(org, app, officer.personId());
        assertThat(reads.queue(org, officer.personId())).anyMatch(r -> r.id().equals(read.id()) && r.open());

        mvc.perform(post("/api/v1/applications/" + app + "/withdraw")
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Enrolled elsewhere.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("WITHDRAWN")));

        assertThat(reads.find(org, read.id()).open()).isFalse();
        assertThat(reads.find(org, read.id()).status()).isEqualTo("CLOSED");
        assertThat(reads.readers(org).stream()
                        .filter(r -> r.id().equals(officer.personId()))
                        .findFirst()
                        .orElseThrow()
                        .openReads())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM application_event WHERE application_id = ? AND kind = 'READS_CLOSED'")
                        .param(app)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
