package org.credo.credentials.status;

import java.util.UUID;

/** One credential's place in one status list. */
public record StatusSlot(UUID listId, int index, StatusPurpose purpose) {}
