package org.credo.catalog.publiccatalog;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.credo.credentials.AwardedAchievements.AwardedAchievement;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.TaggedPdf;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable brochure of a program: what it is, what it teaches, what it requires, what it costs and
 * when it starts, with the address of its page, as a tagged PDF (ADR 32). Every text from the catalog is escaped.
 */
@Component
class Brochures {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final TaggedPdf pdf;

    Brochures(TaggedPdf pdf) {
        this.pdf = pdf;
    }

    byte[] pdf(
            OrganizationSummary organization,
            PublishedProgram program,
            RequirementTrees.Requirement requirement,
            @Nullable AwardedAchievement achievement,
            List<CatalogReader.Intake> intakes,
            String pageUrl) {
        var facts = new StringBuilder();
        fact(facts, "Program type", program.programTypeLabel());
        fact(facts, "Level", program.level());
        fact(facts, "Credits", program.creditsText());
        fact(facts, "Time to complete", program.timeToCompleteLabel());
        fact(facts, "Delivery", program.deliveryModeLabel());
        if (program.tuitionAmount() != null) {
            fact(
                    facts,
                    "Tuition",
                    program.tuitionAmount().toPlainString() + " "
                            + (program.tuitionCurrency() == null ? "" : program.tuitionCurrency())
                            + (program.tuitionNote() == null ? "" : " (" + program.tuitionNote() + ")"));
        }
        if (achievement != null) {
            fact(facts, "Awards", achievement.name());
        }
        var outcomes = new StringBuilder();
        program.outcomes()
                .forEach(o -> outcomes.append("<li>").append(escape(o)).append("</li>"));
        var requirements = new StringBuilder();
        requirementHtml(requirements, requirement);
        var starts = new StringBuilder();
        for (var intake : intakes) {
            starts.append("<li>")
                    .append(escape(intake.termName()))
                    .append(": starts ")
                    .append(DATE.format(intake.startsOn()))
                    .append(
                            intake.applicationDeadline() == null
                                    ? ""
                                    : ", apply by " + DATE.format(intake.applicationDeadline()))
                    .append("</li>");
        }
        var html = """
                <html lang="en"><head><style>
                  @page { size: A4; margin: 18mm; }
                  body { font-family: "Liberation Sans", sans-serif; color: #1d2b3a; font-size: 10.5pt; }
                  .org { color: #1d4e89; text-transform: uppercase; letter-spacing: 1px; font-size: 11pt; }
                  h1 { font-size: 22pt; margin: 2mm 0 4mm 0; }
                  h2 { font-size: 13pt; color: #1d4e89; margin: 6mm 0 2mm 0; }
                  table.facts td { padding: 1mm 4mm 1mm 0; vertical-align: top; }
                  table.facts td.k { color: #44546a; }
                  ul { margin: 0; padding-left: 6mm; }
                  .foot { margin-top: 8mm; font-size: 9pt; color: #44546a; }
                </style></head><body>
                  <div class="org">%s</div>
                  <h1>%s</h1>
                  <p>%s</p>
                  <table class="facts">%s</table>
                  %s
                  <h2>Requirements</h2>
                  %s
                  %s
                  <div class="foot">Program %s, catalog version %d, effective %s. Details and applications: %s</div>
                </body></html>
                """.formatted(
                        escape(organization.name()),
                        escape(program.name()),
                        escape(program.description()),
                        facts,
                        outcomes.isEmpty() ? "" : "<h2>What you will learn</h2><ul>" + outcomes + "</ul>",
                        requirements,
                        starts.isEmpty() ? "" : "<h2>Upcoming starts</h2><ul>" + starts + "</ul>",
                        escape(program.code()),
                        program.version(),
                        DATE.format(program.effectiveFrom()),
                        escape(pageUrl));
        return pdf.render(
                html,
                program.name() + " \u2014 " + organization.name(),
                "Brochure of the program " + program.name() + " at " + organization.name() + ".");
    }

    private static void requirementHtml(StringBuilder html, RequirementTrees.Requirement node) {
        var line = node.course() == null
                ? node.text()
                : node.course() + (node.text().isEmpty() ? "" : " (" + node.text() + ")");
        html.append("<div>").append(escape(line)).append("</div>");
        if (!node.items().isEmpty()) {
            html.append("<ul>");
            for (var item : node.items()) {
                html.append("<li>");
                requirementHtml(html, item);
                html.append("</li>");
            }
            html.append("</ul>");
        }
    }

    private static void fact(StringBuilder html, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            html.append("<tr><td class=\"k\">")
                    .append(escape(key))
                    .append("</td><td>")
                    .append(escape(value))
                    .append("</td></tr>");
        }
    }

    private static String escape(String text) {
        // Numeric escapes keep the XHTML well-formed for the PDF renderer (no named HTML entities).
        return HtmlUtils.htmlEscapeDecimal(text);
    }
}
