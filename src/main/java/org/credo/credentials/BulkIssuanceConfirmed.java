package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: a registrar confirmed a previewed bulk upload, so its rows are now issued (bulk_issuance.confirmed). */
public record BulkIssuanceConfirmed(ChangeStamp stamp, UUID jobId, String fileName, int totalRows) implements Audited {

    @Override
    public String action() {
        return "bulk_issuance.confirmed";
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
        return "Confirmed issuing " + totalRows + " credentials from " + fileName;
    }
}
