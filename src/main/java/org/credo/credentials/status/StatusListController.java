package org.credo.credentials.status;

import java.time.Duration;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Serves status lists at stable public URLs, with caching headers. */
@RestController
class StatusListController {

    private final StatusListCredentials credentials;

    StatusListController(StatusListCredentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping(
            value = "/status/{listId}",
            produces = {"application/vc+ld+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> list(@PathVariable UUID listId, WebRequest request) {
        var signed = credentials.current(listId).orElseThrow(() -> ProblemException.notFound("That status list"));
        var etag = "\"" + listId + "-" + signed.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(
                        CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic().mustRevalidate())
                .body(signed.json());
    }
}
