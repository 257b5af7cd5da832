package org.credo.documents.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.credo.documents.Documents;
import org.credo.platform.CredoUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of documents: always as an attachment, with the sniffed type only when it is harmless, and with
 * {@code nosniff} and a sandboxing CSP, so that an uploaded file never runs as a page of Credo's origin.
 */
@RestController
class DocumentDownloads {

    private final Documents documents;

    DocumentDownloads(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/documents/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id)
            throws IOException {
        var document = documents.readable(user, id);
        var headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.setCacheControl("private, no-store");
        headers.setContentLength(document.sizeBytes());
        return ResponseEntity.ok()
                .headers(headers)
                .contentType(MediaType.parseMediaType(Documents.safeType(document)))
                .body(new InputStreamResource(documents.open(document)));
    }
}
