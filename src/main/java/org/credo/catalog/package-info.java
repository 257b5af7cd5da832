/**
 * Programs, courses and their requirements as versioned, immutable publications; proposals that
 * change them through the organization's approval chain; the public catalog with search,
 * schema.org data and a sitemap; Credential Engine CTDL export.
 *
 * <p>Programs name the achievement (credential definition) of the credentials module they award.
 */
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"platform", "platform :: config", "platform :: json", "notifications", "credentials"})
@NullMarked
package org.credo.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
