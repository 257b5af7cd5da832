package org.credo.credentials.achievement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Open Badges 3.0 Achievement fields an author fills in. */
public record AchievementDraft(
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Size(max = 4000) String criteriaNarrative,

        @Nullable @Size(max = 500) @Pattern(regexp = "(https?|data):\\S+", message = "must be an http(s) or data: URL")
        String imageUrl,

        @NotNull AchievementType achievementType,
        @Nullable @DecimalMin("0") BigDecimal creditsAvailable,
        @Nullable @Size(max = 200) String fieldOfStudy,
        // Lists are bounded so that every credential of the achievement stays far below the verification limits.
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 60) String> tags,
        @Nullable @Size(max = 100) List<@Valid Alignment> alignments,
        @Nullable @Size(max = 20) List<@Valid ResultDescription> resultDescriptions) {

    /** An alignment to a competency framework or other standard. */
    public record Alignment(
            @NotBlank @Size(max = 300) String targetName,

            @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String targetUrl,

            @Nullable @Size(max = 1000) String targetDescription,
            @Nullable @Size(max = 100) String targetCode,
            @Nullable @Size(max = 300) String targetFramework) {}

    /** A kind of result a credential of this achievement may report, e.g. a grade. */
    public record ResultDescription(
            @NotBlank @Size(max = 200) String name,

            @NotBlank
            @Pattern(
                    regexp =
                            "GradePointAverage|LetterGrade|Percent|PerformanceLevel|PredictedScore|RawScore|Result|RubricCriterion|RubricCriterionLevel|RubricScore|ScaledScore|Status",
                    message = "must be an Open Badges ResultType such as LetterGrade or Percent")
            String resultType,

            @Nullable @Size(max = 20) List<@Size(max = 100) String> allowedValues) {}
}
