package org.credo.documents.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the bytes of documents live. The database is the default; an S3-compatible object store could implement
 * this later without the callers of {@link org.credo.documents.Documents} noticing.
 */
public interface DocumentStore {

    /** The name recorded with each document, so that a later store knows where an older document's bytes are. */
    String name();

    /** Keeps the bytes of a checked file, within the caller's transaction where the store has one. */
    void put(UUID documentId, Path file, long size);

    /** The bytes of a document, as a stream the caller closes. */
    InputStream open(UUID documentId);
}
