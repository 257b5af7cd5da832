package org.credo.credentials.wallet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.credo.credentials.issuance.IssuedCredential;
import org.springframework.web.util.HtmlUtils;

/**
 * The share bar of a credential: where each button goes, built from the credential's public page (the share page
 * when the earner turned it on, else the verification page), and the HTML an earner pastes to embed the badge.
 */
record ShareLinks(
        String pageUrl,
        String linkedInPost,
        String linkedInProfile,
        String x,
        String facebook,
        String email,
        String embed) {

    static ShareLinks of(
            IssuedCredential credential, CredentialDetails details, String pageUrl, String verifyUrl, String badgeUrl) {
        var text = "I earned " + credential.achievementName() + " from " + details.issuerName() + ".";
        var embed = "<a href=\"" + HtmlUtils.htmlEscape(pageUrl) + "\" target=\"_blank\" rel=\"noopener\">"
                + "<img src=\"" + HtmlUtils.htmlEscape(badgeUrl) + "\" width=\"160\" height=\"160\" alt=\""
                + HtmlUtils.htmlEscape(credential.achievementName() + ", issued by " + details.issuerName()) + "\"><br>"
                + HtmlUtils.htmlEscape(credential.achievementName()) + "</a>";
        return new ShareLinks(
                pageUrl,
                "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(pageUrl),
                linkedInProfile(credential, details, verifyUrl),
                "https://twitter.com/intent/tweet?text=" + encode(text) + "&url=" + encode(pageUrl),
                "https://www.facebook.com/sharer/sharer.php?u=" + encode(pageUrl),
                "mailto:?subject=" + encodeMail(credential.achievementName()) + "&body="
                        + encodeMail(text + " See it and check it here: " + pageUrl),
                embed);
    }

    /** LinkedIn's "add a certification" link, filled in from the credential. */
    static String linkedInProfile(IssuedCredential credential, CredentialDetails details, String verifyUrl) {
        var issued = credential.issuedAt().atZone(ZoneOffset.UTC);
        var url = new StringBuilder("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
                .append("&name=")
                .append(encode(credential.achievementName()))
                .append("&organizationName=")
                .append(encode(details.issuerName()))
                .append("&issueYear=")
                .append(issued.getYear())
                .append("&issueMonth=")
                .append(issued.getMonthValue());
        if (credential.validUntil() != null) {
            var until = credential.validUntil().atZone(ZoneOffset.UTC);
            url.append("&expirationYear=")
                    .append(until.getYear())
                    .append("&expirationMonth=")
                    .append(until.getMonthValue());
        }
        return url.append("&certUrl=")
                .append(encode(verifyUrl))
                .append("&certId=")
                .append(encode(credential.id().toString()))
                .toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Mail clients read "+" literally, so spaces are %20 in a mailto link. */
    private static String encodeMail(String value) {
        return encode(value).replace("+", "%20");
    }
}
