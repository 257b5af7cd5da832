package org.credo.billing.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A PDF answered as a download with its file name. */
final class Downloads {

    private Downloads() {}

    static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
