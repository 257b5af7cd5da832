package org.credo.billing.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Money;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CsvReader;
import org.credo.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payment provider's or bank's settlement file: one payment a line, with the header
 * {@code date,learner_number,amount,currency,reference}. Every line is checked first (unknown learner, bad amount,
 * another currency, a reference twice in the file) and every problem reported with its line; a file with any
 * problem applies nothing. A clean file posts every line as a payment in one transaction, each idempotent by its
 * reference, so importing the same file again posts nothing more.
 */
@Service
public class Settlements {

    /** A problem on a line of the file. */
    public record LineProblem(int line, String column, String message) {}

    /** What an import did: lines posted and lines already posted before (same reference). */
    public record Outcome(int posted, int alreadyPosted, BigDecimal total) {}

    static final List<String> HEADER = List.of("date", "learner_number", "amount", "currency", "reference");

    private final Learners learners;
    private final BillingSettings settings;
    private final Payments payments;

    Settlements(Learners learners, BillingSettings settings, Payments payments) {
        this.learners = learners;
        this.settings = settings;
        this.payments = payments;
    }

    private record Line(int number, UUID learnerId, BigDecimal amount, String reference) {}

    /** Checks and applies a settlement file; any problem refuses the whole file with every problem listed. */
    @Transactional
    public Outcome apply(ChangeStamp stamp, byte[] file) {
        var organizationId = stamp.organizationId();
        List<List<String>> rows;
        try {
            rows = CsvReader.read(file);
        } catch (CsvReader.Unreadable e) {
            throw ProblemException.badRequest("Unreadable file", e.getMessage());
        }
        if (rows.isEmpty()
                || !rows.get(0).stream()
                        .map(c -> c.trim().toLowerCase(Locale.ROOT))
                        .toList()
                        .equals(HEADER)) {
            throw ProblemException.badRequest(
                    "Unexpected header", "The first line must be: " + String.join(",", HEADER) + ".");
        }
        var currency = settings.of(organizationId).currency();
        var problems = new ArrayList<LineProblem>();
        var lines = new ArrayList<Line>();
        var references = new HashSet<String>();
        for (int i = 1; i < rows.size(); i++) {
            var row = rows.get(i);
            int number = i + 1;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != HEADER.size()) {
                problems.add(new LineProblem(number, "", "expected 5 columns, found " + row.size() + "."));
                continue;
            }
            var before = problems.size();
            try {
                LocalDate.parse(row.get(0).trim());
            } catch (DateTimeParseException e) {
                problems.add(new LineProblem(number, "date", "write the date as YYYY-MM-DD."));
            }
            var learnerNumber = row.get(1).trim();
            var learner = learnerNumber.isEmpty()
                    ? java.util.Optional.<Learners.LearnerSummary>empty()
                    : learners.search(organizationId, learnerNumber, 5).stream()
                            .filter(l -> l.learnerNumber().equalsIgnoreCase(learnerNumber))
                            .findFirst();
            if (learner.isEmpty()) {
                problems.add(
                        new LineProblem(number, "learner_number", "no learner has the number " + learnerNumber + "."));
            }
            BigDecimal amount = null;
            try {
                amount = Money.parse("amount", row.get(2));
            } catch (ProblemException e) {
                problems.add(new LineProblem(number, "amount", e.getMessage().replaceFirst("^amount: ", "")));
            }
            if (!row.get(3).trim().equalsIgnoreCase(currency)) {
                problems.add(new LineProblem(
                        number,
                        "currency",
                        "the line is in " + row.get(3).trim() + "; the organization bills in " + currency + "."));
            }
            var reference = row.get(4).trim();
            if (reference.isEmpty() || reference.length() > 150) {
                problems.add(
                        new LineProblem(number, "reference", "give the settlement reference, up to 150 characters."));
            } else if (!references.add(reference)) {
                problems.add(new LineProblem(number, "reference", "this reference is on another line of the file."));
            }
            if (problems.size() == before) {
                lines.add(new Line(number, learner.orElseThrow().learnerId(), amount, reference));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Settlement file refused",
                    problems.size()
                            + " problem(s); nothing was applied. Fix the lines and import the whole file again.",
                    java.util.Map.of("lines", problems));
        }
        int posted = 0;
        var total = BigDecimal.ZERO.setScale(2);
        for (var line : lines) {
            var entry = payments.receive(
                    stamp,
                    line.learnerId(),
                    PaymentMethod.ONLINE,
                    line.amount(),
                    line.reference(),
                    "settlement:" + line.reference());
            if (entry.isPresent()) {
                posted++;
                total = total.add(line.amount());
            }
        }
        return new Outcome(posted, lines.size() - posted, total);
    }

    /** The file's text as bytes, for callers holding text. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
