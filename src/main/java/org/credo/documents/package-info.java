/**
 * Documents: files people upload (an applicant's transcript, a signed form), owned by a person in an organization,
 * read through a size limit that stops at the limit, typed by their content (never by their name or declared type),
 * fingerprinted with SHA-256, kept in a {@link org.credo.documents.store.DocumentStore} (the database by default) and
 * handed back only as attachments, to their owner and the organization's staff (ADR 37).
 */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"platform"})
@NullMarked
package org.credo.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
