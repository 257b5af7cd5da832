package org.credo.learners.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.intake.Inquiries;
import org.credo.learners.DuplicateRule;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.learners.Learners.Candidate;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Identifier;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Duplicate detection (each rule and its near misses), flagging on create, merge and undo, inquiries as prospects. */
@CredoTest
class DuplicatesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Learners learners;

    @Autowired
    LearnerRecords records;

    @Autowired
    LearnerContacts contacts;

    @Autowired
    LearnerHolds holds;

    @Autowired
    HoldTypes holdTypes;

    @Autowired
    Merges merges;

    @Autowired
    InquiryProspects prospects;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    UUID organization(String slug) {
        return jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(slug)
                .query(UUID.class)
                .single();
    }

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("duplicates " + role, null, 1))
                        .token();
    }

    /** A unique word, so that records of one test never match those of another. */
    static String word() {
        var s = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        return Character.toUpperCase(s.charAt(0)) + (s + "abcdefgh").substring(1, 8);
    }

    /** A phone number of nine digits no other test uses. */
    static String phone() {
        return "+1 " + (100_000_000 + (long) (Math.random() * 800_000_000));
    }

    Learner person(UUID org, String given, String family, @Nullable LocalDate born, @Nullable String email) {
        return contacts.create(
                org,
                new LearnerDetails(given, family, null, born, null, null, null, false),
                LearnerStatus.PROSPECT,
                null,
                email);
    }

    List<Learners.PossibleDuplicate> check(
            UUID org, String given, String family, @Nullable LocalDate born, List<String> emails, List<String> phones) {
        return learners.possibleDuplicates(org, new Candidate(given, family, born, emails, phones));
    }

    @Test
    void sameEmailMatchesWhateverTheCaseAndOnAnyEmailOfTheRecord() {
        var org = organization("northfield");
        var w = word();
        var ada = person(org, "Ada", w, null, "ada." + w + "@example.org");
        contacts.add(org, ada.id(), Contact.Kind.EMAIL, "WORK", "A.Work." + w + "@Example.ORG", null, null);

        var matches = check(
                org, "Someone", "Else", null, List.of("  a.work." + w.toLowerCase() + "@example.org "), List.of());
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.learnerId()).isEqualTo(ada.id());
            assertThat(m.rule()).isEqualTo(DuplicateRule.SAME_EMAIL);
            assertThat(m.score()).isEqualTo(95);
        });
        // Near misses: another domain, another organization.
        assertThat(check(org, "Ada", "Other", null, List.of("ada." + w + "@example.com"), List.of()))
                .isEmpty();
        assertThat(check(organization("harbor"), "Ada", w, null, List.of("ada." + w + "@example.org"), List.of()))
                .isEmpty();
    }

    @Test
    void sameLegalNameAndBirthDateMatchThroughAccentsCaseAndSpaces() {
        var org = organization("northfield");
        var w = word();
        var born = LocalDate.of(1994, 3, 17);
        var zoe = person(org, "Zoë Anne", "O'Brien-" + w, born, null);

        var matches = check(org, " zoe  anne ", "OBRIEN " + w.toUpperCase(), born, List.of(), List.of());
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.learnerId()).isEqualTo(zoe.id());
            assertThat(m.rule()).isEqualTo(DuplicateRule.SAME_NAME_AND_BIRTH_DATE);
        });
        // Near misses: a day apart; a sibling born the same day; no birth date at all.
        assertThat(check(org, "Zoë Anne", "O'Brien-" + w, born.plusDays(1), List.of(), List.of()))
                .isEmpty();
        assertThat(check(org, "Zack", "O'Brien-" + w, born, List.of(), List.of()))
                .isEmpty();
        assertThat(check(org, "Zoë Anne", "O'Brien-" + w, null, List.of(), List.of()))
                .isEmpty();
    }

    @Test
    void similarNameWithTheSamePhoneMatchesButAFamilyMemberOnTheSamePhoneDoesNot() {
        var org = organization("northfield");
        var w = word();
        var number = phone();
        var katherine = person(org, "Katherine", "Johnson" + w, null, null);
        contacts.add(org, katherine.id(), Contact.Kind.PHONE, "MOBILE", number, null, null);
        var digits = number.replaceAll("[^0-9]", "");
        var typedOtherwise = "(" + digits.substring(1, 4) + ") " + digits.substring(4, 7) + "-" + digits.substring(7);

        var matches = check(org, "Katharine", "Jonson" + w, null, List.of(), List.of(typedOtherwise));
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.learnerId()).isEqualTo(katherine.id());
            assertThat(m.rule()).isEqualTo(DuplicateRule.SIMILAR_NAME_AND_PHONE);
            assertThat(m.score()).isBetween(60, 70);
        });
        // Names typed family first still match.
        assertThat(check(org, "Johnson" + w, "Katherine", null, List.of(), List.of(number)))
                .hasSize(1);
        // Near misses: a brother on the same home phone; the same name on another phone; too few digits to tell.
        assertThat(check(org, "Peter", "Johnson" + w, null, List.of(), List.of(number)))
                .isEmpty();
        assertThat(check(org, "Katherine", "Johnson" + w, null, List.of(), List.of(phone())))
                .isEmpty();
        assertThat(check(org, "Katherine", "Johnson" + w, null, List.of(), List.of(digits.substring(3))))
                .isEmpty();
    }

    @Test
    void nameKeysAreNormalized() {
        assertThat(MatchKeys.name("  Zoë  O'Brien-Smith ")).isEqualTo("zoe obrien smith");
        assertThat(MatchKeys.name("Łukasz Søren Straße")).isEqualTo("lukasz soren strasse");
        assertThat(MatchKeys.phone("+44 (0)20 7946 0958")).isEqualTo("079460958");
        assertThat(MatchKeys.phone("555-0100")).isNull();
        assertThat(MatchKeys.email("not an address")).isNull();
        assertThat(InquiryProspects.split("Ada Lovelace")).containsExactly("Ada", "Lovelace");
        assertThat(InquiryProspects.split("  Mary Ann  van der Berg ")).containsExactly("Mary Ann", "van der Berg");
        assertThat(InquiryProspects.split("Lovelace, Ada")).containsExactly("Ada", "Lovelace");
        assertThat(InquiryProspects.split("Madonna")).containsExactly("Madonna", "Madonna");
    }

    @Test
    void theApiRefusesALikelyDuplicateWith409UnlessAllowedAndThePairIsListed() throws Exception {
        var org = organization("northfield");
        var w = word();
        var first = person(org, "Dana", w, LocalDate.of(1990, 1, 2), "dana." + w + "@example.org");
        var auth = token(Role.REGISTRAR);
        var body = "{\"legalGivenName\":\"Dana\",\"legalFamilyName\":\"" + w
                + "\",\"dateOfBirth\":\"1990-01-02\",\"email\":\"DANA." + w + "@example.org\"}";
        mvc.perform(post("/api/v1/learners")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", is("Possible duplicate")))
                .andExpect(jsonPath("$.detail", containsString("allowDuplicate=true")))
                .andExpect(jsonPath("$.matches[0].learnerId", is(first.id().toString())))
                .andExpect(jsonPath("$.matches[0].rule", is("SAME_EMAIL")));
        mvc.perform(post("/api/v1/learners")
                        .param("allowDuplicate", "true")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/learners/duplicates")
                        .param("size", "200")
                        .param("sort", "found,desc")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page", is(0)))
                .andExpect(content().string(containsString("\"number\":\"" + first.number() + "\"")));
        mvc.perform(get("/api/v1/learners/duplicates").header("Authorization", token(Role.ADVISOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFormShowsMatchesAndCreatesAnywayWhenConfirmed() throws Exception {
        var org = organization("northfield");
        var w = word();
        var first = person(org, "Eli", w, null, "eli." + w + "@example.org");
        var session = WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER);
        mvc.perform(post("/manage/learners")
                        .with(csrf())
                        .cookie(session)
                        .param("legalGivenName", "Elias")
                        .param("legalFamilyName", w)
                        .param("email", "eli." + w + "@example.org")
                        .param("status", "PROSPECT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This person may have a record already")))
                .andExpect(content().string(containsString(first.number())))
                .andExpect(content().string(containsString("value=\"Elias\"")));
        mvc.perform(post("/manage/learners")
                        .with(csrf())
                        .cookie(session)
                        .param("legalGivenName", "Elias")
                        .param("legalFamilyName", w)
                        .param("email", "eli." + w + "@example.org")
                        .param("status", "PROSPECT")
                        .param("allowDuplicate", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM learner WHERE legal_family_name = ?")
                        .param(w)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(get("/manage/learners/duplicates").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Elias " + w)));
    }

    @Test
    void aMergeMovesEverythingToTheSurvivorAndUndoRestoresBothExactly() throws Exception {
        var org = organization("northfield");
        var w = word();
        var keep = person(org, "Grace", w, null, "grace." + w + "@example.org");
        var retire = person(org, "Gracie", w, LocalDate.of(1985, 12, 9), "g." + w + "@example.net");
        contacts.add(org, retire.id(), Contact.Kind.PHONE, "HOME", phone(), null, null);
        contacts.addIdentifier(org, retire.id(), Identifier.Kind.EXTERNAL, "Lakeside Community College", "LCC-" + w);
        records.changeStatus(org, retire.id(), LearnerStatus.APPLICANT, null, "Started an application");
        var registrar = accounts.loadUserByUsername(DemoData.email(Role.REGISTRAR));
        var type = holdTypes.all(org).stream()
                .filter(t -> t.active() && registrar.hasRole(t.office()))
                .findFirst()
                .orElseThrow();
        holds.place(registrar, retire.id(), type.id(), "Library books overdue.");
        var keepBefore = state(org, keep.id());
        var retireBefore = state(org, retire.id());

        var merge = merges.merge(
                org, keep.id(), retire.id(), Map.of("dateOfBirth", Merges.MERGED, "status", Merges.MERGED));

        var kept = records.find(org, keep.id());
        assertThat(kept.dateOfBirth()).isEqualTo(LocalDate.of(1985, 12, 9));
        assertThat(kept.status()).isEqualTo(LearnerStatus.APPLICANT);
        assertThat(kept.legalGivenName()).isEqualTo("Grace");
        assertThat(contacts.contacts(org, keep.id())).hasSize(3);
        assertThat(contacts.identifiers(org, keep.id())).hasSize(1);
        assertThat(holds.of(org, keep.id())).hasSize(1);
        assertThat(records.history(org, keep.id())).hasSize(3);
        assertThat(contacts.contacts(org, retire.id())).isEmpty();
        assertThat(merges.survivorOf(org, retire.id())).contains(keep.id());
        assertThat(records.find(org, retire.id()).number()).isEqualTo(retire.number());
        // The retired record is found by its old email no more; the survivor is.
        assertThat(check(org, "X", "Y", null, List.of("g." + w + "@example.net"), List.of()))
                .extracting(Learners.PossibleDuplicate::learnerId)
                .containsExactly(keep.id());
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/learners/" + retire.id()).cookie(session))
                .andExpect(redirectedUrl("/manage/learners/" + keep.id()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'learner.merged'"
                                        + " AND subject_id = ?")
                                .param(keep.id().toString())
                                .query(Long.class)
                                .single()
                        == 1);

        // Registrars merge; only an administrator undoes.
        mvc.perform(post("/api/v1/learners/merges/" + merge.id() + "/undo")
                        .header("Authorization", token(Role.REGISTRAR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/learners/merges/" + merge.id() + "/undo")
                        .header("Authorization", token(Role.ADMINISTRATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Two people after all\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.undoneAt").exists());

        assertThat(state(org, keep.id())).isEqualTo(keepBefore);
        assertThat(state(org, retire.id())).isEqualTo(retireBefore);
        assertThat(merges.survivorOf(org, retire.id())).isEmpty();
        assertThatThrownBy(() -> merges.undo(org, merge.id(), null))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void staffMergeOnTheMergeScreenAndAnAdministratorUndoesOnTheMergesPage() throws Exception {
        var org = organization("northfield");
        var w = word();
        var keep = person(org, "Jo", w, LocalDate.of(1991, 5, 5), "jo." + w + "@example.org");
        var retire = person(org, "Joanna", w, LocalDate.of(1991, 5, 6), "JO." + w + "@example.org");
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/learners/duplicates")
                        .param("sort", "found,desc")
                        .cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Joanna " + w)))
                .andExpect(content().string(containsString("Same email address")));
        mvc.perform(get("/manage/learners/" + keep.id() + "/merge/" + retire.id())
                        .cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"choice.dateOfBirth\" value=\"merged\"")))
                .andExpect(content().string(containsString("1991-05-06")))
                .andExpect(content().string(containsString("Merge " + retire.number() + " into " + keep.number())));
        mvc.perform(post("/manage/learners/" + keep.id() + "/merge/" + retire.id())
                        .with(csrf())
                        .cookie(registrar)
                        .param("choice.dateOfBirth", "merged")
                        .param("choice.legalGivenName", "survivor"))
                .andExpect(redirectedUrl("/manage/learners/" + keep.id()));
        assertThat(records.find(org, keep.id()).dateOfBirth()).isEqualTo(LocalDate.of(1991, 5, 6));
        mvc.perform(get("/manage/learners/" + retire.id() + "/merge/" + keep.id())
                        .cookie(registrar))
                .andExpect(status().isConflict());

        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        var mergeId = jdbc.sql("SELECT id FROM learner_merge WHERE merged_id = ?")
                .param(retire.id())
                .query(UUID.class)
                .single();
        mvc.perform(get("/manage/learners/merges").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/manage/learners/merges/" + mergeId + "/undo")));
        mvc.perform(post("/manage/learners/merges/" + mergeId + "/undo")
                        .with(csrf())
                        .cookie(registrar)
                        .param("reason", "mine"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/manage/learners/merges/" + mergeId + "/undo")
                        .with(csrf())
                        .cookie(admin)
                        .param("reason", "Twins"))
                .andExpect(redirectedUrl("/manage/learners/merges"));
        assertThat(records.find(org, keep.id()).dateOfBirth()).isEqualTo(LocalDate.of(1991, 5, 5));
        assertThat(contacts.contacts(org, retire.id())).hasSize(1);
    }

    @Test
    void aMergeCanBeUndoneFor30DaysOnly() {
        var org = organization("northfield");
        var w = word();
        var a = person(org, "Hana", w, null, null);
        var b = person(org, "Hanna", w, null, null);
        var merge = merges.merge(org, a.id(), b.id(), Map.of());
        try {
            merges.clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(30).plusMinutes(1)));
            assertThatThrownBy(() -> merges.undo(org, merge.id(), null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("30 days");
                    });
            merges.clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(29)));
            assertThat(merges.undo(org, merge.id(), "checked").undoneAt()).isNotNull();
        } finally {
            merges.clock(Clock.system(ZoneOffset.UTC));
        }
    }

    @Test
    void mergesAcrossOrganizationsWithItselfOrOfAMergedRecordAreRefused() throws Exception {
        var org = organization("northfield");
        var w = word();
        var a = person(org, "Ivo", w, null, null);
        var b = person(org, "Ivan", w, null, null);
        var c = person(org, "Iva", w, null, null);
        var elsewhere = person(organization("harbor"), "Ivo", w, null, null);
        var auth = token(Role.REGISTRAR);
        mvc.perform(post("/api/v1/learners/" + a.id() + "/merges")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"otherId\":\"" + elsewhere.id() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("two organizations")));
        mvc.perform(post("/api/v1/learners/" + a.id() + "/merges")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"otherId\":\"" + a.id() + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/learners/" + a.id() + "/merges")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"otherId\":\"" + b.id() + "\",\"choices\":{\"salary\":\"merged\"}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/learners/" + a.id() + "/merges")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"otherId\":\"" + b.id() + "\",\"choices\":{\"legalGivenName\":\"merged\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mergedNumber", is(b.number())));
        assertThat(records.find(org, a.id()).legalGivenName()).isEqualTo("Ivan");
        mvc.perform(post("/api/v1/learners/" + c.id() + "/merges")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"otherId\":\"" + b.id() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Already merged")));
        // The retired record leaves the list and the pair list.
        mvc.perform(get("/api/v1/learners").param("q", w).header("Authorization", auth))
                .andExpect(jsonPath("$.totalItems", is(2)));
    }

    @Test
    void anInquiryBecomesAProspectOnceOrJoinsTheRecordWithItsEmail() {
        var org = organization("northfield");
        var fixtures = new CatalogFixtures(jdbc);
        var code = "DUP-" + CatalogFixtures.suffix();
        var program = fixtures.program(org, code);
        var w = word();
        var email = "nina." + w.toLowerCase() + "@example.org";

        var inquiryId = inquiries.receive(
                org, program, code, "INFORMATION", "Nina van der " + w, email, "+1 312 555 7788", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> linked(org, inquiryId) != null);
        var prospect = records.find(org, linked(org, inquiryId));
        assertThat(prospect.status()).isEqualTo(LearnerStatus.PROSPECT);
        assertThat(prospect.legalGivenName()).isEqualTo("Nina");
        assertThat(prospect.legalFamilyName()).isEqualTo("van der " + w);
        assertThat(contacts.contacts(org, prospect.id()))
                .extracting(Contact::value)
                .containsExactlyInAnyOrder(email, "+1 312 555 7788");
        // The same event delivered again creates nothing.
        assertThat(prospects.attach(org, inquiryId)).isEqualTo(prospect.id());
        assertThat(prospects.attach(org, inquiryId)).isEqualTo(prospect.id());
        assertThat(count(w)).isEqualTo(1);

        // A second inquiry from the same address, typed in capitals, joins the same record.
        var second = inquiries.receive(org, program, code, "APPLY", "N. " + w, email.toUpperCase(), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> linked(org, second) != null);
        assertThat(linked(org, second)).isEqualTo(prospect.id());
        assertThat(count(w)).isEqualTo(1);
        assertThat(prospects.of(org, prospect.id())).hasSize(2);
    }

    private @Nullable UUID linked(UUID org, UUID inquiryId) {
        return jdbc.sql("SELECT learner_id FROM learner_inquiry WHERE organization_id = ? AND inquiry_id = ?")
                .params(org, inquiryId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private long count(String family) {
        return jdbc.sql("SELECT count(*) FROM learner WHERE legal_family_name LIKE ?")
                .param("%" + family)
                .query(Long.class)
                .single();
    }

    /** Everything a record is: its row, contacts, identifiers, holds and history. */
    private List<Object> state(UUID org, UUID learnerId) {
        var row = jdbc.sql("SELECT * FROM learner WHERE id = ?")
                .param(learnerId)
                .query()
                .singleRow();
        return List.of(
                row.toString(),
                contacts.contacts(org, learnerId),
                contacts.identifiers(org, learnerId),
                holds.of(org, learnerId),
                records.history(org, learnerId));
    }
}
