package org.credo.credentials.insight;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credentials list as CSV (RFC 4180): the list's search, status, achievement and order, written row by row as the
 * database returns them. A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe; times are in the organization's zone, with its offset, and the header
 * names the zone.
 */
@Service
public class CredentialExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final IssuedCredentials credentials;
    private final TransactionTemplate transactions;
    private final CredoProperties properties;

    CredentialExport(IssuedCredentials credentials, TransactionTemplate transactions, CredoProperties properties) {
        this.credentials = credentials;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Answers a request for the export: checks the filters (a problem names the field), names the file and writes
     * the rows of the caller's organization to the response as they are read.
     */
    public void download(
            CredoUser user,
            @Nullable String search,
            @Nullable String status,
            @Nullable UUID achievementId,
            @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        if (status != null && !status.isBlank() && !status.toUpperCase().matches("ACTIVE|SUSPENDED|REVOKED|EXPIRED")) {
            throw ProblemException.invalidField("status", "use ACTIVE, SUSPENDED, REVOKED or EXPIRED.");
        }
        var order = PageQuery.of(0, 1, sort == null ? "issuedAt,desc" : sort, IssuedCredentials.SORTABLE, false);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"credentials-" + LocalDate.now(user.zone()) + ".csv\"");
        write(user.organizationId(), search, status, achievementId, order, user.zone(), response.getOutputStream());
    }

    /** Writes the organization's credentials that match the list's filters; returns how many rows were written. */
    public long write(
            UUID organizationId,
            @Nullable String search,
            @Nullable String status,
            @Nullable UUID achievementId,
            PageQuery order,
            ZoneId zone,
            OutputStream out) {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var zoneName = " (" + zone.getId() + ")";
        line(
                writer,
                "id",
                "recipient_name",
                "recipient_email",
                "recipient_identifier",
                "achievement",
                "status",
                "issued_at" + zoneName,
                "valid_from" + zoneName,
                "valid_until" + zoneName,
                "issued_by",
                "verification_url");
        var rows = new long[1];
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            credentials.forEachMatching(organizationId, search, status, achievementId, order, row -> {
                line(
                        writer,
                        row.id().toString(),
                        row.recipientName(),
                        row.recipientEmail(),
                        row.recipientIdentifier(),
                        row.achievementName(),
                        row.status(),
                        time(row.issuedAt(), zone),
                        time(row.validFrom(), zone),
                        time(row.validUntil(), zone),
                        row.issuedBy(),
                        properties.link("/verify/" + row.id()));
                rows[0]++;
            });
        });
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows[0];
    }

    private static String time(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    private static void line(Writer writer, @Nullable String... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(cell(cells[i]));
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell: defused if a spreadsheet would take it for a formula, quoted if it holds a comma, quote or line. */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        var text = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
