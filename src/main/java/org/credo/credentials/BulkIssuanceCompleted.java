package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: a bulk issuance job finished, every row issued or the job failed (bulk_issuance.completed). */
public record BulkIssuanceCompleted(
        ChangeStamp stamp, UUID jobId, String fileName, String status, int totalRows, int issuedCount)
        implements Audited {

    @Override
    public String action() {
        return "bulk_issuance.completed";
    }

    @Override
    public String subjectType() {
        return "BulkIssuance";
    }

    @Override
    public String subjectId() {
        return jobId.toString();
    }

    @Override
    public String summary() {
        return "Bulk issuance from " + fileName + " " + status.toLowerCase() + ": " + issuedCount + " of " + totalRows
                + " credentials issued";
    }

    @Override
    public String subjectName() {
        return fileName;
    }
}
