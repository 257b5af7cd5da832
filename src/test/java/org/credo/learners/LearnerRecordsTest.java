package org.credo.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.learners.record.LearnerNumbers;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Learner records and holds through the web pages, the REST API and the facades, on the demo data. */
@CredoTest
class LearnerRecordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    LearnerRecords records;

    @Autowired
    LearnerContacts contacts;

    @Autowired
    LearnerNumbers numbers;

    @Autowired
    HoldTypes holdTypes;

    @Autowired
    LearnerHolds learnerHolds;

    @Autowired
    Holds holds;

    @Autowired
    Learners learners;

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("learners " + role, null, 1))
                        .token();
    }

    UUID organization(String slug) {
        return jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(slug)
                .query(UUID.class)
                .single();
    }

    UUID createByApi(String auth, String given, String family) throws Exception {
        var body = mvc.perform(post("/api/v1/learners")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalGivenName\":\"" + given + "\",\"legalFamilyName\":\"" + family
                                + "\",\"email\":\"" + given.toLowerCase() + "@example.test\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.learner.status", is("PROSPECT")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(json.readTree(body).get("learner").get("id").asString());
    }

    @Test
    void learnerNumbersFollowTheFormatAndAreNeverGivenAgainAfterADelete() throws Exception {
        var auth = token(Role.REGISTRAR);
        var first = createByApi(auth, "Nora", "Numbers");
        var org = organization("northfield");
        var number = records.find(org, first).number();
        assertThat(number).matches("NF\\d{6}");

        mvc.perform(delete("/api/v1/learners/" + first)
                        .param("reason", "Entered twice")
                        .header("Authorization", auth))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/learners/" + first).header("Authorization", auth))
                .andExpect(status().isNotFound());

        // Even if the counter were set back (a restored backup, a mistaken format change), the number is skipped.
        var sequence = Long.parseLong(number.substring(2));
        jdbc.sql("UPDATE learner_settings SET next_number = ? WHERE organization_id = ?")
                .params(sequence, org)
                .update();
        var second = createByApi(auth, "Otto", "Numbers");
        var again = records.find(org, second).number();
        assertThat(again).isNotEqualTo(number).matches("NF\\d{6}");
        assertThat(jdbc.sql("SELECT count(*) FROM learner WHERE organization_id = ? AND learner_number = ?")
                        .params(org, again)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aNationalIdIsShownMaskedAndNeverInFullInHtmlOrJson() throws Exception {
        var auth = token(Role.REGISTRAR);
        var id = createByApi(auth, "Nadia", "Masked");
        mvc.perform(post("/api/v1/learners/" + id + "/identifiers")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NATIONAL\",\"issuer\":\"United States\",\"value\":\"987-65-4321\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.shown", is("***-**-4321")))
                .andExpect(content().string(not(containsString("987-65"))));
        mvc.perform(get("/api/v1/learners/" + id).header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("***-**-4321")))
                .andExpect(content().string(not(containsString("987-65-4321"))))
                .andExpect(content().string(not(containsString("987654321"))));
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/learners/" + id).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("***-**-4321")))
                .andExpect(content().string(not(containsString("987-65-4321"))));
        // Stored sealed, not in the clear.
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM learner_identifier WHERE sealed_value LIKE '%4321%' OR identifier_value LIKE"
                                        + " '%987-65%'")
                        .query(Long.class)
                        .single())
                .isZero();
        // The demo learner sees theirs masked too.
        var learner = WebSessions.signIn(mvc, Role.LEARNER);
        mvc.perform(get("/me/record").cookie(learner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("***-**-6789")))
                .andExpect(content().string(not(containsString("123-45-6789"))));
    }

    @Test
    void onlyAllowedStatusChangesAreRecordedWithWhoAndWhy() throws Exception {
        var auth = token(Role.ADMISSIONS_OFFICER);
        var id = createByApi(auth, "Stella", "Status");
        mvc.perform(post("/api/v1/learners/" + id + "/status")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"GRADUATED\",\"reason\":\"Skipping ahead\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", is("Status change not allowed")))
                .andExpect(jsonPath("$.detail", containsString("Applicant")));
        mvc.perform(post("/api/v1/learners/" + id + "/status")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"APPLICANT\",\"reason\":\"Started an application\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.learner.status", is("APPLICANT")))
                .andExpect(jsonPath("$.history[0].to", is("APPLICANT")))
                .andExpect(jsonPath("$.history[0].from", is("PROSPECT")))
                .andExpect(jsonPath("$.history[0].reason", is("Started an application")))
                .andExpect(jsonPath("$.history[0].changedBy", is("Adam Admissions")));
        assertThat(records.history(organization("northfield"), id)).hasSize(2);
    }

    @Test
    void aRecordOfAnotherOrganizationIsNotFound() throws Exception {
        var harbor = organization("harbor");
        var elsewhere = records.create(
                harbor,
                new LearnerDetails("Hugo", "Harborside", null, null, null, null, null, false),
                LearnerStatus.ACTIVE,
                null);
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/learners/" + elsewhere.id()).cookie(session)).andExpect(status().isNotFound());
        var auth = token(Role.REGISTRAR);
        mvc.perform(get("/api/v1/learners/" + elsewhere.id()).header("Authorization", auth))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/learners/" + elsewhere.id() + "/status")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"ON_LEAVE\",\"reason\":\"Reaching across\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/learners").param("q", "Harborside").header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems", is(0)));
        assertThat(records.find(harbor, elsewhere.id()).status()).isEqualTo(LearnerStatus.ACTIVE);
    }

    @Test
    void aHoldBlocksWhatItsTypeSaysUntilItsOfficeReleasesIt() throws Exception {
        var org = organization("northfield");
        var type = holdTypes.save(
                org,
                null,
                "Parking fines " + UUID.randomUUID(),
                EnumSet.of(HoldAction.TRANSCRIPT, HoldAction.CREDENTIAL_RELEASE),
                Role.REGISTRAR,
                "Pay the parking office.",
                true);
        var learner = createByApi(token(Role.REGISTRAR), "Hal", "Holder");
        // Another office may not place the registrar's holds.
        mvc.perform(post("/api/v1/holds")
                        .header("Authorization", token(Role.BURSAR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"learnerId\":\"" + learner + "\",\"holdTypeId\":\"" + type.id()
                                + "\",\"reason\":\"Two tickets\"}"))
                .andExpect(status().isForbidden());
        assertThat(holds.blocks(org, learner, HoldAction.TRANSCRIPT)).isFalse();

        var placed = mvc.perform(post("/api/v1/holds")
                        .header("Authorization", token(Role.REGISTRAR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"learnerId\":\"" + learner + "\",\"holdTypeId\":\"" + type.id()
                                + "\",\"reason\":\"Two tickets\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var holdId = json.readTree(placed).get("id").asString();
        assertThat(holds.blocks(org, learner, HoldAction.TRANSCRIPT)).isTrue();
        assertThat(holds.blocks(org, learner, HoldAction.CREDENTIAL_RELEASE)).isTrue();
        assertThat(holds.blocks(org, learner, HoldAction.REGISTRATION)).isFalse();
        assertThat(holds.blocking(org, learner, HoldAction.TRANSCRIPT))
                .extracting(Holds.ActiveHold::instructions)
                .containsExactly("Pay the parking office.");
        assertThat(holds.blocks(organization("harbor"), learner, HoldAction.TRANSCRIPT))
                .isFalse();

        mvc.perform(post("/api/v1/holds/" + holdId + "/release")
                        .header("Authorization", token(Role.REGISTRAR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/holds/" + holdId + "/release")
                        .header("Authorization", token(Role.REGISTRAR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Paid\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.releaseReason", is("Paid")));
        assertThat(holds.blocks(org, learner, HoldAction.TRANSCRIPT)).isFalse();
        await().atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?")
                                .param(learner.toString())
                                .query(String.class)
                                .list())
                        .contains("learner.created", "hold.placed", "hold.released"));
        assertThat(jdbc.sql("SELECT subject_name FROM audit_entry WHERE subject_id = ? AND action = 'hold.placed'")
                        .param(learner.toString())
                        .query(String.class)
                        .single())
                .startsWith("Hal Holder · NF");
    }

    @Test
    void theDemoLearnerSeesTheirHoldWithWhatToDo() throws Exception {
        var session = WebSessions.signIn(mvc, Role.LEARNER);
        mvc.perform(get("/me/record").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Library fines")))
                .andExpect(content().string(containsString("Return the overdue books")));
        mvc.perform(get("/api/v1/me/record").header("Authorization", token(Role.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holds[*].type", hasItem("Library fines")));
    }

    @Test
    void aLearnerEditsOnlyWhatTheOrganizationAllows() throws Exception {
        var org = organization("northfield");
        var auth = token(Role.LEARNER);
        mvc.perform(patch("/api/v1/me/record")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preferredName\":\"Lee\",\"pronouns\":\"they/them\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.learner.preferredName", is("Lee")))
                .andExpect(jsonPath("$.learner.pronouns", is("they/them")));
        var before = numbers.settings(org);
        try {
            numbers.change(org, before.prefix(), before.digits(), EnumSet.of(LearnerNumbers.SelfEdit.PHONE));
            mvc.perform(patch("/api/v1/me/record")
                            .header("Authorization", auth)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"preferredName\":\"Leonardo\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            Cookie session = WebSessions.signIn(mvc, Role.LEARNER);
            mvc.perform(post("/me/record/contacts")
                            .cookie(session)
                            .with(csrf())
                            .param("kind", "ADDRESS")
                            .param("type", "HOME")
                            .param("value", "1 Sneaky Lane, Northfield"))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(post("/me/record/contacts")
                            .cookie(session)
                            .with(csrf())
                            .param("kind", "EMAIL")
                            .param("type", "HOME")
                            .param("value", "me@example.test"))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(post("/me/record/contacts")
                            .cookie(session)
                            .with(csrf())
                            .param("kind", "PHONE")
                            .param("type", "MOBILE")
                            .param("value", "+1 312 555 0199"))
                    .andExpect(status().is3xxRedirection());
            var leo = records.ofPerson(
                            org,
                            accounts.loadUserByUsername(DemoData.email(Role.LEARNER))
                                    .personId())
                    .orElseThrow();
            var values = contacts.contacts(org, leo.id()).stream()
                    .map(c -> c.value())
                    .toList();
            assertThat(values)
                    .contains("+1 312 555 0199")
                    .doesNotContain("1 Sneaky Lane, Northfield", "me@example.test");
            assertThat(leo.preferredName()).isEqualTo("Lee");
            // Staff pages stay closed to the learner.
            mvc.perform(get("/manage/learners").cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/learners/" + leo.id()).header("Authorization", auth))
                    .andExpect(status().isForbidden());
        } finally {
            numbers.change(org, before.prefix(), before.digits(), before.selfEdit());
        }
    }

    @Test
    void badInputGetsProblemDetailsAndTheFormKeepsWhatWasTyped() throws Exception {
        var auth = token(Role.REGISTRAR);
        mvc.perform(post("/api/v1/learners")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalGivenName\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("legalFamilyName")));
        mvc.perform(post("/api/v1/learners")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalGivenName\":\"Ada\",\"legalFamilyName\":\"L\",\"programId\":\""
                                + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("programId")));
        mvc.perform(get("/api/v1/learners").param("sort", "salary,desc").header("Authorization", auth))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title", is("Invalid sort")));
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(post("/manage/learners")
                        .cookie(session)
                        .with(csrf())
                        .param("legalGivenName", "Ada")
                        .param("legalFamilyName", "")
                        .param("email", "not-an-email")
                        .param("status", "PROSPECT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Ada\"")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("give the legal family name")));
    }

    @Test
    void aRefusedSubformOnTheRecordKeepsWhatWasTypedMarksTheFieldAndStoresNothing() throws Exception {
        var org = organization("northfield");
        var id = createByApi(token(Role.REGISTRAR), "Sybil", "Subform");
        var before = contacts.contacts(org, id).size();
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(post("/manage/learners/" + id + "/contacts")
                        .cookie(session)
                        .with(csrf())
                        .param("kind", "ADDRESS")
                        .param("type", "WORK")
                        .param("value", "")
                        .param("validFrom", "2026-05-01")
                        .param("validTo", "2026-04-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The contact was not added")))
                .andExpect(content().string(containsString("href=\"#contact-validTo\"")))
                .andExpect(content().string(containsString("value=\"2026-05-01\"")))
                .andExpect(content().string(containsString("value=\"2026-04-01\"")))
                .andExpect(content().string(containsString("<option value=\"ADDRESS\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"WORK\" selected=\"selected\">")))
                .andExpect(content().string(containsString("id=\"contact-value-error\"")))
                .andExpect(content().string(containsString("give the full address")))
                .andExpect(content().string(containsString("id=\"contact-validTo-error\"")))
                .andExpect(content().string(containsString("the end of validity must be on or after its start")))
                .andExpect(content().string(containsString("aria-describedby=\"contact-validTo-error\"")))
                // The other subforms are not marked.
                .andExpect(content().string(not(containsString("identifier-value-error"))));
        assertThat(contacts.contacts(org, id)).hasSize(before);

        mvc.perform(post("/manage/learners/" + id + "/identifiers")
                        .cookie(session)
                        .with(csrf())
                        .param("kind", "EXTERNAL")
                        .param("issuer", "Lakeside <b>College</b>")
                        .param("value", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lakeside &lt;b&gt;College&lt;/b&gt;")))
                .andExpect(content().string(containsString("id=\"identifier-value-error\"")));
        assertThat(contacts.identifiers(org, id)).isEmpty();

        mvc.perform(post("/manage/learners/" + id + "/status")
                        .cookie(session)
                        .with(csrf())
                        .param("status", "APPLICANT")
                        .param("effectiveOn", "2026-09-01")
                        .param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-09-01\"")))
                .andExpect(content().string(containsString("id=\"status-reason-error\"")));
        assertThat(records.history(org, id)).hasSize(1);

        var type = holdTypes.all(org).stream()
                .filter(t -> t.active() && t.office() == Role.REGISTRAR)
                .findFirst()
                .orElseThrow();
        mvc.perform(post("/manage/holds")
                        .cookie(session)
                        .with(csrf())
                        .param("learnerNumber", records.find(org, id).number())
                        .param("holdTypeId", type.id().toString())
                        .param("reason", "")
                        .param("returnTo", id.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sybil Subform")))
                .andExpect(content().string(containsString("id=\"hold-reason-error\"")));
        mvc.perform(post("/manage/holds")
                        .cookie(session)
                        .with(csrf())
                        .param("learnerNumber", "NOPE-42")
                        .param("holdTypeId", type.id().toString())
                        .param("reason", "Typed reason"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"NOPE-42\"")))
                .andExpect(content().string(containsString("value=\"Typed reason\"")))
                .andExpect(content().string(containsString("id=\"hold-learnerNumber-error\"")));
        assertThat(learnerHolds.of(org, id)).isEmpty();
    }

    @Test
    void theLearnersOwnSubformsMarkTheBadFieldAndKeepWhatWasTyped() throws Exception {
        var org = organization("northfield");
        var before = numbers.settings(org);
        try {
            numbers.change(
                    org,
                    before.prefix(),
                    before.digits(),
                    EnumSet.of(
                            LearnerNumbers.SelfEdit.PHONE,
                            LearnerNumbers.SelfEdit.ADDRESS,
                            LearnerNumbers.SelfEdit.PRONOUNS));
            var leo = records.ofPerson(
                            org,
                            accounts.loadUserByUsername(DemoData.email(Role.LEARNER))
                                    .personId())
                    .orElseThrow();
            var count = contacts.contacts(org, leo.id()).size();
            Cookie session = WebSessions.signIn(mvc, Role.LEARNER);
            mvc.perform(post("/me/record/contacts")
                            .cookie(session)
                            .with(csrf())
                            .param("kind", "PHONE")
                            .param("type", "MOBILE")
                            .param("value", "call me maybe"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("value=\"call me maybe\"")))
                    .andExpect(content().string(containsString("id=\"value-error\"")))
                    .andExpect(content().string(containsString("give a phone number of digits")));
            assertThat(contacts.contacts(org, leo.id())).hasSize(count);
            mvc.perform(post("/me/record").cookie(session).with(csrf()).param("pronouns", "x".repeat(41)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("value=\"" + "x".repeat(41) + "\"")))
                    .andExpect(content().string(containsString("id=\"pronouns-error\"")));
            assertThat(records.find(org, leo.id()).pronouns()).isEqualTo(leo.pronouns());
        } finally {
            numbers.change(org, before.prefix(), before.digits(), before.selfEdit());
        }
    }

    @Test
    void staffFindLearnersByNameNumberOrEmailAndTheDirectoryLeavesOutOptOuts() throws Exception {
        var session = WebSessions.signIn(mvc, Role.ADVISOR);
        mvc.perform(get("/manage/learners").param("q", "maya.okafor@example").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Maya Okafor")));
        mvc.perform(get("/manage/learners")
                        .param("status", "ACTIVE")
                        .header("HX-Request", "true")
                        .cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Leo")))
                .andExpect(content().string(not(containsString("<html"))));
        var auth = token(Role.ADVISOR);
        mvc.perform(get("/api/v1/learners")
                        .param("status", "PROSPECT")
                        .param("size", "1")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size", is(1)))
                .andExpect(jsonPath("$.sort", is("name,asc")))
                .andExpect(jsonPath("$.items[0].status", is("PROSPECT")));
        mvc.perform(get("/manage/learners/directory.csv").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Maya Okafor")))
                .andExpect(content().string(not(containsString("Takahashi"))));
        assertThat(learners.find(organization("northfield"), UUID.randomUUID())).isEmpty();
        // An advisor reads but does not change.
        mvc.perform(get("/manage/learners/new").cookie(session)).andExpect(status().isForbidden());
    }

    @Test
    void theOfficesDefineHoldTypesPlaceHoldsAndSetTheNumberFormatThroughThePages() throws Exception {
        var org = organization("northfield");
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var name = "Lab safety " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/manage/holds/types")
                        .cookie(registrar)
                        .with(csrf())
                        .param("name", name)
                        .param("blocks", "REGISTRATION")
                        .param("office", "REGISTRAR")
                        .param("instructions", "Take the lab safety course.")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        var type = holdTypes.all(org).stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(type.blocks()).containsExactly(HoldAction.REGISTRATION);
        mvc.perform(get("/manage/holds/types").cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));

        var learner = createByApi(token(Role.REGISTRAR), "Paula", "Pages");
        var number = records.find(org, learner).number();
        mvc.perform(post("/manage/holds")
                        .cookie(registrar)
                        .with(csrf())
                        .param("learnerNumber", number)
                        .param("holdTypeId", type.id().toString())
                        .param("reason", "Course not taken")
                        .param("returnTo", learner.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(holds.blocks(org, learner, HoldAction.REGISTRATION)).isTrue();
        mvc.perform(get("/manage/learners/" + learner).cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Course not taken")))
                .andExpect(content().string(containsString("Release")));
        mvc.perform(get("/manage/learners/" + learner + "/edit").cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Paula\"")));
        mvc.perform(get("/manage/holds").cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Paula Pages")));
        // The bursar sees the holds page without links into records it may not read.
        var bursar = WebSessions.signIn(mvc, Role.BURSAR);
        mvc.perform(get("/manage/holds").cookie(bursar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Unpaid balance")))
                .andExpect(content().string(not(containsString("/manage/learners/" + learner))));

        mvc.perform(get("/manage/learners/settings").cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NF")));
        var before = numbers.settings(org);
        try {
            mvc.perform(post("/manage/learners/settings")
                            .cookie(registrar)
                            .with(csrf())
                            .param("prefix", "NC-")
                            .param("digits", "8")
                            .param("selfEdit", "PHONE"))
                    .andExpect(status().is3xxRedirection());
            var created = createByApi(token(Role.REGISTRAR), "Fiona", "Format");
            assertThat(records.find(org, created).number()).matches("NC-\\d{8}");
        } finally {
            numbers.change(org, before.prefix(), before.digits(), before.selfEdit());
        }
        for (var role : new Role[] {Role.REGISTRAR, Role.ADMISSIONS_OFFICER, Role.ADVISOR, Role.BURSAR, Role.LEARNER}) {
            mvc.perform(get("/").cookie(WebSessions.signIn(mvc, role))).andExpect(status().isOk());
        }
    }
}
