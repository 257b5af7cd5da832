package org.credo.platform.branding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.credo.platform.Branding;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.StoredImage;
import org.credo.platform.UploadLimit;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The logo and colours of the organization the token acts in. */
@RestController
@Tag(name = "Organizations")
class BrandingApi {

    /** The organization's look: colours as {@code #rrggbb}, and the public URL of its logo when it has one. */
    record BrandingView(
            UUID organizationId,
            String primaryColour,
            String accentColour,
            @Nullable UUID logoImageId,
            @Nullable String logoUrl) {}

    /** New colours; the primary colour carries white text (4.5:1 contrast), the accent marks lines (3:1). */
    record ColoursBody(String primaryColour, String accentColour) {}

    private final BrandingService brandings;
    private final CredoProperties properties;

    BrandingApi(BrandingService brandings, CredoProperties properties) {
        this.brandings = brandings;
        this.properties = properties;
    }

    @GetMapping("/api/v1/organization/branding")
    @Operation(summary = "The logo and colours of the organization the token acts in")
    BrandingView branding(@AuthenticationPrincipal CredoUser user) {
        return view(brandings.of(user.organizationId()));
    }

    @PutMapping("/api/v1/organization/branding")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Change the organization's colours", description = "Each colour is # and six hex digits.")
    BrandingView colours(@AuthenticationPrincipal CredoUser admin, @RequestBody ColoursBody body) {
        return view(brandings.colours(admin.organizationId(), body.primaryColour(), body.accentColour()));
    }

    @PutMapping(value = "/api/v1/organization/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Upload the organization's logo",
            description = "A PNG or an SVG without scripts, event handlers, external references or a DOCTYPE; at most"
                    + " 1 MB and 4096 pixels a side. Send it as the multipart part 'logo'.")
    BrandingView logo(
            @AuthenticationPrincipal CredoUser admin,
            @RequestParam(value = "logo", required = false) @Nullable MultipartFile file) {
        return view(brandings.logo(admin.organizationId(), UploadLimit.IMAGE.read(chosen(file, "logo"))));
    }

    @DeleteMapping("/api/v1/organization/logo")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Remove the organization's logo")
    BrandingView removeLogo(@AuthenticationPrincipal CredoUser admin) {
        return view(brandings.removeLogo(admin.organizationId()));
    }

    private BrandingView view(Branding branding) {
        return new BrandingView(
                branding.organizationId(),
                branding.primaryColour(),
                branding.accentColour(),
                branding.logoImageId(),
                branding.logoImageId() == null ? null : properties.link(StoredImage.path(branding.logoImageId())));
    }

    private static MultipartFile chosen(@Nullable MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField(field, "choose a PNG or SVG file to upload.");
        }
        return file;
    }
}
