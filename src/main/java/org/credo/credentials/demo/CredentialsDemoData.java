package org.credo.credentials.demo;

import java.math.BigDecimal;
import java.util.List;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementImages;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuer.IssuancePolicy;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives Northfield College two published achievements and a few credentials in every state, and Harbor
 * one credential for the demo learner, whose wallet so shows two organizations.
 */
@Component
@Order(10)
class CredentialsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CredentialsDemoData.class);

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Achievements achievements;
    private final Issuance issuance;
    private final Issuers issuers;
    private final AchievementImages pictures;

    CredentialsDemoData(
            AchievementImages pictures,
            CredoProperties properties,
            Organizations organizations,
            Achievements achievements,
            Issuance issuance,
            Issuers issuers) {
        this.issuers = issuers;
        this.pictures = pictures;
        this.properties = properties;
        this.organizations = organizations;
        this.achievements = achievements;
        this.issuance = issuance;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo()
                || northfield.isEmpty()
                || !achievements.all(northfield.get().id()).isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        // Demo mode shows the VC-API issuing any credential, as the W3C suites need.
        issuers.usePolicy(org, new IssuancePolicy(true, false));
        var data = achievements.publish(
                org,
                achievements
                        .draft(
                                org,
                                new AchievementDraft(
                                        "Certificate in Data Analysis",
                                        "Recognizes the ability to clean, analyse and present data with spreadsheets, SQL and Python.",
                                        "Complete Data Foundations, SQL for Analysts and Python for Data with a grade of C or better.",
                                        null,
                                        AchievementType.Certificate,
                                        new BigDecimal("9"),
                                        "Data Science",
                                        List.of("data", "sql", "python"),
                                        List.of(new AchievementDraft.Alignment(
                                                "Data analysis",
                                                "https://northfield.test/outcomes/data-analysis",
                                                null,
                                                "DA-1",
                                                null)),
                                        List.of(new AchievementDraft.ResultDescription(
                                                "Final grade", "LetterGrade", List.of("A", "B", "C")))))
                        .id());
        var safety = achievements.publish(
                org,
                achievements
                        .draft(
                                org,
                                new AchievementDraft(
                                        "Laboratory Safety Badge",
                                        "Awarded to learners who completed laboratory safety training.",
                                        "Attend the two-hour safety session and pass the practical check.",
                                        null,
                                        AchievementType.Badge,
                                        null,
                                        "Chemistry",
                                        List.of("safety"),
                                        null,
                                        null))
                        .id());
        // Generated designs in Northfield's colours, so the demo badges look like badges.
        pictures.generate(org, data.id());
        pictures.generate(org, safety.id());
        var leo = issuance.issue(
                org,
                request(data.id(), "Leo Learner", "learner@northfield.test", "A", Cryptosuite.RDFC),
                "Rosa Registrar",
                null);
        issuance.issue(
                org,
                request(data.id(), "Mia Moreno", "mia.moreno@example.test", "B", Cryptosuite.JCS),
                "Rosa Registrar",
                null);
        var sam = issuance.issue(
                org,
                request(safety.id(), "Sam Sato", "sam.sato@example.test", null, Cryptosuite.RDFC),
                "Rosa Registrar",
                null);
        var ana = issuance.issue(
                org,
                request(safety.id(), "Ana Alves", "ana.alves@example.test", null, Cryptosuite.JCS),
                "Rosa Registrar",
                null);
        issuance.suspend(org, sam.id(), "Safety check under review");
        // The demo learner studies at Harbor too: the wallet shows credentials from two organizations.
        organizations.findBySlug("harbor").ifPresent(harbor -> {
            var web = achievements.publish(
                    harbor.id(),
                    achievements
                            .draft(
                                    harbor.id(),
                                    new AchievementDraft(
                                            "Full-Stack Web Developer",
                                            "Builds and deploys a web application with a tested back end and an accessible front end.",
                                            "Ship the capstone project and pass the code review.",
                                            null,
                                            AchievementType.Certificate,
                                            null,
                                            "Web Development",
                                            List.of("web", "javascript"),
                                            null,
                                            null))
                            .id());
            issuance.issue(
                    harbor.id(),
                    request(web.id(), "Leo Learner", "learner@northfield.test", null, Cryptosuite.JCS),
                    "Harbor Coding Bootcamp",
                    null);
        });
        issuance.revoke(org, ana.id(), "Issued in error: the practical check was not passed");
        log.info("Demo credentials issued; verify one at {}", properties.link("/verify/" + leo.id()));
    }

    private static IssueRequest request(
            java.util.UUID achievement, String name, String email, String grade, Cryptosuite suite) {
        return new IssueRequest(
                achievement,
                new IssueRequest.Recipient(name, email, null, null),
                null,
                null,
                null,
                grade == null ? null : List.of(new IssueRequest.ResultValue("Final grade", grade)),
                suite);
    }
}
