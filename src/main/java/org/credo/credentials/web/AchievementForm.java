package org.credo.credentials.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementType;

/** The achievement form as typed; list fields are one item per line. */
public class AchievementForm {

    private String name = "";
    private String description = "";
    private String criteriaNarrative = "";
    private String imageUrl = "";
    private AchievementType achievementType = AchievementType.Certificate;
    private String creditsAvailable = "";
    private String fieldOfStudy = "";
    private String tags = "";
    private String alignments = "";
    private String resultDescriptions = "";

    static AchievementForm of(AchievementDraft d) {
        var form = new AchievementForm();
        form.name = d.name();
        form.description = d.description();
        form.criteriaNarrative = d.criteriaNarrative();
        form.imageUrl = d.imageUrl() == null ? "" : d.imageUrl();
        form.achievementType = d.achievementType();
        form.creditsAvailable =
                d.creditsAvailable() == null ? "" : d.creditsAvailable().toPlainString();
        form.fieldOfStudy = d.fieldOfStudy() == null ? "" : d.fieldOfStudy();
        form.tags = d.tags() == null ? "" : String.join(", ", d.tags());
        form.alignments = d.alignments() == null
                ? ""
                : String.join(
                        "\n",
                        d.alignments().stream()
                                .map(a -> a.targetName() + " | " + a.targetUrl()
                                        + (a.targetCode() == null ? "" : " | " + a.targetCode()))
                                .toList());
        form.resultDescriptions = d.resultDescriptions() == null
                ? ""
                : String.join(
                        "\n",
                        d.resultDescriptions().stream()
                                .map(r -> r.name() + " | " + r.resultType()
                                        + (r.allowedValues() == null
                                                ? ""
                                                : " | " + String.join(", ", r.allowedValues())))
                                .toList());
        return form;
    }

    /** The draft these fields describe; a number or a line that cannot be read is reported by field. */
    AchievementDraft draft(List<String[]> errors) {
        BigDecimal credits = null;
        if (!creditsAvailable.isBlank()) {
            try {
                credits = new BigDecimal(creditsAvailable.trim());
            } catch (NumberFormatException e) {
                errors.add(new String[] {"creditsAvailable", "must be a number such as 3 or 7.5"});
            }
        }
        var alignmentList = new ArrayList<AchievementDraft.Alignment>();
        for (var line : lines(alignments)) {
            var parts = line.split("\\|");
            if (parts.length < 2) {
                errors.add(new String[] {"alignments", "write each alignment as: name | URL (| code)"});
                continue;
            }
            alignmentList.add(new AchievementDraft.Alignment(
                    parts[0].trim(), parts[1].trim(), null, parts.length > 2 ? parts[2].trim() : null, null));
        }
        var resultList = new ArrayList<AchievementDraft.ResultDescription>();
        for (var line : lines(resultDescriptions)) {
            var parts = line.split("\\|");
            if (parts.length < 2) {
                errors.add(
                        new String[] {"resultDescriptions", "write each result as: name | type (| allowed, values)"});
                continue;
            }
            resultList.add(new AchievementDraft.ResultDescription(
                    parts[0].trim(),
                    parts[1].trim(),
                    parts.length > 2
                            ? Arrays.stream(parts[2].split(","))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList()
                            : null));
        }
        var tagList = Arrays.stream(tags.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return new AchievementDraft(
                name.trim(),
                description.trim(),
                criteriaNarrative.trim(),
                imageUrl.isBlank() ? null : imageUrl.trim(),
                achievementType,
                credits,
                fieldOfStudy.isBlank() ? null : fieldOfStudy.trim(),
                tagList.isEmpty() ? null : tagList,
                alignmentList.isEmpty() ? null : alignmentList,
                resultList.isEmpty() ? null : resultList);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCriteriaNarrative() {
        return criteriaNarrative;
    }

    public void setCriteriaNarrative(String criteriaNarrative) {
        this.criteriaNarrative = criteriaNarrative;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    public AchievementType getAchievementType() {
        return achievementType;
    }

    public void setAchievementType(AchievementType achievementType) {
        this.achievementType = achievementType;
    }

    public String getCreditsAvailable() {
        return creditsAvailable;
    }

    public void setCreditsAvailable(String creditsAvailable) {
        this.creditsAvailable = creditsAvailable;
    }

    public String getFieldOfStudy() {
        return fieldOfStudy;
    }

    public void setFieldOfStudy(String fieldOfStudy) {
        this.fieldOfStudy = fieldOfStudy;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getAlignments() {
        return alignments;
    }

    public void setAlignments(String alignments) {
        this.alignments = alignments;
    }

    public String getResultDescriptions() {
        return resultDescriptions;
    }

    public void setResultDescriptions(String resultDescriptions) {
        this.resultDescriptions = resultDescriptions;
    }
}
