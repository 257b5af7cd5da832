package org.credo.billing.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Receivables;
import org.credo.learners.Learners;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.platform.TaggedPdf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * A learner's statement as a tagged PDF, on demand: balance, past due, what is open oldest first and the latest 50
 * entries, in the organization's time zone.
 */
@Service
public class Statements {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Learners learners;
    private final Ledger ledger;
    private final Receivables receivables;
    private final BillingSettings settings;
    private final TaggedPdf pdf;

    Statements(Learners learners, Ledger ledger, Receivables receivables, BillingSettings settings, TaggedPdf pdf) {
        this.learners = learners;
        this.ledger = ledger;
        this.receivables = receivables;
        this.settings = settings;
        this.pdf = pdf;
    }

    /** The learner's statement as of today in the zone. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID organizationId, String organizationName, UUID learnerId, ZoneId zone) {
        var learner =
                learners.find(organizationId, learnerId).orElseThrow(() -> ProblemException.notFound("That learner"));
        var today = LocalDate.now(zone);
        var currency = settings.of(organizationId).currency();
        var html = new StringBuilder();
        html.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>Statement</title><style>")
                .append("body{font-family:'Liberation Sans';font-size:10pt}table{width:100%;border-collapse:collapse}")
                .append("th,td{text-align:left;padding:3pt;border-bottom:0.5pt solid #999}.n{text-align:right}")
                .append("</style></head><body>");
        html.append("<h1>").append(e(organizationName)).append(": statement of account</h1>");
        html.append("<p>")
                .append(e(learner.name()))
                .append(" · ")
                .append(e(learner.learnerNumber()))
                .append("<br/>As of ")
                .append(DAY.format(today))
                .append("</p>");
        html.append("<p><strong>Balance: ")
                .append(money(ledger.balance(organizationId, learnerId), currency))
                .append("</strong><br/>Past due: ")
                .append(money(receivables.pastDue(organizationId, learnerId, today), currency))
                .append("</p>");
        html.append("<h2>What is due</h2><table><thead><tr><th>Due</th><th>Charge</th><th class=\"n\">Open</th></tr>")
                .append("</thead><tbody>");
        var open = receivables.charges(organizationId, learnerId).stream()
                .filter(c -> c.open().signum() > 0)
                .toList();
        if (open.isEmpty()) {
            html.append("<tr><td colspan=\"3\">Nothing is due.</td></tr>");
        }
        for (var c : open) {
            html.append("<tr><td>")
                    .append(DAY.format(c.dueOn()))
                    .append("</td><td>")
                    .append(e(c.description()))
                    .append("</td><td class=\"n\">")
                    .append(money(c.open(), currency))
                    .append("</td></tr>");
        }
        html.append("</tbody></table><h2>Activity</h2><table><thead><tr><th>#</th><th>Posted</th><th>What</th>")
                .append("<th class=\"n\">Amount</th></tr></thead><tbody>");
        var activity = ledger.activity(organizationId, learnerId, PageQuery.of(0, 50, null, Ledger.SORTABLE, false));
        for (var entry : activity.items()) {
            html.append("<tr><td>")
                    .append(entry.number())
                    .append("</td><td>")
                    .append(DAY.format(entry.postedAt().atZone(zone)))
                    .append("</td><td>")
                    .append(e(entry.description()))
                    .append("</td><td class=\"n\">")
                    .append(money(entry.receivable(), currency))
                    .append("</td></tr>");
        }
        html.append("</tbody></table></body></html>");
        return pdf.render(
                html.toString(),
                "Statement of account, " + learner.name(),
                organizationName + " statement for " + learner.learnerNumber() + " as of " + today);
    }

    private static String money(BigDecimal amount, String currency) {
        return String.format(Locale.ENGLISH, "%,.2f", amount) + " " + currency;
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
