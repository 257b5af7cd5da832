package org.credo.documents.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps document bytes in the {@code document_content} table, streamed in from the checked file. */
@Component
class DatabaseDocumentStore implements DocumentStore {

    private final JdbcTemplate jdbc;

    DatabaseDocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "DATABASE";
    }

    @Override
    public void put(UUID documentId, Path file, long size) {
        try (var in = Files.newInputStream(file)) {
            jdbc.update("INSERT INTO document_content (document_id, content) VALUES (?, ?)", ps -> {
                ps.setObject(1, documentId);
                ps.setBinaryStream(2, in, size);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The checked file could not be read back", e);
        }
    }

    @Override
    public InputStream open(UUID documentId) {
        var bytes = jdbc.query(
                "SELECT content FROM document_content WHERE document_id = ?",
                rs -> rs.next() ? rs.getBytes(1) : null,
                documentId);
        if (bytes == null) {
            throw ProblemException.notFound("The document's content");
        }
        return new ByteArrayInputStream(bytes);
    }
}
