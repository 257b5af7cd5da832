package org.credo.platform.demo;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PersonInvited;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.credo.platform.organization.OrganizationService;
import org.credo.platform.organization.OrganizationSettings;
import org.credo.platform.people.People;
import org.credo.platform.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo organizations and one demo login per role, once, in demo mode. The logins are
 * listed in the README; production mode refuses to start while they exist.
 */
@Component
@Order(0)
public class DemoData implements ApplicationRunner {

    /** The password of every demo login. */
    public static final String PASSWORD = "credo-demo-password";

    /** The demo organization every demo login belongs to. */
    public static final String ORGANIZATION = "northfield";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CredoProperties properties;
    /** Northfield's demo logo: an open book under a star, drawn for the demo. */
    static final String NORTHFIELD_LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">
              <title>Northfield College</title>
              <rect width="120" height="120" rx="18" fill="#14532d"/>
              <path d="M60 14 l6 13 14 1 -11 9 4 14 -13 -8 -13 8 4 -14 -11 -9 14 -1z" fill="#f59e0b"/>
              <path d="M18 62 q21 -8 40 4 v38 q-19 -11 -40 -4z" fill="#ffffff"/>
              <path d="M102 62 q-21 -8 -40 4 v38 q19 -11 40 -4z" fill="#e5e7eb"/>
            </svg>
            """;

    private final OrganizationService organizations;
    private final org.credo.platform.branding.BrandingService brandings;
    private final People people;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    DemoData(
            CredoProperties properties,
            OrganizationService organizations,
            org.credo.platform.branding.BrandingService brandings,
            People people,
            PasswordEncoder encoder,
            ApplicationEventPublisher events) {
        this.brandings = brandings;
        this.properties = properties;
        this.organizations = organizations;
        this.people = people;
        this.encoder = encoder;
        this.events = events;
    }

    /** The demo login of each role: {@code <role>@northfield.test}, e.g. {@code registrar@northfield.test}. */
    public static String email(Role role) {
        return role.name().toLowerCase().replace('_', '-') + "@northfield.test";
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo() || organizations.findBySlug(ORGANIZATION).isPresent()) {
            return;
        }
        var hash = encoder.encode(PASSWORD);
        var now = Timestamps.now();
        var admin = person(email(Role.ADMINISTRATOR), "Ada Administrator", hash);
        var northfield = organizations.create(
                ORGANIZATION,
                new OrganizationSettings(
                        "Northfield College",
                        "America/Chicago",
                        "https://northfield.test",
                        null,
                        "registrar@northfield.test"),
                admin);
        var harbor = organizations.create(
                "harbor",
                new OrganizationSettings(
                        "Harbor Coding Bootcamp", "Europe/London", "https://harbor.test", null, "hello@harbor.test"),
                admin);

        brandings.colours(northfield.id(), "#14532d", "#b45309");
        brandings.logo(northfield.id(), NORTHFIELD_LOGO.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        people.setLastOrganization(admin, northfield.id());
        var names = new LinkedHashMap<Role, String>();
        names.put(Role.REGISTRAR, "Rosa Registrar");
        names.put(Role.CURRICULUM_AUTHOR, "Carl Curriculum");
        names.put(Role.COMMITTEE_MEMBER, "Cora Committee");
        names.put(Role.CATALOG_EDITOR, "Cato Catalog");
        names.put(Role.ADMISSIONS_OFFICER, "Adam Admissions");
        names.put(Role.APPLICANT, "Abby Applicant");
        names.put(Role.INSTRUCTOR, "Ines Instructor");
        names.put(Role.ADVISOR, "Avery Advisor");
        names.put(Role.BURSAR, "Bea Bursar");
        names.put(Role.LEARNER, "Leo Learner");
        names.put(Role.AUDITOR, "Audra Auditor");
        names.put(Role.INTEGRATOR, "Ivan Integrator");
        for (Map.Entry<Role, String> entry : names.entrySet()) {
            var id = person(email(entry.getKey()), entry.getValue(), hash);
            member(northfield.id(), id, email(entry.getKey()), EnumSet.of(entry.getKey()), now);
        }
        // A learner of both organizations shows the organization switcher.
        var learner = people.findByEmail(email(Role.LEARNER)).orElseThrow().id();
        member(harbor.id(), learner, email(Role.LEARNER), EnumSet.of(Role.LEARNER), now);
        people.setLastOrganization(learner, northfield.id());
        // Someone invited who has not accepted yet, and a former instructor.
        var invited = UUID.randomUUID();
        people.insert(new Person(invited, "new.instructor@northfield.test", "Nina Newcomer", null, null, now), true);
        member(northfield.id(), invited, "new.instructor@northfield.test", EnumSet.of(Role.INSTRUCTOR), now);
        log.info(
                "Demo data seeded: sign in at {} as {} with password {}",
                properties.link("/login"),
                email(Role.ADMINISTRATOR),
                PASSWORD);
    }

    private UUID person(String email, String name, String hash) {
        var id = UUID.randomUUID();
        people.insert(new Person(id, email, name, hash, null, Timestamps.now()), true);
        return id;
    }

    private void member(UUID organizationId, UUID personId, String email, EnumSet<Role> roles, java.time.Instant now) {
        people.addMembership(organizationId, personId, roles, now);
        events.publishEvent(new PersonInvited(ChangeStamp.now(organizationId), personId, email, roles.toString()));
    }
}
