package org.credo.admissions.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.credo.admissions.AdmissionsFixture;
import org.credo.admissions.ApplicationStatus;
import org.credo.learners.HoldAction;
import org.credo.learners.LearnerStatus;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.learners.record.LearnerRecords;
import org.credo.notifications.Notifications;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.Role;
import org.credo.platform.SelfServiceAccounts;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The admissions CRM: timelines, campaigns and their sending, unsubscribe, the funnel, roles and organizations. */
@CredoTest
class AdmissionsCrmTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    LearnerContacts contacts;

    @Autowired
    LearnerRecords records;

    @Autowired
    HoldTypes holdTypes;

    @Autowired
    LearnerHolds holds;

    @Autowired
    Notifications notifications;

    @Autowired
    Timeline timeline;

    @Autowired
    Notes notes;

    @Autowired
    Audience audience;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    Funnel funnel;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    SelfServiceAccounts selfService;

    @Autowired
    AdmissionsFixture fixtures;

    UUID learner(UUID org, String given, LearnerStatus status, String email) {
        return contacts.create(
                        org,
                        new LearnerDetails(given, "Tester", null, null, null, null, null, false),
                        status,
                        null,
                        email)
                .id();
    }

    CredoUser officer(UUID org) {
        return new CredoUser(
                UUID.randomUUID(),
                "officer@example.test",
                "Olive Officer",
                org,
                "Test college",
                "UTC",
                Set.of(Role.ADMISSIONS_OFFICER, Role.REGISTRAR),
                null,
                true,
                false);
    }

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("crm " + role, null, 1))
                        .token();
    }

    Campaigns.Draft draft(String name, Campaign.Kind kind, Campaign.Segment segment) {
        return new Campaigns.Draft(
                name,
                kind,
                segment,
                "News for {{preferredName}}",
                "Dear {{preferredName}},\n\nOur **open day** is near.");
    }

    @Test
    void aTimelineShowsInquiriesEmailsApplicationsHoldsStatusChangesAndNotesNewestFirst() {
        var org = fixtures.organization();
        var email = "tina-" + UUID.randomUUID() + "@example.test";
        var learnerId = learner(org, "Tina", LearnerStatus.PROSPECT, email);
        var program = fixtures.program(org, "TL");
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        fixtures.inquiry(org, program, email.toUpperCase(), now.minus(10, ChronoUnit.DAYS));
        var cycle = fixtures.cycle(
                org, program, "TL", "Fall", now.minus(30, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
        var application = fixtures.application(org, cycle, "Tina Tester", email, ApplicationStatus.SUBMITTED, null);
        fixtures.event(application, "SUBMITTED", "Submitted by the applicant", now.minus(5, ChronoUnit.DAYS));
        transactions.executeWithoutResult(s ->
                notifications.enqueue(org, email, "Your application", "Thanks", null, "crm-test:" + UUID.randomUUID()));
        records.changeStatus(org, learnerId, LearnerStatus.APPLICANT, null, "Applied for the fall");
        var user = officer(org);
        var type = holdTypes.save(
                org,
                null,
                "Missing transcript",
                Set.of(HoldAction.REGISTRATION),
                Role.ADMISSIONS_OFFICER,
                "Send your transcript",
                true);
        holds.place(user, learnerId, type.id(), "No transcript yet");
        notes.add(user, learnerId, "Called; wants the evening track.\nCall back in May.");

        // Someone else's inquiry and another organization's note never show.
        fixtures.inquiry(org, program, "someone-else@example.test", now);
        var other = fixtures.organization();
        var stranger = learner(other, "Tina", LearnerStatus.PROSPECT, email);
        notes.add(officer(other), stranger, "Another college's note");

        var page = timeline.of(org, learnerId, null, PageQuery.of(0, 50, null, List.of("at"), false));
        var kinds = page.items().stream().map(Timeline.Entry::kind).toList();
        assertThat(kinds)
                .contains(
                        Timeline.Kind.INQUIRY,
                        Timeline.Kind.EMAIL,
                        Timeline.Kind.APPLICATION,
                        Timeline.Kind.HOLD,
                        Timeline.Kind.STATUS,
                        Timeline.Kind.NOTE);
        assertThat(page.items())
                .extracting(Timeline.Entry::at)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(page.items().get(page.items().size() - 1).kind()).isEqualTo(Timeline.Kind.INQUIRY);
        assertThat(page.items())
                .filteredOn(e -> e.kind() == Timeline.Kind.INQUIRY)
                .hasSize(1);
        assertThat(page.items())
                .filteredOn(e -> e.kind() == Timeline.Kind.NOTE)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.detail()).startsWith("Called");
                    assertThat(n.by()).isEqualTo("Olive Officer");
                });
        assertThat(page.items())
                .filteredOn(e -> e.kind() == Timeline.Kind.APPLICATION)
                .extracting(Timeline.Entry::title)
                .hasSize(2)
                .anySatisfy(
                        t -> assertThat(t).startsWith("Submitted · application").contains("TL"))
                .anySatisfy(t -> assertThat(t).startsWith("Application ").endsWith(": submitted"));

        var paged = timeline.of(org, learnerId, null, PageQuery.of(1, 2, null, List.of("at"), false));
        assertThat(paged.totalItems()).isEqualTo(page.totalItems());
        assertThat(paged.items()).containsExactlyElementsOf(page.items().subList(2, 4));
        assertThat(timeline.of(org, learnerId, Timeline.Kind.NOTE, PageQuery.of(0, 50, null, List.of("at"), false))
                        .items())
                .hasSize(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_entry WHERE organization_id = ? AND action = 'admissions.note.added'")
                        .param(org)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void segmentsCombineProgramCycleApplicationStatusAndLearnerStatus() {
        var org = fixtures.organization();
        var now = Instant.now();
        var p1 = fixtures.program(org, "P1");
        var p2 = fixtures.program(org, "P2");
        var c1 = fixtures.cycle(org, p1, "P1", "Fall", now.minus(10, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS));
        var c2 = fixtures.cycle(org, p2, "P2", "Fall", now.minus(10, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS));
        var prospect = learner(org, "Pia", LearnerStatus.PROSPECT, "pia@example.test");
        learner(org, "Abe", LearnerStatus.APPLICANT, "abe@example.test");
        fixtures.application(org, c1, "Ann One", "ann@example.test", ApplicationStatus.SUBMITTED, null);
        fixtures.application(org, c1, "Bob Two", "bob@example.test", ApplicationStatus.DRAFT, null);
        fixtures.application(org, c2, "Pia Tester", "pia.work@example.test", ApplicationStatus.SUBMITTED, prospect);
        // The same address as a learner record counts once.
        fixtures.application(org, c2, "Abe Tester", "ABE@example.test", ApplicationStatus.DRAFT, null);

        assertThat(count(org, null, null, null, null)).isEqualTo(5);
        assertThat(count(org, p1, null, null, null)).isEqualTo(2);
        assertThat(count(org, null, c1, ApplicationStatus.SUBMITTED, null)).isEqualTo(1);
        assertThat(count(org, null, null, ApplicationStatus.SUBMITTED, null)).isEqualTo(2);
        assertThat(count(org, null, null, null, LearnerStatus.PROSPECT)).isEqualTo(2);
        assertThat(count(org, null, null, ApplicationStatus.SUBMITTED, LearnerStatus.PROSPECT))
                .isEqualTo(1);
        assertThat(count(org, p2, c2, ApplicationStatus.DRAFT, null)).isEqualTo(1);
        assertThat(count(fixtures.organization(), null, null, null, null)).isZero();

        var campaign = campaigns.create(
                org, draft("Counted", Campaign.Kind.MARKETING, new Campaign.Segment(p1, null, null, null)), "Test");
        var preview = campaigns.preview(org, campaign.id());
        assertThat(preview.recipients()).isEqualTo(2);
        assertThat(preview.subject()).isEqualTo("News for Ann");
        assertThat(preview.text()).contains("Dear Ann,").contains("open day").contains("/unsubscribe/");
    }

    int count(UUID org, UUID program, UUID cycle, ApplicationStatus appStatus, LearnerStatus learnerStatus) {
        return audience.of(org, new Campaign.Segment(program, cycle, appStatus, learnerStatus))
                .size();
    }

    @Test
    void aCampaignSentTwiceReachesEachPersonOnceWithOneClickUnsubscribeHeaders() throws Exception {
        var org = fixtures.organization();
        var first = "first-" + UUID.randomUUID() + "@example.test";
        var second = "second-" + UUID.randomUUID() + "@example.test";
        learner(org, "Fay", LearnerStatus.PROSPECT, first);
        learner(org, "Sam", LearnerStatus.PROSPECT, second);
        learner(org, "Ari", LearnerStatus.ACTIVE, "active-" + UUID.randomUUID() + "@example.test");
        var campaign = campaigns.create(
                org,
                draft(
                        "Open day",
                        Campaign.Kind.MARKETING,
                        new Campaign.Segment(null, null, null, LearnerStatus.PROSPECT)),
                "Test");
        campaigns.schedule(org, campaign.id(), Instant.now());

        assertThat(campaigns.send(campaign.id())).isEqualTo(2);
        assertThat(campaigns.send(campaign.id())).isZero();
        // Even forced back to scheduled, nobody gets a second email.
        jdbc.sql("UPDATE admission_campaign SET status = 'SCHEDULED' WHERE id = ?")
                .param(campaign.id())
                .update();
        assertThat(campaigns.send(campaign.id())).isZero();
        assertThat(campaigns.find(org, campaign.id()).status()).isEqualTo(Campaign.Status.SENT);
        assertThat(campaigns.find(org, campaign.id()).recipientCount()).isEqualTo(2);

        var message = Mailbox.awaitMessageTo(mail, first);
        Mailbox.awaitMessageTo(mail, second);
        assertThat(message.getSubject()).isEqualTo("News for Fay");
        assertThat(message.getHeader("List-Unsubscribe")[0]).matches("<https?://.+/unsubscribe/.+>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        var body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
        assertThat(body).contains("<strong>open day</strong>");
        Thread.sleep(500);
        assertThat(jdbc.sql("SELECT count(*) FROM email_delivery_attempt a JOIN email_outbox o ON o.id = a.outbox_id"
                                + " WHERE o.recipient = ?")
                        .param(first)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(received(first)).isEqualTo(1);
        assertThat(received(second)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> campaigns.tally(org, campaign.id()).get("sent") == 2);
        var log = campaigns.deliveries(org, campaign.id(), PageQuery.of(0, 50, null, List.of("email"), true));
        assertThat(log.items()).extracting(Campaigns.Delivery::state).containsOnly("SENT");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = ? AND action = 'campaign.sent'")
                        .param(org)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCampaignReachesEveryoneInPagesAndAResumedSendAfterAFailureQueuesNobodyTwice() throws Exception {
        // The test configuration sends in pages of 7: 20 applicants take three pages.
        var org = fixtures.organization();
        var now = Instant.now();
        var program = fixtures.program(org, "PG");
        var cycle = fixtures.cycle(
                org, program, "PG", "Paged", now.minus(10, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS));
        var run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 20; i++) {
            fixtures.application(
                    org,
                    cycle,
                    "Paula Page" + i,
                    "page-" + run + "-" + i + "@example.test",
                    ApplicationStatus.SUBMITTED,
                    null);
        }
        var campaign = campaigns.create(
                org,
                draft("Paged", Campaign.Kind.TRANSACTIONAL, new Campaign.Segment(null, cycle, null, null)),
                "Test");
        assertThat(audience.count(org, campaign.segment(), 7)).isEqualTo(20);
        campaigns.schedule(org, campaign.id(), Instant.now());

        // The tenth address (in the order pages are read) cannot be stored: the second page fails midway.
        var victim = jdbc.sql("SELECT applicant_email FROM application WHERE cycle_id = ? ORDER BY id LIMIT 1 OFFSET 9")
                .param(cycle)
                .query(String.class)
                .single();
        jdbc.sql("ALTER TABLE admission_campaign_recipient ADD CONSTRAINT test_paged_failure CHECK (email <> '" + victim
                        + "')")
                .update();
        try {
            assertThatThrownBy(() -> campaigns.send(campaign.id())).isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("ALTER TABLE admission_campaign_recipient DROP CONSTRAINT test_paged_failure")
                    .update();
        }
        // The first page stays done; the failed one left nothing behind.
        assertThat(campaigns.find(org, campaign.id()).status()).isEqualTo(Campaign.Status.SENDING);
        assertThat(campaigns.progress(org, campaign.id())).contains(new Campaigns.Progress(7, 20));
        assertThat(outboxed(campaign.id())).isEqualTo(7);
        // The organization's officer follows it on the campaign page.
        var email = "officer-" + run + "@example.test";
        selfService.open(org, email, "Paged Officer", "not-a-hash", Role.ADMISSIONS_OFFICER);
        var officer = accounts.loadUserByUsername(email);
        mvc.perform(get("/manage/admissions/campaigns/" + campaign.id())
                        .with(authentication(
                                new UsernamePasswordAuthenticationToken(officer, null, officer.getAuthorities())))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sending: queued 7 of 20 addresses")));

        // The scheduled sender resumes it where it stopped; a second resume finds nothing left to do.
        assertThat(campaigns.due()).contains(campaign.id());
        new CampaignSender(campaigns).sendDue();
        assertThat(campaigns.send(campaign.id())).isZero();
        var sent = campaigns.find(org, campaign.id());
        assertThat(sent.status()).isEqualTo(Campaign.Status.SENT);
        assertThat(sent.recipientCount()).isEqualTo(20);
        assertThat(campaigns.progress(org, campaign.id())).contains(new Campaigns.Progress(20, 20));
        assertThat(outboxed(campaign.id())).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(DISTINCT o.recipient) FROM email_outbox o JOIN admission_campaign_recipient r"
                                + " ON r.dedup_key = o.dedup_key WHERE r.campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
        // The audit trail records the send once (it listens asynchronously).
        await().atMost(Duration.ofSeconds(10)).until(() -> sentEntries(org) == 1);
        // Forced to start over, the walk meets only addresses already served.
        jdbc.sql("UPDATE admission_campaign SET status = 'SCHEDULED' WHERE id = ?")
                .param(campaign.id())
                .update();
        assertThat(campaigns.send(campaign.id())).isZero();
        assertThat(outboxed(campaign.id())).isEqualTo(20);
        Thread.sleep(300);
        assertThat(sentEntries(org)).isEqualTo(1);
    }

    long sentEntries(UUID org) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = ? AND action = 'campaign.sent'")
                .param(org)
                .query(Long.class)
                .single();
    }

    long outboxed(UUID campaignId) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE dedup_key LIKE ?")
                .param("%" + campaignId + "%")
                .query(Long.class)
                .single();
    }

    long received(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .count();
    }

    static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnsubscribedAddressGetsNoMarketingButStillGetsTransactionalEmail() throws Exception {
        var org = fixtures.organization();
        var leaving = "leaving-" + UUID.randomUUID() + "@example.test";
        var staying = "staying-" + UUID.randomUUID() + "@example.test";
        learner(org, "Lea", LearnerStatus.PROSPECT, leaving);
        learner(org, "Sid", LearnerStatus.PROSPECT, staying);
        var token = unsubscribes.token(org, leaving);

        // Opening the link only asks; the one-click POST (no session, no CSRF token) unsubscribes.
        mvc.perform(get("/unsubscribe/" + token).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unsubscribe-form\"")));
        assertThat(unsubscribes.unsubscribed(org, leaving)).isFalse();
        mvc.perform(post("/unsubscribe/" + token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unsubscribed\"")));
        mvc.perform(post("/unsubscribe/" + token)).andExpect(status().isOk());
        assertThat(unsubscribes.unsubscribed(org, leaving.toUpperCase())).isTrue();
        mvc.perform(post("/unsubscribe/" + token.substring(0, token.length() - 2) + "xx"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/unsubscribe/" + unsubscribes.token(org, staying).replace('.', '-')))
                .andExpect(status().isNotFound());
        assertThat(unsubscribes.unsubscribed(org, staying)).isFalse();

        var segment = new Campaign.Segment(null, null, null, LearnerStatus.PROSPECT);
        var marketing = campaigns.create(org, draft("Marketing", Campaign.Kind.MARKETING, segment), "Test");
        assertThat(campaigns.preview(org, marketing.id()).recipients()).isEqualTo(1);
        assertThat(campaigns.preview(org, marketing.id()).unsubscribed()).isEqualTo(1);
        campaigns.schedule(org, marketing.id(), Instant.now());
        assertThat(campaigns.send(marketing.id())).isEqualTo(1);
        var transactional = campaigns.create(org, draft("Deadline", Campaign.Kind.TRANSACTIONAL, segment), "Test");
        campaigns.schedule(org, transactional.id(), Instant.now());
        assertThat(campaigns.send(transactional.id())).isEqualTo(2);

        assertThat(outbox(org, leaving)).isEqualTo(1);
        assertThat(outbox(org, staying)).isEqualTo(2);
        var log = campaigns.deliveries(org, marketing.id(), PageQuery.of(0, 50, null, List.of("email"), true));
        assertThat(log.items())
                .filteredOn(d -> d.email().equals(leaving))
                .singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo("SKIPPED"));
        var transactionalMail = Mailbox.awaitMessageTo(mail, leaving);
        assertThat(transactionalMail.getHeader("List-Unsubscribe")).isNull();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_entry WHERE organization_id = ? AND action = 'campaign.unsubscribed'")
                        .param(org)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    long outbox(UUID org, String address) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE organization_id = ? AND recipient = ?")
                .params(org, address)
                .query(Long.class)
                .single();
    }

    @Test
    void theFunnelCountsEachStageAndTheRateFromTheStageBefore() {
        var org = fixtures.organization();
        var program = fixtures.program(org, "FN");
        var now = Instant.now();
        var earlier = fixtures.cycle(
                org, program, "FN", "Spring", now.minus(200, ChronoUnit.DAYS), now.minus(100, ChronoUnit.DAYS));
        var current = fixtures.cycle(
                org, program, "FN", "Fall", now.minus(20, ChronoUnit.DAYS), now.plus(20, ChronoUnit.DAYS));
        fixtures.inquiry(org, program, "old@example.test", now.minus(150, ChronoUnit.DAYS));
        for (int i = 0; i < 4; i++) {
            fixtures.inquiry(org, program, "new" + i + "@example.test", now.minus(50 - i, ChronoUnit.DAYS));
        }
        fixtures.inquiry(org, program, "late@example.test", now.plus(25, ChronoUnit.DAYS));
        var statuses = List.of(
                ApplicationStatus.DRAFT,
                ApplicationStatus.DRAFT,
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.IN_REVIEW,
                ApplicationStatus.DENIED,
                ApplicationStatus.WAITLISTED,
                ApplicationStatus.ADMITTED,
                ApplicationStatus.DECLINED,
                ApplicationStatus.ACCEPTED,
                ApplicationStatus.MATRICULATED);
        for (int i = 0; i < statuses.size(); i++) {
            fixtures.application(org, current, "Applicant " + i, "a" + i + "@example.test", statuses.get(i), null);
        }
        fixtures.application(org, earlier, "Early Bird", "early@example.test", ApplicationStatus.MATRICULATED, null);

        var rows = funnel.report(org, null, current);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.counts()).containsExactly(4L, 10L, 8L, 4L, 2L, 1L);
            assertThat(row.rates()).containsExactly(250.0, 80.0, 50.0, 50.0, 50.0);
        });
        var all = funnel.report(org, program, null);
        assertThat(all).hasSize(3);
        assertThat(all.get(1).counts()).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(all.get(2).cycleName()).isEqualTo("Total");
        assertThat(all.get(2).counts()).containsExactly(5L, 11L, 9L, 5L, 3L, 2L);
        assertThat(funnel.report(fixtures.organization(), null, null)).isEmpty();
        assertThat(funnel.report(fixtures.northfield(), null, current)).isEmpty();
    }

    @Test
    void onlyAdmissionsOfficersAndAdministratorsReachTheCrmAndNothingCrossesOrganizations() throws Exception {
        var officer = WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER);
        var administrator = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        for (var path : List.of(
                "/manage/admissions/campaigns",
                "/manage/admissions/funnel",
                "/manage/admissions/people?q=a",
                "/manage/admissions/campaigns/new")) {
            mvc.perform(get(path).cookie(officer)).andExpect(status().isOk());
            mvc.perform(get(path).cookie(administrator)).andExpect(status().isOk());
            mvc.perform(get(path).cookie(registrar)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/manage/admissions/funnel/export.csv").cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("program_code,program_name,cycle,inquiries,started")));
        mvc.perform(get("/api/v1/admissions/funnel").header("Authorization", token(Role.REGISTRAR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admissions/funnel").header("Authorization", token(Role.ADMISSIONS_OFFICER)))
                .andExpect(status().isOk());

        var other = fixtures.organization();
        var stranger = learner(other, "Stan", LearnerStatus.PROSPECT, "stan-" + UUID.randomUUID() + "@example.test");
        var theirs = campaigns.create(
                other, draft("Theirs", Campaign.Kind.MARKETING, new Campaign.Segment(null, null, null, null)), "Test");
        mvc.perform(get("/manage/admissions/people/" + stranger).cookie(officer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/manage/admissions/campaigns/" + theirs.id()).cookie(officer))
                .andExpect(status().isNotFound());
        mvc.perform(post("/manage/admissions/campaigns/" + theirs.id() + "/send")
                        .cookie(officer)
                        .with(csrf())
                        .param("confirm", "yes"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/manage/admissions/people/" + stranger + "/notes")
                        .cookie(officer)
                        .with(csrf())
                        .param("body", "Not mine"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admissions/people/" + stranger + "/timeline")
                        .header("Authorization", token(Role.ADMISSIONS_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admissions/campaigns/" + theirs.id())
                        .header("Authorization", token(Role.ADMISSIONS_OFFICER)))
                .andExpect(status().isNotFound());
        assertThat(campaigns.find(other, theirs.id()).status()).isEqualTo(Campaign.Status.DRAFT);
    }

    @Test
    void anOfficerWritesACampaignKeepsTypedInputOnAMistakeAndAddsANote() throws Exception {
        var officer = WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER);
        mvc.perform(post("/manage/admissions/campaigns")
                        .cookie(officer)
                        .with(csrf())
                        .param("name", "Spring open day <b>")
                        .param("kind", "MARKETING")
                        .param("learnerStatus", "PROSPECT")
                        .param("subject", "Hello {{firstName}}")
                        .param("body", "Dear {{preferredName}}, come by."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("there is no merge field [{{firstName}}]")))
                .andExpect(content().string(containsString("value=\"Spring open day &lt;b&gt;\"")));
        var created = mvc.perform(post("/manage/admissions/campaigns")
                        .cookie(officer)
                        .with(csrf())
                        .param("name", "Spring open day <b>")
                        .param("kind", "MARKETING")
                        .param("learnerStatus", "PROSPECT")
                        .param("subject", "Hello {{preferredName}}")
                        .param("body", "Dear {{preferredName}}, come by."))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(created).cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview-count\"")))
                .andExpect(content().string(containsString("Spring open day &lt;b&gt;")))
                .andExpect(content().string(not(containsString("Spring open day <b>"))));
        mvc.perform(post(created + "/send").cookie(officer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("tick the box")));
        mvc.perform(post(created + "/schedule").cookie(officer).with(csrf()).param("sendAt", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sendAt-error\"")));
        mvc.perform(post(created + "/schedule").cookie(officer).with(csrf()).param("sendAt", "2020-01-01T09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("choose a time in the future")));
        mvc.perform(post(created + "/schedule").cookie(officer).with(csrf()).param("sendAt", "2099-01-01T09:00"))
                .andExpect(status().is3xxRedirection());

        var org = fixtures.northfield();
        var learnerId = learner(org, "Nell", LearnerStatus.PROSPECT, "nell-" + UUID.randomUUID() + "@example.test");
        mvc.perform(post("/manage/admissions/people/" + learnerId + "/notes")
                        .cookie(officer)
                        .with(csrf())
                        .param("body", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"note-body-error\"")));
        mvc.perform(post("/manage/admissions/people/" + learnerId + "/notes")
                        .cookie(officer)
                        .with(csrf())
                        .param("body", "<script>alert(1)</script> wants evening classes"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/manage/admissions/people/" + learnerId).cookie(officer))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; wants evening classes")));
        mvc.perform(get("/manage/learners/" + learnerId).cookie(officer))
                .andExpect(content().string(containsString("id=\"timeline-link\"")));
        mvc.perform(get("/").cookie(officer)).andExpect(content().string(containsString("Recruitment")));
    }
}
