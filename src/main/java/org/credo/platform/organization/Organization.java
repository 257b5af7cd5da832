package org.credo.platform.organization;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credo.platform.OrganizationSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An organization that issues credentials: a university, a bootcamp, a licensing board. */
@Table("organization")
public class Organization {

    @Id
    private final UUID id;

    private final String slug;
    private String name;
    private String timeZone;

    @Nullable
    private String website;

    @Nullable
    private String logoUrl;

    @Nullable
    private String contactEmail;

    private final Instant createdAt;

    @Version
    @Nullable
    private Long version;

    Organization(
            UUID id,
            String slug,
            String name,
            String timeZone,
            @Nullable String website,
            @Nullable String logoUrl,
            @Nullable String contactEmail,
            Instant createdAt,
            @Nullable Long version) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.timeZone = timeZone;
        this.website = website;
        this.logoUrl = logoUrl;
        this.contactEmail = contactEmail;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Organization create(OrganizationSettings settings, String slug, Instant now) {
        ZoneId.of(settings.timeZone());
        return new Organization(
                UUID.randomUUID(),
                slug,
                settings.name(),
                settings.timeZone(),
                settings.website(),
                settings.logoUrl(),
                settings.contactEmail(),
                now,
                null);
    }

    /** Applies new settings and describes each change, or returns an empty list when nothing changed. */
    List<String> update(OrganizationSettings settings) {
        var changes = new ArrayList<String>();
        if (!name.equals(settings.name())) {
            changes.add("name: " + name + " → " + settings.name());
            name = settings.name();
        }
        if (!timeZone.equals(settings.timeZone())) {
            changes.add("time zone: " + timeZone + " → " + settings.timeZone());
            timeZone = settings.timeZone();
        }
        if (!Objects.equals(website, settings.website())) {
            changes.add("website: " + website + " → " + settings.website());
            website = settings.website();
        }
        if (!Objects.equals(logoUrl, settings.logoUrl())) {
            changes.add("logo: " + logoUrl + " → " + settings.logoUrl());
            logoUrl = settings.logoUrl();
        }
        if (!Objects.equals(contactEmail, settings.contactEmail())) {
            changes.add("contact email: " + contactEmail + " → " + settings.contactEmail());
            contactEmail = settings.contactEmail();
        }
        return changes;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public OrganizationSummary summary() {
        return new OrganizationSummary(id, slug, name, timeZone, website, logoUrl, contactEmail);
    }
}
