package org.credo.audittrail.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.credo.audittrail.chain.AuditEntries;
import org.credo.audittrail.chain.AuditEntry;
import org.credo.audittrail.chain.AuditFilter;
import org.credo.platform.CsvWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Streams the entries that match a filter as a CSV download, for the UI and the API alike. */
final class AuditExport {

    private AuditExport() {}

    static ResponseEntity<StreamingResponseBody> csv(AuditEntries entries, UUID organizationId, AuditFilter filter) {
        StreamingResponseBody body = stream -> {
            var writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            var csv = new CsvWriter(writer);
            csv.row(Arrays.asList(
                    "sequence",
                    "occurred_at",
                    "actor",
                    "actor_id",
                    "action",
                    "subject_type",
                    "subject_id",
                    "subject_name",
                    "summary",
                    "request_id",
                    "previous_hash",
                    "entry_hash"));
            entries.export(organizationId, filter, entry -> write(csv, entry));
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"")
                .body(body);
    }

    private static void write(CsvWriter csv, AuditEntry e) {
        try {
            csv.row(Arrays.asList(
                    Long.toString(e.sequenceNumber()),
                    e.occurredAt().toString(),
                    e.actorName(),
                    e.actorId() == null ? null : e.actorId().toString(),
                    e.action(),
                    e.subjectType(),
                    e.subjectId(),
                    e.subjectName(),
                    e.summary(),
                    e.requestId(),
                    e.previousHash(),
                    e.entryHash()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
