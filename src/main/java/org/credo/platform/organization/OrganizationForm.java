package org.credo.platform.organization;

/** The organization settings form as typed. */
public class OrganizationForm {

    private String slug = "";
    private String name = "";
    private String timeZone = "UTC";
    private String website = "";
    private String logoUrl = "";
    private String contactEmail = "";

    static OrganizationForm of(org.credo.platform.OrganizationSummary summary) {
        var form = new OrganizationForm();
        form.slug = summary.slug();
        form.name = summary.name();
        form.timeZone = summary.timeZone();
        form.website = summary.website() == null ? "" : summary.website();
        form.logoUrl = summary.logoUrl() == null ? "" : summary.logoUrl();
        form.contactEmail = summary.contactEmail() == null ? "" : summary.contactEmail();
        return form;
    }

    OrganizationSettings settings() {
        return new OrganizationSettings(name, timeZone, website, logoUrl, contactEmail);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public void setLogoUrl(String logoUrl) {
        this.logoUrl = logoUrl;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }
}
