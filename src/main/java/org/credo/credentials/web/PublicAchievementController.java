package org.credo.credentials.web;

import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.CredentialDocuments;
import org.credo.platform.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public description of an achievement, at the URL credentials name as its id. Drafts are not public. */
@RestController
class PublicAchievementController {

    private final Achievements achievements;
    private final CredentialDocuments documents;
    private final JdbcClient jdbc;

    PublicAchievementController(Achievements achievements, CredentialDocuments documents, JdbcClient jdbc) {
        this.achievements = achievements;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/achievements/{id}", produces = "application/json")
    ResponseEntity<String> achievement(@PathVariable UUID id) {
        var organization = jdbc.sql("SELECT organization_id FROM achievement WHERE id = ?")
                .param(id)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That achievement"));
        var achievement = achievements
                .find(organization, id)
                .filter(a -> a.status() != Achievement.Status.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("That achievement"));
        return ResponseEntity.ok(documents.achievementJson(achievement).toString());
    }
}
