package org.credo.platform.branding;

import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;
import org.credo.platform.Branding;
import org.credo.platform.Brandings;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Colours;
import org.credo.platform.ImagePurpose;
import org.credo.platform.Images;
import org.credo.platform.OrganizationBrandingChanged;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each organization's logo and colours: read by public pages, changed by administrators. */
@Service
public class BrandingService implements Brandings {

    private final JdbcClient jdbc;
    private final Images images;
    private final ApplicationEventPublisher events;

    BrandingService(JdbcClient jdbc, Images images, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.images = images;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public Branding of(UUID organizationId) {
        var name = jdbc.sql("SELECT name FROM organization WHERE id = ?")
                .param(organizationId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("The organization"));
        return jdbc.sql("SELECT logo_image_id, primary_colour, accent_colour FROM organization_branding"
                        + " WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, row) -> new Branding(
                        organizationId,
                        name,
                        rs.getObject("logo_image_id", UUID.class),
                        rs.getString("primary_colour"),
                        rs.getString("accent_colour")))
                .optional()
                .orElseGet(() ->
                        new Branding(organizationId, name, null, Branding.DEFAULT_PRIMARY, Branding.DEFAULT_ACCENT));
    }

    /** Changes the colours after checking them; records nothing when nothing changed. */
    @Transactional
    public Branding colours(UUID organizationId, String primaryColour, String accentColour) {
        var primary = Colours.check("primaryColour", primaryColour, Colours.TEXT);
        var accent = Colours.check("accentColour", accentColour, Colours.GRAPHIC);
        var before = of(organizationId);
        return save(before, before.logoImageId(), primary, accent);
    }

    /** Checks and stores a new logo (PNG or SVG) and makes it the organization's. */
    @Transactional
    public Branding logo(UUID organizationId, byte[] file) {
        var image = images.upload(organizationId, ImagePurpose.LOGO, "logo", file);
        var before = of(organizationId);
        return save(before, image.id(), before.primaryColour(), before.accentColour());
    }

    /** Removes the logo; public pages show the organization's name alone. */
    @Transactional
    public Branding removeLogo(UUID organizationId) {
        var before = of(organizationId);
        return save(before, null, before.primaryColour(), before.accentColour());
    }

    private Branding save(Branding before, @Nullable UUID logo, String primary, String accent) {
        var changes = new ArrayList<String>();
        if (!Objects.equals(before.logoImageId(), logo)) {
            changes.add(logo == null ? "logo removed" : before.logoImageId() == null ? "logo added" : "logo replaced");
        }
        if (!before.primaryColour().equals(primary)) {
            changes.add("primary colour: " + before.primaryColour() + " → " + primary);
        }
        if (!before.accentColour().equals(accent)) {
            changes.add("accent colour: " + before.accentColour() + " → " + accent);
        }
        if (changes.isEmpty()) {
            return before;
        }
        var now = Timestamps.sql(Timestamps.now());
        int updated = jdbc.sql("""
                        UPDATE organization_branding SET logo_image_id = ?, primary_colour = ?, accent_colour = ?,
                          updated_at = ? WHERE organization_id = ?""")
                .params(logo, primary, accent, now, before.organizationId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO organization_branding (organization_id, logo_image_id, primary_colour,
                              accent_colour, updated_at) VALUES (?, ?, ?, ?, ?)""")
                    .params(before.organizationId(), logo, primary, accent, now)
                    .update();
        }
        events.publishEvent(new OrganizationBrandingChanged(
                ChangeStamp.now(before.organizationId()), before.organizationId(), String.join("; ", changes)));
        return of(before.organizationId());
    }
}
