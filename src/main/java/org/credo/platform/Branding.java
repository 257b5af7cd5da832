package org.credo.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How an organization's public pages, badges and certificates look: its name, logo and two colours (validated
 * {@code #rrggbb}). The layout reads it from the model as {@link #MODEL} and sets the colours on {@code :root}.
 */
public record Branding(
        UUID organizationId,
        String organizationName,
        @Nullable UUID logoImageId,
        String primaryColour,
        String accentColour) {

    /** The model attribute the layout reads. */
    public static final String MODEL = "brand";

    /** Credo's own colours, for an organization that has not chosen any. */
    public static final String DEFAULT_PRIMARY = "#1f3a5f";

    public static final String DEFAULT_ACCENT = "#b8860b";

    /** The primary colour to set in a style sheet: {@code #rrggbb}, never anything that could break out of it. */
    public String primaryCss() {
        return Colours.forCss(primaryColour, DEFAULT_PRIMARY);
    }

    /** The accent colour to set in a style sheet, as {@link #primaryCss()}. */
    public String accentCss() {
        return Colours.forCss(accentColour, DEFAULT_ACCENT);
    }

    /** The path of the logo, or null when there is none. */
    public @Nullable String logoPath() {
        return logoImageId == null ? null : StoredImage.path(logoImageId);
    }
}
