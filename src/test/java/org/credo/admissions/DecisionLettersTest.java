package org.credo.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.admissions.release.Releases;
import org.credo.admissions.review.Reads;
import org.credo.admissions.review.Rubrics;
import org.credo.platform.CredoUser;
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

/** The admissions office edits its decision emails, letters and reason codes. */
@CredoTest
class DecisionLettersTest {

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
    Decisions decisions;

    @Autowired
    Releases releases;

    static RequestPostProcessor as(CredoUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    UUID readApplication(UUID[] cycle, CredoUser reader, String name, String email) {
        var org = reader.organizationId();
        var app = fixture.application(org, cycle, null, name, email);
        var read = reads.assign(org, app, reader.personId());
        var scores = new HashMap<UUID, Integer>();
        for (var c : rubrics.orDefault(org, cycle[0])) {
            scores.put(c.id(), 4);
        }
        reads.submit(reader, read.id(), scores, Map.of(), "Solid.");
        return app;
    }

    void release(UUID org, UUID[] cycle) {
        var release = releases.schedule(org, cycle[0], Instant.now().plus(Duration.ofHours(1)));
        releases.releaseNow(org, release.id());
    }

    String letter(UUID app) {
        return jdbc.sql("SELECT letter_text FROM admission_decision WHERE application_id = ?")
                .param(app)
                .query(String.class)
                .single();
    }

    @Test
    void editedWordingIsPreviewedEscapedValidatedAndUsedByLaterReleasesOnly() throws Exception {
        var org = fixture.organization("northfield");
        var officer = fixture.person(org, "Letter Officer", Role.ADMISSIONS_OFFICER);
        var admin = fixture.demo(org, Role.ADMINISTRATOR);
        var harborOfficer = fixture.person(fixture.organization("harbor"), "Harbor Officer", Role.ADMISSIONS_OFFICER);
        var cycle = fixture.cycle(org, 30, null);
        var tag = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
        try {
            mvc.perform(get("/manage/admissions/letters")
                            .param("outcome", "WAITLIST")
                            .with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("{{respondBy}}")))
                    .andExpect(content().string(containsString("Reset to the default")))
                    .andExpect(content().string(containsString("Alex Sample")));

            // The preview fills in the sample applicant and escapes what staff typed.
            mvc.perform(post("/manage/admissions/letters/WAITLIST/preview")
                            .with(as(officer))
                            .with(csrf())
                            .param("subject", "News for {{name}}")
                            .param("emailBody", "See {{link}}")
                            .param("letterBody", "Dear {{name}}, <script>alert(1)</script>"))
                    .andExpect(status().isOk())
                    .andExpect(
                            content().string(containsString("Dear Alex Sample, &lt;script&gt;alert(1)&lt;/script&gt;")))
                    .andExpect(content().string(not(containsString("<script>alert(1)"))));

            // An unknown merge field is refused with the field marked and the input kept.
            mvc.perform(post("/manage/admissions/letters/WAITLIST")
                            .with(as(officer))
                            .with(csrf())
                            .param("subject", "Waitlist news " + tag)
                            .param("emailBody", "Hello {{nickname}}, see {{link}}")
                            .param("letterBody", "Dear {{name}}"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"emailBody-error\"")))
                    .andExpect(content().string(containsString("{{nickname}} is not a merge field")))
                    .andExpect(content().string(containsString("Hello {{nickname}}, see {{link}}")))
                    .andExpect(content().string(containsString("Waitlist news " + tag)));
            mvc.perform(put("/api/v1/admissions/letters/WAITLIST")
                            .with(as(officer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subject\":\"S\",\"emailBody\":\"{{link}}\",\"letterBody\":\"{{ gpa }}\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field", is("letterBody")));
            mvc.perform(put("/api/v1/admissions/letters/WAITLIST")
                            .with(as(officer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subject\":\" \",\"emailBody\":\"{{link}}\",\"letterBody\":\"x\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field", is("subject")));

            // A decision released before the change keeps its letter.
            var before = readApplication(cycle, officer, "Early Waiter", "early-" + tag + "@example.test");
            decisions.decide(org, before, Outcome.WAITLIST, "WL-CAPACITY", null, null);
            release(org, cycle);
            var beforeLetter = letter(before);
            assertThat(beforeLetter).doesNotContain(tag);

            mvc.perform(post("/manage/admissions/letters/WAITLIST")
                            .with(as(officer))
                            .with(csrf())
                            .param("subject", "Waitlist news " + tag + " for {{name}}")
                            .param("emailBody", "Dear {{name}}, read it: {{link}}")
                            .param("letterBody", "Dear {{name}},\n\nYou are number one on our list " + tag + "."))
                    .andExpect(redirectedUrl("/manage/admissions/letters?outcome=WAITLIST"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'admissions.letter.saved'"
                                            + " AND subject_id = ?")
                                    .param(org + ":WAITLIST")
                                    .query(Long.class)
                                    .single()
                            > 0);

            mvc.perform(get("/api/v1/admissions/letters").with(as(officer)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(
                            "$[?(@.outcome == 'WAITLIST')].subject",
                            hasItem("Waitlist news " + tag + " for {{name}}")));
            // Another organization's wording is its own.
            mvc.perform(get("/api/v1/admissions/letters").with(as(harborOfficer)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(tag))));

            var after = readApplication(cycle, officer, "Later Waiter", "later-" + tag + "@example.test");
            decisions.decide(org, after, Outcome.WAITLIST, "WL-CAPACITY", null, null);
            release(org, cycle);
            assertThat(letter(after))
                    .contains("You are number one on our list " + tag + ".")
                    .contains("Later Waiter");
            assertThat(jdbc.sql("SELECT subject FROM email_outbox WHERE dedup_key = ?")
                            .param("admissions-decision:" + after)
                            .query(String.class)
                            .single())
                    .isEqualTo("Waitlist news " + tag + " for Later Waiter");
            assertThat(letter(before)).isEqualTo(beforeLetter);
        } finally {
            mvc.perform(post("/manage/admissions/letters/WAITLIST/reset")
                            .with(as(officer))
                            .with(csrf()))
                    .andExpect(redirectedUrl("/manage/admissions/letters?outcome=WAITLIST"));
        }
        mvc.perform(get("/manage/admissions/letters")
                        .param("outcome", "WAITLIST")
                        .with(as(officer)))
                .andExpect(content().string(containsString("wording; saving makes it yours")));
    }

    @Test
    void reasonCodesAreAddedRenamedAndDeactivatedNeverOfferedOnceDeactivated() throws Exception {
        var org = fixture.organization("northfield");
        var officer = fixture.person(org, "Reason Officer", Role.ADMISSIONS_OFFICER);
        var harborOfficer = fixture.person(fixture.organization("harbor"), "Harbor Reasons", Role.ADMISSIONS_OFFICER);
        var cycle = fixture.cycle(org, 30, null);
        var code = "WL-T" + ThreadLocalRandom.current().nextInt(100000, 999999);

        mvc.perform(post("/manage/admissions/reasons")
                        .with(as(officer))
                        .with(csrf())
                        .param("outcome", "WAITLIST")
                        .param("code", code.toLowerCase())
                        .param("label", "Strong, but <late>"))
                .andExpect(redirectedUrl("/manage/admissions/reasons"));
        mvc.perform(post("/manage/admissions/reasons")
                        .with(as(officer))
                        .with(csrf())
                        .param("outcome", "WAITLIST")
                        .param("code", code)
                        .param("label", "Again"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already a reason code")))
                .andExpect(content().string(containsString("value=\"Again\"")));
        mvc.perform(get("/manage/admissions/reasons").with(as(officer)))
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("Strong, but &lt;late&gt;")));
        var reason = decisions.allReasons(org).stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow();

        mvc.perform(put("/api/v1/admissions/decisions/reasons/" + reason.id())
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"Applied late; strong file\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label", is("Applied late; strong file")))
                .andExpect(jsonPath("$.active", is(true)));
        // Another organization cannot see or change it.
        mvc.perform(put("/api/v1/admissions/decisions/reasons/" + reason.id())
                        .with(as(harborOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admissions/decisions/reasons")
                        .param("all", "true")
                        .with(as(harborOfficer)))
                .andExpect(content().string(not(containsString(code))));

        var used = readApplication(cycle, officer, "Used Reason", "used-" + code + "@example.test");
        decisions.decide(org, used, Outcome.WAITLIST, code, null, null);

        mvc.perform(post("/manage/admissions/reasons/" + reason.id() + "/active")
                        .with(as(officer))
                        .with(csrf())
                        .param("active", "false"))
                .andExpect(redirectedUrl("/manage/admissions/reasons"));
        mvc.perform(get("/api/v1/admissions/decisions/reasons").with(as(officer)))
                .andExpect(content().string(not(containsString(code))));
        mvc.perform(get("/api/v1/admissions/decisions/reasons")
                        .param("all", "true")
                        .with(as(officer)))
                .andExpect(content().string(containsString(code)));
        var next = readApplication(cycle, officer, "Next Applicant", "next-" + code + "@example.test");
        mvc.perform(get("/manage/admissions/decisions/" + next).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(code))));
        assertThatThrownBy(() -> decisions.decide(org, next, Outcome.WAITLIST, code, null, null))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("reasonCode");
        // The decision that used it keeps it.
        assertThat(decisions.find(org, used).orElseThrow().reasonCode()).isEqualTo(code);

        // The last active code of an outcome stays.
        var capacity = decisions.reasons(org).stream()
                .filter(r -> r.outcome() == Outcome.WAITLIST)
                .toList();
        assertThat(capacity).hasSize(1);
        mvc.perform(put("/api/v1/admissions/decisions/reasons/"
                                + capacity.get(0).id())
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyTheAdmissionsOfficeAndTheAdministratorEditLettersAndReasons() throws Exception {
        var org = fixture.organization("northfield");
        var registrar = fixture.person(org, "Letter Registrar", Role.REGISTRAR);
        var applicant = fixture.person(org, "Letter Applicant", Role.APPLICANT);
        var admin = fixture.demo(org, Role.ADMINISTRATOR);
        for (var user : new CredoUser[] {registrar, applicant}) {
            mvc.perform(get("/manage/admissions/letters").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/manage/admissions/reasons").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/admissions/letters").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/admissions/letters/ADMIT")
                            .with(as(user))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subject\":\"x\",\"emailBody\":\"{{link}}\",\"letterBody\":\"x\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/admissions/decisions/reasons").with(as(user)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/manage/admissions/reasons").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("WL-CAPACITY")));
        mvc.perform(get("/api/v1/admissions/decisions/reasons").with(as(admin))).andExpect(status().isOk());
    }
}
