package org.credo.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.ChangeStamp;
import org.credo.platform.OrganizationCreated;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Every change lands in a hash chain that reveals edits, deletions and reordering. */
@CredoTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** A fresh organization id with a chain of {@code n} entries, recorded through real events. */
    UUID chainOf(int n) {
        var organizationId = UUID.randomUUID();
        for (int i = 0; i < n; i++) {
            int k = i;
            transactions.executeWithoutResult(s -> events.publishEvent(new OrganizationCreated(
                    ChangeStamp.by(organizationId, null, "tester"),
                    organizationId,
                    "org-" + k,
                    "Org =1+1 \"" + k + "\"")));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> count(organizationId) == n);
        return organizationId;
    }

    long count(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    @Test
    void anUntouchedChainIsIntact() {
        var org = chainOf(5);
        assertThat(trail.verify(org)).isEqualTo(ChainVerification.intact(5));
    }

    @Test
    void anEditedEntryIsFoundWhereItWasEdited() {
        var org = chainOf(5);
        jdbc.sql(
                        "UPDATE audit_entry SET summary = 'nothing happened' WHERE organization_id = ? AND sequence_number = 3")
                .param(org)
                .update();
        var result = trail.verify(org);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(3L);
        assertThat(result.reason()).contains("changed after it was recorded");
    }

    @Test
    void aDeletedEntryIsFound() {
        var org = chainOf(5);
        jdbc.sql("DELETE FROM audit_entry WHERE organization_id = ? AND sequence_number = 2")
                .param(org)
                .update();
        var result = trail.verify(org);
        assertThat(result.brokenAt()).isEqualTo(2L);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void aDeletedLastEntryIsFound() {
        var org = chainOf(4);
        jdbc.sql("DELETE FROM audit_entry WHERE organization_id = ? AND sequence_number = 4")
                .param(org)
                .update();
        var result = trail.verify(org);
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).contains("deleted");
    }

    @Test
    void swappedEntriesAreFound() {
        var org = chainOf(4);
        jdbc.sql("UPDATE audit_entry SET sequence_number = -2 WHERE organization_id = ? AND sequence_number = 2")
                .param(org)
                .update();
        jdbc.sql("UPDATE audit_entry SET sequence_number = 2 WHERE organization_id = ? AND sequence_number = 3")
                .param(org)
                .update();
        jdbc.sql("UPDATE audit_entry SET sequence_number = 3 WHERE organization_id = ? AND sequence_number = -2")
                .param(org)
                .update();
        var result = trail.verify(org);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(2L);
    }

    @Test
    void redeliveredEventIsRecordedOnce() {
        var org = UUID.randomUUID();
        var event = new OrganizationCreated(ChangeStamp.by(org, null, "tester"), org, "once", "Once");
        transactions.executeWithoutResult(s -> events.publishEvent(event));
        transactions.executeWithoutResult(s -> events.publishEvent(event));
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> count(org) == 1);
        assertThat(trail.verify(org).intact()).isTrue();
    }

    @Test
    void changesThroughTheUiAreRecordedWithActorAndRequestId() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        var name = "Northfield College " + UUID.randomUUID().toString().substring(0, 4);
        mvc.perform(post("/admin/organization")
                        .cookie(admin)
                        .with(csrf())
                        .header("X-Request-Id", "audit-test-" + name.hashCode())
                        .param("name", name)
                        .param("timeZone", "America/Chicago")
                        .param("website", "https://northfield.test")
                        .param("contactEmail", "registrar@northfield.test"))
                .andExpect(status().is3xxRedirection());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM audit_entry WHERE action = 'organization.updated' AND summary LIKE ? AND actor_name = 'Ada Administrator' AND request_id = ?")
                                .params("%" + name + "%", "audit-test-" + name.hashCode())
                                .query(Long.class)
                                .single()
                        == 1);
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
        assertThat(trail.verify(org).intact()).isTrue();
        // Other tests read the demo organization by its name.
        mvc.perform(post("/admin/organization")
                        .cookie(admin)
                        .with(csrf())
                        .param("name", "Northfield College")
                        .param("timeZone", "America/Chicago")
                        .param("website", "https://northfield.test")
                        .param("contactEmail", "registrar@northfield.test"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void auditorFiltersAndExportsWithoutFormulaInjection() throws Exception {
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
        transactions.executeWithoutResult(s -> events.publishEvent(new OrganizationCreated(
                ChangeStamp.by(org, null, "=HYPERLINK(\"http://evil\")"), org, "x", "=cmd|' /C calc'!A0")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM audit_entry WHERE organization_id = ? AND actor_name LIKE '=HYPERLINK%'")
                                .param(org)
                                .query(Long.class)
                                .single()
                        > 0);
        var auditor = WebSessions.signIn(mvc, Role.AUDITOR);
        mvc.perform(get("/audit?actor=HYPERLINK").cookie(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("calc")));
        var async = mvc.perform(get("/audit/export.csv?actor=HYPERLINK").cookie(auditor))
                .andReturn();
        var csv = mvc.perform(asyncDispatch(async)).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("sequence,occurred_at,actor");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains("Created organization =cmd");
        assertThat(csv).doesNotContain(",=");
    }

    @Test
    void aLaterChangeShowsTheNameTheSubjectWasRecordedWithAndTheChainStaysIntact() throws Exception {
        var org = UUID.randomUUID();
        var credentialId = UUID.randomUUID();
        transactions.executeWithoutResult(s -> events.publishEvent(new org.credo.credentials.CredentialIssued(
                ChangeStamp.by(org, null, "tester"),
                credentialId,
                "Data Analytics",
                "Ada Lovelace",
                "eddsa-rdfc-2022")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(org) == 1);
        transactions.executeWithoutResult(s -> events.publishEvent(new org.credo.credentials.CredentialRevoked(
                ChangeStamp.by(org, null, "tester"), credentialId, "Issued in error")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(org) == 2);
        var names = jdbc.sql("SELECT subject_name FROM audit_entry WHERE organization_id = ? ORDER BY sequence_number")
                .param(org)
                .query(String.class)
                .list();
        assertThat(names).containsExactly("Ada Lovelace · Data Analytics", "Ada Lovelace · Data Analytics");
        assertThat(trail.verify(org)).isEqualTo(ChainVerification.intact(2));
        jdbc.sql(
                        "UPDATE audit_entry SET subject_name = 'Someone Else' WHERE organization_id = ? AND sequence_number = 2")
                .param(org)
                .update();
        assertThat(trail.verify(org).brokenAt()).isEqualTo(2L);
    }

    @Test
    void theExportLinkCarriesTheFiltersShownWithTheEntries() throws Exception {
        var auditor = WebSessions.signIn(mvc, Role.AUDITOR);
        // htmx swaps only the entries when a filter changes, so the export link must be inside them.
        mvc.perform(get("/audit?action=credential.&from=2026-01-01")
                        .cookie(auditor)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=credential.&amp;from=2026-01-01")));
    }

    @Test
    void auditorSeesAVerdictPageAndCannotChangeAnything() throws Exception {
        var auditor = WebSessions.signIn(mvc, Role.AUDITOR);
        mvc.perform(post("/audit/verification").cookie(auditor).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"verdict\"")));
        mvc.perform(get("/admin/users").cookie(auditor)).andExpect(status().isForbidden());
    }
}
