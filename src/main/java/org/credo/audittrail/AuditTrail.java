package org.credo.audittrail;

import java.util.UUID;

/** The audit trail's facade for other modules. */
public interface AuditTrail {

    /** Re-reads an organization's whole chain and says whether any entry was edited, removed or moved. */
    ChainVerification verify(UUID organizationId);
}
