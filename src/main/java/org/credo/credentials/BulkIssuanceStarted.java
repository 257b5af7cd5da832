package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: a bulk issuance job began issuing (bulk_issuance.started). */
public record BulkIssuanceStarted(ChangeStamp stamp, UUID jobId, String fileName, int totalRows, String cryptosuite)
        implements Audited {

    @Override
    public String action() {
        return "bulk_issuance.started";
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
        return "Started issuing " + totalRows + " credentials from " + fileName + " (" + cryptosuite + ")";
    }

    @Override
    public String subjectName() {
        return fileName;
    }
}
