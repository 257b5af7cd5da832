package org.credo.credentials.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.signing.Cryptosuite;
import org.jspecify.annotations.Nullable;

/** The issue form as typed; {@code requestKey} makes a double submit issue once. */
public class IssueForm {

    private @Nullable UUID achievementId;
    private String recipientName = "";
    private String recipientEmail = "";
    private String recipientIdentifier = "";
    private String recipientDid = "";
    private @Nullable LocalDate validFrom;
    private @Nullable LocalDate validUntil;
    private String evidenceName = "";
    private String evidenceUrl = "";
    private String evidenceNarrative = "";
    private String resultName = "";
    private String resultValue = "";
    private Cryptosuite cryptosuite = Cryptosuite.RDFC;
    private String requestKey = UUID.randomUUID().toString();
    private String reason = "";

    IssueRequest request(ZoneId zone) {
        List<IssueRequest.Evidence> evidence = new ArrayList<>();
        if (!evidenceName.isBlank() || !evidenceUrl.isBlank() || !evidenceNarrative.isBlank()) {
            evidence.add(new IssueRequest.Evidence(blank(evidenceName), blank(evidenceNarrative), blank(evidenceUrl)));
        }
        List<IssueRequest.ResultValue> results = new ArrayList<>();
        if (!resultName.isBlank() || !resultValue.isBlank()) {
            results.add(new IssueRequest.ResultValue(resultName.trim(), resultValue.trim()));
        }
        return new IssueRequest(
                achievementId,
                new IssueRequest.Recipient(
                        recipientName.trim(), recipientEmail.trim(), blank(recipientIdentifier), blank(recipientDid)),
                validFrom == null ? null : validFrom.atStartOfDay(zone).toInstant(),
                validUntil == null ? null : validUntil.atStartOfDay(zone).toInstant(),
                evidence.isEmpty() ? null : evidence,
                results.isEmpty() ? null : results,
                cryptosuite);
    }

    private static @Nullable String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public @Nullable UUID getAchievementId() {
        return achievementId;
    }

    public void setAchievementId(@Nullable UUID achievementId) {
        this.achievementId = achievementId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public void setRecipientName(String recipientName) {
        this.recipientName = recipientName;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public void setRecipientEmail(String recipientEmail) {
        this.recipientEmail = recipientEmail;
    }

    public String getRecipientIdentifier() {
        return recipientIdentifier;
    }

    public void setRecipientIdentifier(String recipientIdentifier) {
        this.recipientIdentifier = recipientIdentifier;
    }

    public String getRecipientDid() {
        return recipientDid;
    }

    public void setRecipientDid(String recipientDid) {
        this.recipientDid = recipientDid;
    }

    public @Nullable LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(@Nullable LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public @Nullable LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(@Nullable LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public String getEvidenceName() {
        return evidenceName;
    }

    public void setEvidenceName(String evidenceName) {
        this.evidenceName = evidenceName;
    }

    public String getEvidenceUrl() {
        return evidenceUrl;
    }

    public void setEvidenceUrl(String evidenceUrl) {
        this.evidenceUrl = evidenceUrl;
    }

    public String getEvidenceNarrative() {
        return evidenceNarrative;
    }

    public void setEvidenceNarrative(String evidenceNarrative) {
        this.evidenceNarrative = evidenceNarrative;
    }

    public String getResultName() {
        return resultName;
    }

    public void setResultName(String resultName) {
        this.resultName = resultName;
    }

    public String getResultValue() {
        return resultValue;
    }

    public void setResultValue(String resultValue) {
        this.resultValue = resultValue;
    }

    public Cryptosuite getCryptosuite() {
        return cryptosuite;
    }

    public void setCryptosuite(Cryptosuite cryptosuite) {
        this.cryptosuite = cryptosuite;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
