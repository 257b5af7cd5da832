package org.credo.documents;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.credo.documents.store.DocumentStore;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents facade: stores a file for an owner after checking its size and its content, and reads it back for
 * those allowed to see it.
 */
@Service
public class Documents {

    /** What Credo takes when a caller does not say: PDF, PNG and JPEG. */
    public static final Set<String> DEFAULT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    /** The most bytes a document may have unless a caller says less. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Types a browser may be told as they are; anything else is downloaded as application/octet-stream. */
    private static final Set<String> SAFE_TYPES =
            Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain", "text/csv");

    /** The staff roles that may read documents of their organization besides each document's owner. */
    private static final Set<Role> STAFF = EnumSet.of(Role.ADMINISTRATOR, Role.ADMISSIONS_OFFICER, Role.REGISTRAR);

    private static final Map<String, String> TYPE_NAMES = Map.of(
            "application/pdf", "PDF",
            "image/png", "PNG image",
            "image/jpeg", "JPEG image",
            "text/plain", "plain text",
            "text/csv", "CSV");

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final ApplicationEventPublisher events;
    private final Tika tika = new Tika();

    Documents(JdbcClient jdbc, DocumentStore store, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
    }

    /**
     * Reads a file to its end or to one byte past {@code maxBytes}, whichever comes first, and stores it only when it
     * is within the limit and its content (sniffed, never the name or the declared type) is one of {@code allowed}.
     * The bytes are spooled to a temporary file, never held whole in memory.
     *
     * @throws ProblemException 413 for a file past the limit, 415 for a type not allowed, 400 for an empty file; in
     *     each case nothing is stored
     */
    @Transactional
    public DocumentInfo store(
            UUID organizationId,
            @Nullable UUID ownerPersonId,
            String purpose,
            String fileName,
            InputStream content,
            long maxBytes,
            Collection<String> allowed) {
        var limit = Math.min(maxBytes <= 0 ? MAX_BYTES : maxBytes, MAX_BYTES);
        var types = allowed.isEmpty() ? DEFAULT_TYPES : Set.copyOf(allowed);
        var name = cleanName(fileName);
        java.nio.file.Path spool = null;
        try {
            spool = Files.createTempFile("credo-document-", ".upload");
            var digest = sha256();
            long size = 0;
            try (var in = content;
                    var out = Files.newOutputStream(spool)) {
                var buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    size += n;
                    if (size > limit) {
                        throw tooLarge(name, limit);
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw ProblemException.invalidField("file", name + " is empty; choose the file again.");
            }
            String type;
            try (var in = new BufferedInputStream(Files.newInputStream(spool))) {
                // Content only: giving Tika the name would let a renamed file borrow the type of its extension.
                type = tika.detect(in);
            }
            if (!types.contains(type)) {
                throw new ProblemException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "File type not accepted",
                        "file: " + name + " is " + describe(type) + ", not " + describeAll(types) + "; save it as "
                                + describeAll(types) + " and upload it again.",
                        Map.of(
                                "errors",
                                List.of(Map.of(
                                        "field",
                                        "file",
                                        "message",
                                        name + " is " + describe(type) + ", not " + describeAll(types) + ".")),
                                "detectedType",
                                type));
            }
            var id = UUID.randomUUID();
            var now = Timestamps.now();
            var hash = HexFormat.of().formatHex(digest.digest());
            var stamp = ChangeStamp.now(organizationId);
            jdbc.sql(
                            "INSERT INTO document (id, organization_id, owner_person_id, purpose, file_name, content_type,"
                                    + " size_bytes, sha256, store, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            organizationId,
                            ownerPersonId,
                            purpose,
                            name,
                            type,
                            size,
                            hash,
                            store.name(),
                            stamp.actorId(),
                            Timestamps.sql(now))
                    .update();
            store.put(id, spool, size);
            events.publishEvent(new DocumentStored(stamp, id, purpose, name, type, size, hash));
            return new DocumentInfo(id, organizationId, ownerPersonId, purpose, name, type, size, hash, now);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // A leftover temporary file is removed with the others when the JVM's temp directory is cleaned.
                }
            }
        }
    }

    /** A document of an organization. */
    @Transactional(readOnly = true)
    public DocumentInfo find(UUID organizationId, UUID documentId) {
        return jdbc.sql("SELECT * FROM document WHERE organization_id = ? AND id = ?")
                .params(organizationId, documentId)
                .query(Documents::info)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("The document"));
    }

    /** Documents of an organization by id; ids of other organizations are left out. */
    @Transactional(readOnly = true)
    public List<DocumentInfo> find(UUID organizationId, Collection<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        var marks = String.join(", ", java.util.Collections.nCopies(documentIds.size(), "?"));
        var params = new java.util.ArrayList<Object>();
        params.add(organizationId);
        params.addAll(documentIds);
        return jdbc.sql("SELECT * FROM document WHERE organization_id = ? AND id IN (" + marks + ")")
                .params(params)
                .query(Documents::info)
                .list();
    }

    /** Whether this person may download the document: its owner, or staff of its organization. */
    public boolean mayRead(CredoUser user, DocumentInfo document) {
        if (!user.organizationId().equals(document.organizationId())) {
            return false;
        }
        return user.personId().equals(document.ownerPersonId())
                || STAFF.stream().anyMatch(user::hasRole);
    }

    /**
     * The document for a download by this person: not found when it is in another organization or the person may
     * not read it, so that its existence is not given away.
     */
    @Transactional(readOnly = true)
    public DocumentInfo readable(CredoUser user, UUID documentId) {
        var document = find(user.organizationId(), documentId);
        if (!mayRead(user, document)) {
            throw ProblemException.notFound("The document");
        }
        return document;
    }

    /** The bytes of a document, as a stream the caller closes. */
    public InputStream open(DocumentInfo document) {
        return store.open(document.id());
    }

    /** The type to tell a browser: the sniffed type when it is harmless, application/octet-stream otherwise. */
    public static String safeType(DocumentInfo document) {
        return SAFE_TYPES.contains(document.contentType()) ? document.contentType() : "application/octet-stream";
    }

    /** "PDF", "PNG image"..., or the MIME type itself. */
    public static String describe(String type) {
        return TYPE_NAMES.getOrDefault(type, type);
    }

    private static String describeAll(Collection<String> types) {
        return String.join(
                " or ", types.stream().sorted().map(Documents::describe).toList());
    }

    private static ProblemException tooLarge(String name, long limit) {
        return new ProblemException(
                HttpStatus.CONTENT_TOO_LARGE,
                "File too large",
                "file: " + name + " is larger than " + limit + " bytes, the most this upload takes; make it smaller"
                        + " (scan at a lower resolution, or split it) and upload it again.",
                Map.of(
                        "errors",
                        List.of(Map.of("field", "file", "message", name + " is larger than " + mb(limit) + ".")),
                        "maximum",
                        limit));
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }

    static String cleanName(String fileName) {
        var name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static DocumentInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DocumentInfo(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("owner_person_id", UUID.class),
                rs.getString("purpose"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant());
    }
}
