package org.credo.registration.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import org.credo.learners.HoldAction;
import org.credo.learners.Holds;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.credo.registration.enrollment.ClassStanding;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.RegistrationWindows;
import org.credo.registration.enrollment.Waitlists;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, opens registration for Northfield's terms and gives its learners schedules through the real
 * registration path: the demo learner, learner@northfield.test, took DATA 101 in Fall 2026 and carries MATH 120 in
 * Spring 2027; DATA 201-01 is full with a waitlist, the demo learner first in line; learners with a registration
 * hold have none (their refusal says why).
 */
@Component
@Order(70)
class RegistrationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegistrationDemoData.class);
    private static final String REASON = "Demo data: placed by the registrar";

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Scheduling scheduling;
    private final RegistrationWindows windows;
    private final Enrollments enrollments;
    private final Waitlists waitlists;
    private final Learners learners;
    private final Holds holds;

    RegistrationDemoData(
            CredoProperties properties,
            Organizations organizations,
            Scheduling scheduling,
            RegistrationWindows windows,
            Enrollments enrollments,
            Waitlists waitlists,
            Learners learners,
            Holds holds) {
        this.properties = properties;
        this.organizations = organizations;
        this.scheduling = scheduling;
        this.windows = windows;
        this.enrollments = enrollments;
        this.waitlists = waitlists;
        this.learners = learners;
        this.holds = holds;
    }

    @Override
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        var zone = ZoneId.of(northfield.get().timeZone());
        var fall = scheduling.term(org, "FA26");
        var spring = scheduling.term(org, "SP27");
        if (fall.isEmpty()
                || spring.isEmpty()
                || windows.of(org, spring.get().termId()).isPresent()) {
            return;
        }
        windows.save(
                org,
                fall.get().termId(),
                LocalDate.of(2026, 4, 1).atStartOfDay(zone).toInstant(),
                new BigDecimal("18"),
                48);
        // Spring opens by class standing, a day apart from seniors down, and for everyone on 2 November.
        windows.save(
                org,
                spring.get().termId(),
                LocalDate.of(2026, 11, 2).atStartOfDay(zone).toInstant(),
                new BigDecimal("18"),
                48,
                3,
                java.util.Map.of(
                        ClassStanding.SENIOR,
                                LocalDate.of(2026, 10, 27)
                                        .atTime(8, 0)
                                        .atZone(zone)
                                        .toInstant(),
                        ClassStanding.JUNIOR,
                                LocalDate.of(2026, 10, 28)
                                        .atTime(8, 0)
                                        .atZone(zone)
                                        .toInstant(),
                        ClassStanding.SOPHOMORE,
                                LocalDate.of(2026, 10, 29)
                                        .atTime(8, 0)
                                        .atZone(zone)
                                        .toInstant(),
                        ClassStanding.FIRST_YEAR,
                                LocalDate.of(2026, 10, 30)
                                        .atTime(8, 0)
                                        .atZone(zone)
                                        .toInstant()));
        var registrar = new Enrollments.Actor(null, "Registrar's office (demo)", true);
        var fallSections = scheduling.sections(org, fall.get().termId());
        var springSections = scheduling.sections(org, spring.get().termId());
        var eligible = new ArrayList<UUID>();
        UUID leo = null;
        for (var a : learners.addressees(org, null, LearnerStatus.ACTIVE, 200)) {
            if (a.emails().contains("learner@northfield.test")) {
                leo = a.learnerId();
            } else if (!holds.blocks(org, a.learnerId(), HoldAction.REGISTRATION)) {
                eligible.add(a.learnerId());
            }
        }
        if (leo != null) {
            enroll(org, leo, find(fallSections, "DATA 101", "01"), registrar);
            enroll(org, leo, find(springSections, "MATH 120", "01"), registrar);
        }
        var full = find(springSections, "DATA 201", "01");
        if (full == null) {
            return;
        }
        int seated = 0;
        for (var learner : eligible) {
            if (seated < full.capacity()) {
                enroll(org, learner, find(fallSections, "DATA 101", "01"), registrar);
                enroll(org, learner, full, registrar);
                seated++;
            }
        }
        if (leo != null) {
            try {
                waitlists.join(org, leo, full, enrollments.refusals(org, leo, full.sectionId(), null));
            } catch (ProblemException refused) {
                log.info("Demo waitlist skipped: {}", refused.getMessage());
            }
        }
        log.info(
                "Demo registration seeded for Northfield: windows for FA26 and SP27, {} learners in {}",
                seated,
                full.courseCode() + "-" + full.sectionNumber());
    }

    private void enroll(UUID org, UUID learner, SectionRecord section, Enrollments.Actor registrar) {
        if (section == null) {
            return;
        }
        try {
            enrollments.add(org, learner, section.sectionId(), registrar, REASON);
        } catch (ProblemException refused) {
            log.info("Demo registration skipped {}: {}", section.courseCode(), refused.getMessage());
        }
    }

    private static SectionRecord find(java.util.List<SectionRecord> sections, String course, String number) {
        return sections.stream()
                .filter(s -> s.courseCode().equals(course) && s.sectionNumber().equals(number))
                .findFirst()
                .orElse(null);
    }
}
