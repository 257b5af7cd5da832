package org.credo.credentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;
import org.credo.credentials.badges.BadgeImages;
import org.credo.credentials.badges.OpenGraph;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The earner portal. A claim link from the issuance email opens a wallet session for the credential's
 * email address; the wallet lists every credential issued to that address in any organization. A
 * credential of another address is "not found", so nothing about it leaks.
 */
@Controller
class WalletController {

    /** The session attribute that holds the signed-in earner's email address. */
    static final String EARNER = "org.credo.wallet.earner";

    private final ClaimLinks claims;
    private final IssuedCredentials credentials;
    private final Certificates certificates;
    private final CredoProperties properties;
    private final BadgeImages badges;
    private final org.credo.platform.Brandings brandings;

    WalletController(
            org.credo.platform.Brandings brandings,
            ClaimLinks claims,
            IssuedCredentials credentials,
            Certificates certificates,
            CredoProperties properties,
            BadgeImages badges) {
        this.claims = claims;
        this.credentials = credentials;
        this.certificates = certificates;
        this.properties = properties;
        this.badges = badges;
        this.brandings = brandings;
    }

    @GetMapping("/wallet")
    String wallet(HttpServletRequest request, Model model) {
        var earner = earner(request);
        if (earner == null) {
            return "wallet/signed-out";
        }
        model.addAttribute("earner", earner);
        model.addAttribute("credentials", credentials.forRecipient(earner));
        return "wallet/wallet";
    }

    /** Shows a button rather than signing in at once: mail scanners that open links must not use them up. */
    @GetMapping("/wallet/claim/{token}")
    String claimPage(@PathVariable String token, HttpServletResponse response, Model model) {
        var check = claims.peek(token);
        if (check.outcome() != ClaimLinks.Outcome.VALID) {
            return refused(check.outcome(), response, model);
        }
        model.addAttribute("token", token);
        return "wallet/claim";
    }

    @PostMapping("/wallet/claim/{token}")
    String claim(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        var check = claims.redeem(token);
        if (check.outcome() != ClaimLinks.Outcome.VALID || check.email() == null) {
            return refused(check.outcome(), response, model);
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(EARNER, check.email());
        return "redirect:/wallet";
    }

    @PostMapping("/wallet/sign-out")
    String signOut(HttpServletRequest request, RedirectAttributes redirect) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(EARNER);
        }
        redirect.addFlashAttribute("flash", "You left your wallet.");
        return "redirect:/wallet";
    }

    @GetMapping("/wallet/credentials/{id}")
    String credential(@PathVariable UUID id, HttpServletRequest request, Model model) {
        var credential = owned(id, request);
        var details = CredentialDetails.of(credential.document());
        model.addAttribute("credential", credential);
        model.addAttribute("details", details);
        model.addAttribute("verifyUrl", verifyUrl(credential));
        model.addAttribute("linkedIn", linkedIn(credential, details));
        model.addAttribute("shared", credentials.shared(id));
        model.addAttribute("shareUrl", properties.link("/share/" + id));
        return "wallet/credential";
    }

    @GetMapping("/wallet/credentials/{id}.json")
    ResponseEntity<String> json(@PathVariable UUID id, HttpServletRequest request) {
        var credential = owned(id, request);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vc+ld+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credential-" + id + ".json\"")
                .body(credential.document());
    }

    @GetMapping("/wallet/credentials/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, HttpServletRequest request) {
        var credential = owned(id, request);
        var pdf = certificates.pdf(credential, CredentialDetails.of(credential.document()), verifyUrl(credential));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"certificate-" + id + ".pdf\"")
                .body(pdf);
    }

    /** The Open Badges 3.0 baked SVG: the badge picture with the signed credential inside. */
    @GetMapping("/wallet/credentials/{id}.svg")
    ResponseEntity<String> svg(@PathVariable UUID id, HttpServletRequest request) {
        var credential = owned(id, request);
        return download(credential, "svg", MediaType.parseMediaType("image/svg+xml"))
                .body(badges.bakedSvg(credential));
    }

    /** The Open Badges 3.0 baked PNG: the badge picture with the signed credential in an iTXt chunk. */
    @GetMapping("/wallet/credentials/{id}.png")
    ResponseEntity<byte[]> png(@PathVariable UUID id, HttpServletRequest request) {
        var credential = owned(id, request);
        return download(credential, "png", MediaType.IMAGE_PNG).body(badges.bakedPng(credential));
    }

    private static ResponseEntity.BodyBuilder download(IssuedCredential credential, String extension, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, BadgeImages.attachment(credential, extension));
    }

    @PostMapping("/wallet/credentials/{id}/share")
    String share(
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        owned(id, request);
        credentials.share(id, enabled);
        redirect.addFlashAttribute(
                "flash",
                enabled
                        ? "Your share page is on: anyone with its link can see this credential."
                        : "Your share page is off.");
        return "redirect:/wallet/credentials/" + id;
    }

    /** The earner's public page of a credential; while sharing is off it does not exist. */
    @GetMapping("/share/{id}")
    String shared(@PathVariable UUID id, Model model) {
        var credential = credentials
                .findAnywhere(id)
                .filter(c -> credentials.shared(c.id()))
                .orElseThrow(() -> ProblemException.notFound("That shared credential"));
        var details = CredentialDetails.of(credential.document());
        model.addAttribute("credential", credential);
        model.addAttribute("details", details);
        model.addAttribute("verifyUrl", verifyUrl(credential));
        model.addAttribute(OpenGraph.MODEL, openGraph(credential, details));
        model.addAttribute(org.credo.platform.Branding.MODEL, brandings.of(credential.organizationId()));
        return "wallet/share";
    }

    /**
     * The earner turned this page on to show the credential, so its previews name them; never their email address or
     * the identifier their school knows them by.
     */
    private OpenGraph openGraph(IssuedCredential credential, CredentialDetails details) {
        var issued = Certificates.DATE.format(credential.issuedAt().atZone(ZoneOffset.UTC));
        var description = details.description().isBlank()
                ? "Issued by " + details.issuerName() + " on " + issued + "."
                : "Issued by " + details.issuerName() + " on " + issued + ". " + details.description();
        return new OpenGraph(
                credential.recipientName() + " earned " + credential.achievementName(),
                description.length() > 300 ? description.substring(0, 299) + "…" : description,
                properties.link("/share/" + credential.id()),
                properties.link("/verify/" + credential.id() + "/badge.png"),
                "Badge of " + credential.achievementName() + ", issued by " + details.issuerName(),
                false);
    }

    private String refused(ClaimLinks.Outcome outcome, HttpServletResponse response, Model model) {
        response.setStatus(outcome == ClaimLinks.Outcome.UNKNOWN ? 404 : 410);
        model.addAttribute(
                "reason",
                switch (outcome) {
                    case USED -> "This link was already used. Each link opens your wallet once.";
                    case EXPIRED -> "This link has expired.";
                    default -> "This link is not valid.";
                });
        return "wallet/claim-refused";
    }

    private IssuedCredential owned(UUID id, HttpServletRequest request) {
        var earner = earner(request);
        return credentials
                .findAnywhere(id)
                .filter(c -> earner != null && c.recipientEmail().equalsIgnoreCase(earner))
                .orElseThrow(() -> ProblemException.notFound("That credential"));
    }

    private String verifyUrl(IssuedCredential credential) {
        return properties.link("/verify/" + credential.id());
    }

    private static @Nullable String earner(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(EARNER);
    }

    /** LinkedIn's "add a certification" link, filled in from the credential. */
    private String linkedIn(IssuedCredential credential, CredentialDetails details) {
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
                .append(encode(verifyUrl(credential)))
                .append("&certId=")
                .append(encode(credential.id().toString()))
                .toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
