package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint of the application with every role, and anonymously, and checks that each
 * is allowed or denied as the rules below say. An endpoint that no rule covers fails the test, so
 * nothing can be added without deciding who may call it.
 */
@CredoTest
class AuthorizationMatrixTest {

    /** Who may call the endpoints whose path matches a pattern (first matching rule wins). */
    record Rule(String method, String pattern, Access access, Set<Role> roles) {}

    enum Access {
        PUBLIC,
        SIGNED_IN,
        ROLES,
        /** Authenticates by a token of its own (e.g. an OpenID4VCI access token): 401 anonymously and for every session. */
        OWN_TOKEN,
        /**
         * Open to Spring Security, guarded by the wallet's own earner sign-in: anonymously a JSON endpoint answers 401
         * and a page sends the reader to the wallet's sign-in.
         */
        EARNER
    }

    static final Set<Role> ADMIN = EnumSet.of(Role.ADMINISTRATOR);
    static final Set<Role> AUDIT = EnumSet.of(Role.AUDITOR, Role.ADMINISTRATOR);
    static final Set<Role> ISSUERS = EnumSet.of(Role.REGISTRAR, Role.ADMINISTRATOR);
    static final Set<Role> CREDENTIAL_API = EnumSet.of(Role.REGISTRAR, Role.ADMINISTRATOR, Role.INTEGRATOR);
    static final Set<Role> AUTHORS = EnumSet.of(Role.REGISTRAR, Role.ADMINISTRATOR, Role.CURRICULUM_AUTHOR);
    static final Set<Role> CATALOG_EDITORS = EnumSet.of(Role.CATALOG_EDITOR, Role.ADMINISTRATOR);
    static final Set<Role> INQUIRY_READERS =
            EnumSet.of(Role.ADMISSIONS_OFFICER, Role.CATALOG_EDITOR, Role.ADMINISTRATOR);
    static final Set<Role> CTDL_API = EnumSet.of(Role.CATALOG_EDITOR, Role.ADMINISTRATOR, Role.INTEGRATOR);

    static final Set<Role> CATALOG_READERS = EnumSet.of(
            Role.ADMINISTRATOR,
            Role.REGISTRAR,
            Role.CURRICULUM_AUTHOR,
            Role.COMMITTEE_MEMBER,
            Role.CATALOG_EDITOR,
            Role.AUDITOR);
    static final Set<Role> CATALOG_API_READERS = EnumSet.of(
            Role.ADMINISTRATOR,
            Role.REGISTRAR,
            Role.CURRICULUM_AUTHOR,
            Role.COMMITTEE_MEMBER,
            Role.CATALOG_EDITOR,
            Role.AUDITOR,
            Role.INTEGRATOR);
    static final Set<Role> CATALOG_PROPOSERS =
            EnumSet.of(Role.CURRICULUM_AUTHOR, Role.CATALOG_EDITOR, Role.REGISTRAR, Role.ADMINISTRATOR);
    static final Set<Role> CATALOG_DECIDERS = EnumSet.of(
            Role.COMMITTEE_MEMBER, Role.REGISTRAR, Role.ADMINISTRATOR, Role.CURRICULUM_AUTHOR, Role.CATALOG_EDITOR);

    static final Set<Role> LEARNER_MANAGERS = EnumSet.of(Role.REGISTRAR, Role.ADMISSIONS_OFFICER);
    static final Set<Role> LEARNER_READERS = EnumSet.of(Role.REGISTRAR, Role.ADMISSIONS_OFFICER, Role.ADVISOR);
    static final Set<Role> MERGE_READERS = EnumSet.of(Role.REGISTRAR, Role.ADMISSIONS_OFFICER, Role.ADMINISTRATOR);
    static final Set<Role> HOLD_OFFICES =
            EnumSet.of(Role.REGISTRAR, Role.ADMISSIONS_OFFICER, Role.ADVISOR, Role.BURSAR);
    static final Set<Role> REGISTRAR = EnumSet.of(Role.REGISTRAR);
    static final Set<Role> LEARNER = EnumSet.of(Role.LEARNER);
    static final Set<Role> BURSAR = EnumSet.of(Role.BURSAR);
    static final Set<Role> BILLING_READERS = EnumSet.of(Role.BURSAR, Role.AUDITOR);
    static final Set<Role> REGISTRATION_API = EnumSet.of(Role.REGISTRAR, Role.INTEGRATOR);
    static final Set<Role> CALENDAR_OWNERS = EnumSet.of(Role.LEARNER, Role.INSTRUCTOR);
    static final Set<Role> INSTRUCTOR = EnumSet.of(Role.INSTRUCTOR);
    static final Set<Role> ADMISSIONS_STAFF = EnumSet.of(Role.ADMISSIONS_OFFICER, Role.ADMINISTRATOR);
    static final Set<Role> APPLICANT = EnumSet.of(Role.APPLICANT);
    static final Set<Role> ADMISSIONS_OFFICERS = EnumSet.of(Role.ADMISSIONS_OFFICER);
    static final Set<Role> ADMITTED_APPLICANTS = EnumSet.of(Role.APPLICANT, Role.LEARNER);
    static final Set<Role> APPLICATION_AGENTS =
            EnumSet.of(Role.ADMISSIONS_OFFICER, Role.ADMINISTRATOR, Role.INTEGRATOR);
    static final Set<Role> ADMISSIONS_CRM = EnumSet.of(Role.ADMISSIONS_OFFICER, Role.ADMINISTRATOR);

    static final List<Rule> RULES = List.of(
            pub("*", "/login"),
            pub("GET", "/catalog"),
            pub("GET", "/catalog/**"),
            pub("POST", "/catalog/programs/*/inquiries"),
            pub("POST", "/catalog/*/programs/*/inquiries"),
            pub("GET", "/sitemap.xml"),
            pub("*", "/apply/sign-up"),
            pub("*", "/apply/sign-up/**"),
            pub("POST", "/api/v1/applicant-accounts"),
            roles("*", "/manage/catalog/intakes", CATALOG_EDITORS),
            roles("*", "/manage/catalog/intakes/**", CATALOG_EDITORS),
            roles("*", "/manage/catalog/inquiries", INQUIRY_READERS),
            roles("*", "/api/v1/catalog/ctdl", CTDL_API),
            roles("*", "/api/v1/catalog/ctdl/**", CTDL_API),
            pub("*", "/password/**"),
            pub("*", "/invitations/**"),
            pub("GET", "/demo/mailbox"),
            pub("*", "/error"),
            pub("GET", "/v3/api-docs/**"),
            pub("GET", "/v3/api-docs*"),
            pub("GET", "/swagger-ui.html"),
            pub("POST", "/api/v1/auth/tokens"),
            pub("GET", "/.well-known/did.json"),
            pub("GET", "/organizations/*/did.json"),
            pub("GET", "/organizations/{slug}/did.json"),
            pub("GET", "/status/**"),
            pub("GET", "/achievements/*"),
            pub("GET", "/images/**"),
            pub("*", "/verify"),
            pub("*", "/verify/**"),
            pub("POST", "/credentials/verify"),
            pub("POST", "/presentations/verify"),
            earner("POST", "/wallet/account/passkeys/options"),
            earner("POST", "/wallet/account/passkeys"),
            pub("*", "/wallet"),
            pub("*", "/wallet/**"),
            pub("GET", "/share/*"),
            pub("GET", "/p/*"),
            pub("GET", "/api/v1/profiles/*"),
            pub("GET", "/.well-known/openid-credential-issuer"),
            pub("GET", "/.well-known/oauth-authorization-server"),
            pub("POST", "/oid4vci/token"),
            pub("POST", "/oid4vci/nonce"),
            ownToken("POST", "/oid4vci/credential"),
            // Catalog: staff pages and REST API (write side).
            roles("*", "/manage/catalog/import", EnumSet.of(Role.ADMINISTRATOR, Role.REGISTRAR, Role.CATALOG_EDITOR)),
            roles(
                    "*",
                    "/api/v1/catalog/imports",
                    EnumSet.of(Role.ADMINISTRATOR, Role.REGISTRAR, Role.CATALOG_EDITOR, Role.INTEGRATOR)),
            roles("POST", "/manage/catalog/chain", ADMIN),
            roles("POST", "/manage/catalog/chain/**", ADMIN),
            roles("POST", "/manage/catalog/proposals/*/decisions", CATALOG_DECIDERS),
            roles("POST", "/manage/catalog/proposals", CATALOG_PROPOSERS),
            roles("POST", "/manage/catalog/proposals/**", CATALOG_PROPOSERS),
            roles("*", "/manage/catalog/proposals/new", CATALOG_PROPOSERS),
            roles("*", "/manage/catalog/proposals/*/edit", CATALOG_PROPOSERS),
            roles("*", "/manage/catalog/proposals/course-options", CATALOG_PROPOSERS),
            roles("GET", "/manage/catalog", CATALOG_READERS),
            roles("GET", "/manage/catalog/**", CATALOG_READERS),
            roles("GET", "/api/v1/catalog/approval-chain", CATALOG_API_READERS),
            roles("GET", "/api/v1/catalog/approval-chain/**", CATALOG_API_READERS),
            roles("*", "/api/v1/catalog/approval-chain/**", ADMIN),
            roles("POST", "/api/v1/catalog/proposals/*/decisions", CATALOG_DECIDERS),
            roles("POST", "/api/v1/catalog/proposals", CATALOG_PROPOSERS),
            roles("POST", "/api/v1/catalog/proposals/**", CATALOG_PROPOSERS),
            roles("PUT", "/api/v1/catalog/**", CATALOG_PROPOSERS),
            roles("GET", "/api/v1/catalog/**", CATALOG_API_READERS),
            // Learners: duplicates and merges (an administrator undoes a merge).
            roles("POST", "/manage/learners/merges/*/undo", ADMIN),
            roles("POST", "/api/v1/learners/merges/*/undo", ADMIN),
            roles("GET", "/manage/learners/merges", MERGE_READERS),
            roles("GET", "/api/v1/learners/merges", MERGE_READERS),
            roles("*", "/manage/learners/duplicates", LEARNER_MANAGERS),
            roles("*", "/manage/learners/duplicates/**", LEARNER_MANAGERS),
            roles("*", "/manage/learners/*/merge/*", LEARNER_MANAGERS),
            roles("*", "/api/v1/learners/duplicates", LEARNER_MANAGERS),
            roles("*", "/api/v1/learners/duplicates/**", LEARNER_MANAGERS),
            roles("*", "/api/v1/learners/*/merges", LEARNER_MANAGERS),
            // Admissions reviews, decisions, releases; an applicant's own decision.
            // Decision letters and reason codes: the admissions office and the administrator.
            roles("*", "/manage/admissions/letters", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/letters/**", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/reasons", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/reasons/**", ADMISSIONS_STAFF),
            roles("*", "/api/v1/admissions/letters", ADMISSIONS_STAFF),
            roles("*", "/api/v1/admissions/letters/**", ADMISSIONS_STAFF),
            roles("*", "/api/v1/admissions/decisions/reasons", ADMISSIONS_STAFF),
            roles("*", "/api/v1/admissions/decisions/reasons/**", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/reviews", ADMISSIONS_OFFICERS),
            roles("*", "/manage/admissions/reviews/**", ADMISSIONS_OFFICERS),
            roles("*", "/manage/admissions/committee", ADMISSIONS_OFFICERS),
            roles("*", "/manage/admissions/decisions/**", ADMISSIONS_OFFICERS),
            roles("*", "/manage/admissions/releases", ADMISSIONS_OFFICERS),
            roles("*", "/manage/admissions/releases/**", ADMISSIONS_OFFICERS),
            roles("*", "/api/v1/admissions/reviews", ADMISSIONS_OFFICERS),
            roles("*", "/api/v1/admissions/reviews/**", ADMISSIONS_OFFICERS),
            roles("*", "/api/v1/admissions/decisions/**", ADMISSIONS_OFFICERS),
            roles("*", "/api/v1/admissions/releases", ADMISSIONS_OFFICERS),
            roles("*", "/api/v1/admissions/releases/**", ADMISSIONS_OFFICERS),
            roles("*", "/apply/applications/*/decision", ADMITTED_APPLICANTS),
            roles("*", "/apply/applications/*/decision/**", ADMITTED_APPLICANTS),
            roles("*", "/api/v1/me/applications/*/decision", ADMITTED_APPLICANTS),
            roles("*", "/api/v1/me/applications/*/decision/**", ADMITTED_APPLICANTS),
            // Admissions: cycles, forms, applications, the applicant's portal; documents for their owner and staff.
            roles("*", "/manage/admissions/cycles", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/cycles/**", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/applications", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/applications/**", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/emails", ADMISSIONS_STAFF),
            roles("*", "/manage/admissions/emails/**", ADMISSIONS_STAFF),
            roles("*", "/api/v1/admissions/cycles", ADMISSIONS_STAFF),
            roles("*", "/api/v1/admissions/cycles/**", ADMISSIONS_STAFF),
            roles("POST", "/api/v1/applications/*/documents", APPLICATION_AGENTS),
            roles("POST", "/api/v1/applications/*/submit", APPLICATION_AGENTS),
            roles("*", "/api/v1/applications", ADMISSIONS_STAFF),
            roles("*", "/api/v1/applications/**", ADMISSIONS_STAFF),
            roles("*", "/api/v1/me/applications", APPLICANT),
            roles("*", "/api/v1/me/applications/**", APPLICANT),
            roles("*", "/apply", APPLICANT),
            roles("*", "/apply/applications/**", APPLICANT),
            roles("*", "/apply/cycles/**", APPLICANT),
            signedIn("GET", "/documents/*"),
            // Timetabling a term's real sections and pinning sections (ADR 0056): the registrar's.
            roles("POST", "/api/v1/timetabling-runs/for-term", REGISTRAR),
            roles("GET", "/api/v1/timetabling-runs/*/changes", REGISTRAR),
            roles("POST", "/api/v1/timetabling-runs/*/accept", REGISTRAR),
            roles("POST", "/manage/scheduling/timetabling/term-runs", REGISTRAR),
            roles("POST", "/manage/scheduling/timetabling/runs/*/accept", REGISTRAR),
            roles("PUT", "/api/v1/sections/*/pinned", REGISTRAR),
            roles("POST", "/manage/scheduling/sections/*/pinned", REGISTRAR),
            // Timetabling solver (ADR 0044): the registrar's.
            roles("*", "/manage/scheduling/timetabling", REGISTRAR),
            roles("*", "/manage/scheduling/timetabling/**", REGISTRAR),
            roles("*", "/api/v1/timetabling-runs", REGISTRAR),
            roles("*", "/api/v1/timetabling-runs/**", REGISTRAR),
            // Learners: records, holds, the learner's own record.
            roles("*", "/manage/learners/settings", REGISTRAR),
            roles("*", "/manage/holds/types", REGISTRAR),
            roles("*", "/manage/holds/types/**", REGISTRAR),
            roles("*", "/manage/holds", HOLD_OFFICES),
            roles("*", "/manage/holds/**", HOLD_OFFICES),
            roles("*", "/manage/learners/new", LEARNER_MANAGERS),
            roles("*", "/manage/learners/import", LEARNER_MANAGERS),
            roles("*", "/manage/learners/import/**", LEARNER_MANAGERS),
            roles("*", "/manage/learners/*/edit", LEARNER_MANAGERS),
            roles("GET", "/manage/learners", LEARNER_READERS),
            roles("GET", "/manage/learners/**", LEARNER_READERS),
            roles("*", "/manage/learners", LEARNER_MANAGERS),
            roles("*", "/manage/learners/**", LEARNER_MANAGERS),
            // Registration (ADR 46): learners their own schedule; the registrar every roster; integrators the API.
            roles("*", "/registration", LEARNER),
            roles("*", "/registration/**", LEARNER),
            roles("*", "/api/v1/me/registration", LEARNER),
            roles("*", "/api/v1/me/registration/**", LEARNER),
            pub("GET", "/calendar/*.ics"),
            roles("*", "/calendar", CALENDAR_OWNERS),
            roles("*", "/calendar/feed", CALENDAR_OWNERS),
            roles("*", "/calendar/feed/**", CALENDAR_OWNERS),
            roles("*", "/teach/rosters/**", INSTRUCTOR),
            roles("*", "/manage/registration", REGISTRAR),
            roles("*", "/manage/registration/**", REGISTRAR),
            roles("PUT", "/api/v1/registration/terms/*/window", REGISTRAR),
            // Permissions to enroll and waitlist settings (ADR 48): the registrar only, not integrators.
            roles("*", "/api/v1/registration/sections/*/permissions", REGISTRAR),
            roles("*", "/api/v1/registration/sections/*/permissions/*", REGISTRAR),
            roles("*", "/api/v1/registration/sections/*/waitlist-settings", REGISTRAR),
            roles("*", "/api/v1/registration/**", REGISTRATION_API),
            // Billing (ADR 50): a learner their own account; the bursar everything, the auditor reads; the payment
            // provider's webhook is open, authenticated by its signature.
            pub("POST", "/api/v1/billing/webhooks/*/stripe"),
            roles("*", "/account", LEARNER),
            roles("*", "/account/statement.pdf", LEARNER),
            roles("*", "/api/v1/me/billing", LEARNER),
            roles("*", "/api/v1/me/billing/**", LEARNER),
            roles("GET", "/manage/billing", BILLING_READERS),
            roles("GET", "/manage/billing/**", BILLING_READERS),
            roles("*", "/manage/billing", BURSAR),
            roles("*", "/manage/billing/**", BURSAR),
            roles("GET", "/api/v1/billing/**", BILLING_READERS),
            roles("*", "/api/v1/billing/**", BURSAR),
            roles("*", "/me/record", LEARNER),
            roles("*", "/me/record/**", LEARNER),
            roles("GET", "/api/v1/hold-types", HOLD_OFFICES),
            roles("*", "/api/v1/hold-types", REGISTRAR),
            roles("*", "/api/v1/hold-types/**", REGISTRAR),
            roles("*", "/api/v1/holds", HOLD_OFFICES),
            roles("*", "/api/v1/holds/**", HOLD_OFFICES),
            roles("GET", "/api/v1/learners", LEARNER_READERS),
            roles("GET", "/api/v1/learners/**", LEARNER_READERS),
            roles("*", "/api/v1/learners", LEARNER_MANAGERS),
            roles("*", "/api/v1/learners/**", LEARNER_MANAGERS),
            // Scheduling: the registrar keeps terms, rooms, instructors' limits and sections; an instructor reads their
            // own.
            roles("*", "/manage/scheduling", REGISTRAR),
            roles("*", "/manage/scheduling/**", REGISTRAR),
            roles("*", "/api/v1/terms", REGISTRAR),
            roles("*", "/api/v1/terms/**", REGISTRAR),
            roles("*", "/api/v1/sections/**", REGISTRAR),
            roles("*", "/api/v1/buildings", REGISTRAR),
            roles("*", "/api/v1/buildings/**", REGISTRAR),
            roles("*", "/api/v1/rooms", REGISTRAR),
            roles("*", "/api/v1/rooms/**", REGISTRAR),
            roles("*", "/api/v1/instructors", REGISTRAR),
            roles("*", "/api/v1/instructors/**", REGISTRAR),
            roles("*", "/teach/sections", INSTRUCTOR),
            roles("*", "/api/v1/me/sections", INSTRUCTOR),
            // Grades and progress (ADR 53, 54): the instructor's grade roster; the learner's own audit; the registrar's
            // audits of any learner; the audit API for the registrar and integrators.
            roles("*", "/teach/sections/*/grades", INSTRUCTOR),
            roles("*", "/teach/sections/*/grades/**", INSTRUCTOR),
            roles("*", "/progress", LEARNER),
            roles("*", "/api/v1/me/audit", LEARNER),
            roles("*", "/progress/learners", REGISTRAR),
            roles("*", "/progress/learners/**", REGISTRAR),
            roles("*", "/progress/batch", REGISTRAR),
            roles("*", "/progress/batch/**", REGISTRAR),
            roles("*", "/api/v1/audits/**", REGISTRATION_API),
            roles("*", "/api/v1/grade-scale", EnumSet.of(Role.REGISTRAR, Role.INSTRUCTOR, Role.INTEGRATOR)),
            // Admissions CRM: campaigns, the funnel, person timelines; the signed unsubscribe link needs no sign-in.
            pub("*", "/unsubscribe/*"),
            roles("*", "/manage/admissions/campaigns", ADMISSIONS_CRM),
            roles("*", "/manage/admissions/campaigns/**", ADMISSIONS_CRM),
            roles("*", "/manage/admissions/funnel", ADMISSIONS_CRM),
            roles("*", "/manage/admissions/funnel/**", ADMISSIONS_CRM),
            roles("*", "/manage/admissions/people", ADMISSIONS_CRM),
            roles("*", "/manage/admissions/people/**", ADMISSIONS_CRM),
            roles("*", "/api/v1/admissions/campaigns", ADMISSIONS_CRM),
            roles("*", "/api/v1/admissions/campaigns/**", ADMISSIONS_CRM),
            roles("*", "/api/v1/admissions/funnel", ADMISSIONS_CRM),
            roles("*", "/api/v1/admissions/people/*/timeline", ADMISSIONS_CRM),
            roles("*", "/api/v1/me/record", LEARNER),
            roles("*", "/manage/notifications/**", ISSUERS),
            roles("*", "/manage/notifications", ISSUERS),
            roles("POST", "/credentials/issue", CREDENTIAL_API),
            roles("POST", "/credentials/status", CREDENTIAL_API),
            roles("GET", "/api/v1/issuer", CREDENTIAL_API),
            roles("*", "/manage/issuer/**", ADMIN),
            roles("*", "/manage/issuer", ADMIN),
            roles("*", "/manage/achievements/**", AUTHORS),
            roles("*", "/manage/achievements", AUTHORS),
            roles("*", "/manage/credentials/**", ISSUERS),
            roles("*", "/manage/credentials", ISSUERS),
            roles("*", "/manage/templates/**", ISSUERS),
            roles("*", "/manage/templates", ISSUERS),
            roles("*", "/manage/bulk/**", ISSUERS),
            roles("*", "/manage/bulk", ISSUERS),
            roles("*", "/api/v1/credentials/**", CREDENTIAL_API),
            roles("*", "/api/v1/credentials", CREDENTIAL_API),
            roles("*", "/api/v1/achievements/**", CREDENTIAL_API),
            roles("*", "/api/v1/achievements", CREDENTIAL_API),
            roles("*", "/api/v1/bulk-issuance/**", CREDENTIAL_API),
            roles("*", "/api/v1/bulk-issuance", CREDENTIAL_API),
            signedIn("GET", "/"),
            signedIn("POST", "/organizations/switch"),
            signedIn("GET", "/api/v1/wallet/credentials"),
            signedIn("*", "/account/tokens/**"),
            signedIn("*", "/account/tokens"),
            signedIn("*", "/account/passkeys/**"),
            signedIn("GET", "/account/passkeys"),
            signedIn("GET", "/api/v1/me"),
            signedIn("*", "/api/v1/tokens/**"),
            signedIn("*", "/api/v1/tokens"),
            signedIn("GET", "/api/v1/organization"),
            signedIn("GET", "/api/v1/organizations"),
            roles("*", "/admin/**", ADMIN),
            roles("*", "/organizations/new", ADMIN),
            roles("POST", "/organizations", ADMIN),
            roles("PUT", "/api/v1/organization", ADMIN),
            signedIn("GET", "/api/v1/organization/branding"),
            roles("PUT", "/api/v1/organization/branding", ADMIN),
            roles("*", "/api/v1/organization/logo", ADMIN),
            roles("POST", "/api/v1/organizations", ADMIN),
            roles("*", "/api/v1/users/**", ADMIN),
            roles("*", "/api/v1/users", ADMIN),
            roles("*", "/audit/**", AUDIT),
            roles("*", "/audit", AUDIT),
            roles("*", "/api/v1/audit/**", AUDIT));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    org.credo.platform.people.People people;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final Map<Role, CredoUser> users = new EnumMap<>(Role.class);
    final Map<Role, String> bearer = new EnumMap<>(Role.class);

    @BeforeEach
    void demoUsers() {
        for (var role : Role.values()) {
            var user = accounts.loadUserByUsername(DemoData.email(role));
            users.put(role, user);
            bearer.put(
                    role,
                    tokens.create(user, new ApiTokenRequest("matrix " + role, null, 1))
                            .token());
        }
    }

    @Test
    void everyEndpointAllowsExactlyTheRolesItShould() throws Exception {
        var uncovered = new TreeSet<String>();
        var wrong = new ArrayList<String>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET)
                    : info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                for (var method : methods) {
                    var rule = rule(method.name(), pattern);
                    if (rule == null) {
                        uncovered.add(method + " " + pattern);
                        continue;
                    }
                    checked++;
                    check(method.name(), pattern, rule, wrong);
                }
            }
        }
        assertThat(uncovered).as("endpoints that no authorization rule covers").isEmpty();
        assertThat(wrong).as("endpoints whose access differs from their rule").isEmpty();
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void anIntegratorOfAnotherOrganizationCannotUploadToOrSubmitAnApplication() throws Exception {
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        var draft = jdbc.sql("SELECT a.id FROM application a JOIN organization o ON o.id = a.organization_id"
                        + " WHERE o.slug = 'northfield' AND a.status = 'DRAFT' ORDER BY a.created_at, a.id LIMIT 1")
                .query(UUID.class)
                .single();
        var id = UUID.randomUUID();
        people.insert(
                new org.credo.platform.people.Person(
                        id, "integrator-" + id + "@harbor.test", "Harbor Integrator", null, null, Timestamps.now()),
                false);
        people.addMembership(harbor, id, EnumSet.of(Role.INTEGRATOR), Timestamps.now());
        var stranger = "Bearer "
                + tokens.create(
                                accounts.inOrganization(id, harbor).orElseThrow(),
                                new ApiTokenRequest("matrix harbor", null, 1))
                        .token();
        var events = jdbc.sql("SELECT count(*) FROM application_event WHERE application_id = ?")
                .param(draft)
                .query(Long.class)
                .single();
        var submit = mvc.perform(request(HttpMethod.POST, "/api/v1/applications/" + draft + "/submit")
                        .header("Authorization", stranger))
                .andReturn()
                .getResponse();
        assertThat(submit.getStatus()).isEqualTo(404);
        var upload = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/applications/" + draft + "/documents")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "t.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                        .param("field", "transcript")
                        .header("Authorization", stranger))
                .andReturn()
                .getResponse();
        assertThat(upload.getStatus()).isEqualTo(404);
        // The applicant's own token does not reach the staff endpoints either.
        assertThat(status("POST", "/api/v1/applications/" + draft + "/submit", null, bearer.get(Role.APPLICANT)))
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?")
                        .param(draft)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT count(*) FROM application_event WHERE application_id = ?")
                        .param(draft)
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
    }

    @Test
    void actuatorHealthIsPublicAndMetricsNeedAnAdministratorOrIntegratorToken() throws Exception {
        assertThat(status("GET", "/actuator/health", null, null)).isEqualTo(200);
        assertThat(status("GET", "/actuator/prometheus", null, null)).isEqualTo(401);
        assertThat(status("GET", "/actuator/prometheus", null, bearer.get(Role.LEARNER)))
                .isEqualTo(403);
        assertThat(status("GET", "/actuator/prometheus", null, bearer.get(Role.INTEGRATOR)))
                .isEqualTo(200);
    }

    private void check(String method, String pattern, Rule rule, List<String> wrong) throws Exception {
        var path = concrete(pattern);
        boolean api =
                path.startsWith("/api/") || path.startsWith("/credentials/") || path.startsWith("/presentations/");
        int anonymous = status(method, path, null, null);
        if (rule.access() == Access.OWN_TOKEN) {
            if (anonymous != 401) {
                wrong.add(method + " " + pattern + " anonymous → " + anonymous + " (expected 401)");
            }
            for (var role : Role.values()) {
                int status = status(method, path, users.get(role), null);
                if (status != 401) {
                    wrong.add(method + " " + pattern + " with the session of " + role + " → " + status
                            + " (a session must not stand in for its token)");
                }
            }
            return;
        }
        if (rule.access() == Access.EARNER) {
            var response = mvc.perform(builder(method, path)).andReturn().getResponse();
            var location = response.getRedirectedUrl();
            boolean guarded =
                    anonymous == 401 || anonymous == 400 || (location != null && location.contains("/wallet/sign-in"));
            if (!guarded) {
                wrong.add(method + " " + pattern + " anonymous → " + anonymous + " (expected the wallet's sign-in)");
            }
            return;
        }
        boolean anonymousAllowed = api
                ? anonymous != 401 && anonymous != 403
                : anonymous != 401 && anonymous != 403 && !redirectsToLogin(method, path);
        if (anonymousAllowed != (rule.access() == Access.PUBLIC)) {
            wrong.add(method + " " + pattern + " anonymous → " + anonymous + " "
                    + mvc.perform(builder(method, path))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl());
        }
        if (rule.access() == Access.PUBLIC) {
            return;
        }
        for (var role : Role.values()) {
            int status =
                    api ? status(method, path, null, bearer.get(role)) : status(method, path, users.get(role), null);
            boolean allowed =
                    status != 401 && status != 403 && !(status == 302 && !api && isLoginRedirect(method, path, role));
            boolean expected = rule.access() == Access.SIGNED_IN || rule.roles().contains(role);
            if (allowed != expected) {
                wrong.add(method + " " + pattern + " as " + role + " → " + status);
            }
        }
    }

    private boolean redirectsToLogin(String method, String path) throws Exception {
        var location =
                mvc.perform(builder(method, path)).andReturn().getResponse().getRedirectedUrl();
        return location != null && location.contains("/login");
    }

    private boolean isLoginRedirect(String method, String path, Role role) throws Exception {
        var result = mvc.perform(builder(method, path).with(authentication(token(users.get(role)))))
                .andReturn();
        var location = result.getResponse().getRedirectedUrl();
        return location != null && location.contains("/login");
    }

    private int status(String method, String path, @Nullable CredoUser user, @Nullable String token) throws Exception {
        var builder = builder(method, path);
        if (user != null) {
            builder.with(authentication(token(user)));
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(builder).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder builder(String method, String path) {
        var builder = request(HttpMethod.valueOf(method), path);
        if (!path.startsWith("/actuator/")) {
            builder.accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON);
        }
        if (!method.equals("GET")) {
            builder.with(csrf());
            if (path.startsWith("/api/") || path.startsWith("/credentials/") || path.startsWith("/presentations/")) {
                builder.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        return builder;
    }

    private static UsernamePasswordAuthenticationToken token(CredoUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", UUID.randomUUID().toString()).replace("/**", "/x");
    }

    private static @Nullable Rule rule(String method, String pattern) {
        var matcher = new AntPathMatcher();
        return RULES.stream()
                .filter(r -> r.method().equals("*") || r.method().equals(method))
                .filter(r -> matcher.match(r.pattern(), pattern) || r.pattern().equals(pattern))
                .findFirst()
                .orElse(null);
    }

    private static Rule pub(String method, String pattern) {
        return new Rule(method, pattern, Access.PUBLIC, Set.of());
    }

    private static Rule earner(String method, String pattern) {
        return new Rule(method, pattern, Access.EARNER, Set.of());
    }

    private static Rule ownToken(String method, String pattern) {
        return new Rule(method, pattern, Access.OWN_TOKEN, Set.of());
    }

    private static Rule signedIn(String method, String pattern) {
        return new Rule(method, pattern, Access.SIGNED_IN, Set.of());
    }

    private static Rule roles(String method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, Access.ROLES, roles);
    }
}
