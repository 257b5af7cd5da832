package org.credo.credentials.templates;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The certificate designer's form as typed. */
public class CertificateDesignForm {

    private String signerName = "";
    private String signerTitle = "";
    private String primaryColour = "";
    private String accentColour = "";
    private String paper = "A4";
    private String orientation = "LANDSCAPE";
    private boolean showLogo = true;
    private @Nullable UUID signatureImageId;

    static CertificateDesignForm of(CertificateDesigner.Design design) {
        var form = new CertificateDesignForm();
        form.signerName = design.signerName();
        form.signerTitle = design.signerTitle();
        form.primaryColour = design.primaryColour();
        form.accentColour = design.accentColour();
        form.paper = design.paper().name();
        form.orientation = design.orientation().name();
        form.showLogo = design.showLogo();
        form.signatureImageId = design.signatureImageId();
        return form;
    }

    CertificateDesigner.Design design() {
        return new CertificateDesigner.Design(
                signerName,
                signerTitle,
                primaryColour,
                accentColour,
                "LETTER".equals(paper) ? CertificateDesigner.Paper.LETTER : CertificateDesigner.Paper.A4,
                "PORTRAIT".equals(orientation)
                        ? CertificateDesigner.Orientation.PORTRAIT
                        : CertificateDesigner.Orientation.LANDSCAPE,
                showLogo,
                signatureImageId);
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public String getSignerTitle() {
        return signerTitle;
    }

    public void setSignerTitle(String signerTitle) {
        this.signerTitle = signerTitle;
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

    public String getPaper() {
        return paper;
    }

    public void setPaper(String paper) {
        this.paper = paper;
    }

    public String getOrientation() {
        return orientation;
    }

    public void setOrientation(String orientation) {
        this.orientation = orientation;
    }

    public boolean isShowLogo() {
        return showLogo;
    }

    public void setShowLogo(boolean showLogo) {
        this.showLogo = showLogo;
    }

    public @Nullable UUID getSignatureImageId() {
        return signatureImageId;
    }

    public void setSignatureImageId(@Nullable UUID signatureImageId) {
        this.signatureImageId = signatureImageId;
    }
}
