package org.credo.credentials;

import java.util.List;
import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.signing.Cryptosuite;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Achievements and requests for credential tests, in the demo organization. */
public final class CredentialFixtures {

    private CredentialFixtures() {}

    public static UUID northfield(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    public static Achievement publishedAchievement(Achievements achievements, UUID organizationId) {
        var draft = achievements.draft(
                organizationId,
                new AchievementDraft(
                        "Data Analysis Certificate "
                                + UUID.randomUUID().toString().substring(0, 6),
                        "Awarded for completing the data analysis certificate program.",
                        "Complete three courses with a grade of C or better.",
                        null,
                        AchievementType.Certificate,
                        new java.math.BigDecimal("9"),
                        "Data Science",
                        List.of("data", "analytics"),
                        List.of(new AchievementDraft.Alignment(
                                "Statistical reasoning",
                                "https://example.org/frameworks/stats",
                                "Reason with data",
                                "STAT-1",
                                "Example Framework")),
                        List.of(new AchievementDraft.ResultDescription(
                                "Final grade", "LetterGrade", List.of("A", "B", "C")))));
        return achievements.publish(organizationId, draft.id());
    }

    public static IssueRequest request(UUID achievementId, String email, Cryptosuite suite) {
        return request(achievementId, new IssueRequest.Recipient("Leo Learner", email, "S-1001", null), suite);
    }

    /** A request with evidence and a grade, to a given recipient. */
    public static IssueRequest request(UUID achievementId, IssueRequest.Recipient recipient, Cryptosuite suite) {
        return new IssueRequest(
                achievementId,
                recipient,
                null,
                null,
                List.of(new IssueRequest.Evidence(
                        "Capstone project", "A dashboard of city bike usage.", "https://example.org/capstone/1")),
                List.of(new IssueRequest.ResultValue("Final grade", "A")),
                suite);
    }
}
