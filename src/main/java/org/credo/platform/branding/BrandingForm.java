package org.credo.platform.branding;

import org.credo.platform.Branding;

/** The colours form as typed. */
public class BrandingForm {

    private String primaryColour = Branding.DEFAULT_PRIMARY;
    private String accentColour = Branding.DEFAULT_ACCENT;

    static BrandingForm of(Branding branding) {
        var form = new BrandingForm();
        form.primaryColour = branding.primaryColour();
        form.accentColour = branding.accentColour();
        return form;
    }

    public String getPrimaryColour() {
        return primaryColour;
    }

    public void setPrimaryColour(String primaryColour) {
        this.primaryColour = primaryColour;
    }

    public String getAccentColour() {
        return accentColour;
    }

    public void setAccentColour(String accentColour) {
        this.accentColour = accentColour;
    }
}
