package org.credo.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The organization whose public page this is (a catalog, a verification or share page), for the layout's header:
 * its name (and room for its logo) linking to its catalog. Pages put it in the model as {@value #MODEL}.
 */
public record PublicHeader(OrganizationSummary organization, String catalogPath) {

    /** The model attribute the layout reads. */
    public static final String MODEL = "publicHeader";

    /** The header of an organization, linking to its catalog under its slug. */
    public static PublicHeader of(OrganizationSummary organization) {
        return new PublicHeader(
                organization, "/catalog/" + URLEncoder.encode(organization.slug(), StandardCharsets.UTF_8));
    }
}
