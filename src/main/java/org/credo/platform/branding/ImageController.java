package org.credo.platform.branding;

import java.time.Duration;
import org.credo.platform.ProblemException;
import org.credo.platform.StoredImage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Public pictures: achievement images and logos, at a URL that never changes what it shows (a new picture gets a new
 * id), so browsers and link previews may keep them a year. Signatures are not served here.
 */
@Controller
class ImageController {

    private static final CacheControl FOREVER =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** An SVG opened on its own can run nothing and load nothing, even if a check were ever missed. */
    private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final ImageStore images;

    ImageController(ImageStore images) {
        this.images = images;
    }

    @GetMapping("/images/{id:[0-9a-fA-F-]{36}}")
    ResponseEntity<byte[]> original(
            @PathVariable String id, @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String tag) {
        var image = find(id);
        return respond(image, tag, image.etag(), MediaType.parseMediaType(image.contentType()), image.bytes());
    }

    @GetMapping("/images/{id:[0-9a-fA-F-]{36}}.png")
    ResponseEntity<byte[]> png(
            @PathVariable String id, @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String tag) {
        var image = find(id);
        var etag = "\"" + image.sha256() + "-png\"";
        return respond(image, tag, etag, MediaType.IMAGE_PNG, image.png());
    }

    private StoredImage find(String id) {
        var uuid = ImageStore.parseId(id);
        return (uuid == null ? java.util.Optional.<StoredImage>empty() : images.find(uuid))
                .filter(image -> image.purpose().isPublic())
                .orElseThrow(() -> ProblemException.notFound("That picture"));
    }

    private static ResponseEntity<byte[]> respond(
            StoredImage image, String ifNoneMatch, String etag, MediaType type, byte[] body) {
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(FOREVER)
                    .build();
        }
        var response = ResponseEntity.ok()
                .contentType(type)
                .eTag(etag)
                .cacheControl(FOREVER)
                .header("X-Content-Type-Options", "nosniff");
        if (image.contentType().equals("image/svg+xml")) {
            response.header("Content-Security-Policy", SVG_POLICY);
        }
        return response.body(body);
    }
}
