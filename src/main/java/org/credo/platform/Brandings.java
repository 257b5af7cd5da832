package org.credo.platform;

import java.util.UUID;

/** The platform facade for organizations' logos and colours. */
public interface Brandings {

    /** The branding of an organization: what it set, or Credo's colours and no logo. */
    Branding of(UUID organizationId);
}
