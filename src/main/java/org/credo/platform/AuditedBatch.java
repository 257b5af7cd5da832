package org.credo.platform;

import java.util.List;

/**
 * Many changes recorded by one event, such as the credentials of one bulk issuance chunk. The audit
 * trail records one entry per change, exactly as if each had been published alone, but appends them
 * in one transaction under one lock of the organization's chain.
 */
public interface AuditedBatch {

    /** The changes, all of one organization, in the order they happened. */
    List<? extends Audited> changes();
}
