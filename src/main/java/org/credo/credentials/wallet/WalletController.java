package org.credo.credentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.UUID;
import org.credo.credentials.badges.BadgeImages;
import org.credo.credentials.badges.OpenGraph;
import org.credo.credentials.insight.CredentialTimeline;
import org.credo.credentials.insight.Step;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CurrentUser;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.PublicHeader;
import org.credo.platform.PublicPages;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The earner portal. An earner signs in by a claim link, an emailed sign-in link, a password or as a signed-in
 * person of Credo; the wallet lists every credential issued to any of the earner's verified addresses, in any
 * organization. A credential of another address is "not found", so nothing about it leaks.
 */
@Controller
class WalletController {

    /** How long a share page may be shown without asking again: it shows the credential's status. */
    static final Duration SHARE_MAX_AGE = Duration.ofSeconds(60);

    private final ClaimLinks claims;
    private final IssuedCredentials credentials;
    private final Certificates certificates;
    private final CredoProperties properties;
    private final BadgeImages badges;
    private final CredentialTimeline timeline;
    private final Earners earners;
    private final EarnerAccounts accounts;
    private final Organizations organizations;
    private final org.credo.platform.Brandings brandings;

    WalletController(
            org.credo.platform.Brandings brandings,
            ClaimLinks claims,
            IssuedCredentials credentials,
            Certificates certificates,
            CredoProperties properties,
            BadgeImages badges,
            CredentialTimeline timeline,
            Earners earners,
            EarnerAccounts accounts,
            Organizations organizations) {
        this.organizations = organizations;
        this.claims = claims;
        this.credentials = credentials;
        this.certificates = certificates;
        this.properties = properties;
        this.badges = badges;
        this.timeline = timeline;
        this.earners = earners;
        this.accounts = accounts;
        this.brandings = brandings;
    }

    /** A credential in the wallet: the credential, its organization's name, whether the profile shows it. */
    record Card(IssuedCredential credential, String organizationName, boolean onProfile) {}

    /** An organization the wallet can be filtered by. */
    record Issuer(UUID id, String name) {}

    @GetMapping("/wallet")
    String wallet(
            @RequestParam(required = false) @Nullable UUID organization, HttpServletRequest request, Model model) {
        var account = signedIn(request);
        if (account.isEmpty()) {
            return "redirect:/wallet/sign-in";
        }
        var emails = EarnerSession.emails(request);
        var onProfile = accounts.profileCredentials(account.get().id());
        var names = new HashMap<UUID, String>();
        var all = credentials.forRecipients(emails).stream()
                .map(c -> new Card(
                        c,
                        names.computeIfAbsent(c.organizationId(), earners::organizationName),
                        onProfile.contains(c.id())))
                .toList();
        model.addAttribute("account", account.get());
        model.addAttribute("emails", emails);
        model.addAttribute(
                "issuers",
                names.entrySet().stream()
                        .map(e -> new Issuer(e.getKey(), e.getValue()))
                        .sorted(java.util.Comparator.comparing(Issuer::name))
                        .toList());
        model.addAttribute("organization", organization);
        model.addAttribute(
                "cards",
                all.stream()
                        .filter(c -> organization == null
                                || c.credential().organizationId().equals(organization))
                        .toList());
        model.addAttribute("total", all.size());
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

    /**
     * The link proves the address: it joins the signed-in earner's account, or opens the account that already
     * holds it, or a new one.
     */
    @PostMapping("/wallet/claim/{token}")
    String claim(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        var signedIn = signedIn(request);
        var check = claims.redeem(token);
        if (check.outcome() != ClaimLinks.Outcome.VALID || check.email() == null || check.credentialId() == null) {
            return refused(check.outcome(), response, model);
        }
        var credential = credentials.findAnywhere(check.credentialId()).orElseThrow();
        var account = signedIn.isPresent() && accounts.ownerOf(check.email()).isEmpty()
                ? earners.attach(signedIn.get(), check.email())
                : earners.openByClaim(check.email(), credential.recipientName(), credential.organizationId());
        EarnerSession.signIn(request, account.id(), accounts.emails(account.id()));
        timeline.record(check.credentialId(), Step.CLAIMED, null);
        return "redirect:/wallet";
    }

    @PostMapping("/wallet/sign-out")
    String signOut(HttpServletRequest request, RedirectAttributes redirect) {
        EarnerSession.signOut(request);
        redirect.addFlashAttribute("flash", "You left your wallet.");
        return CurrentUser.find().isPresent() ? "redirect:/" : "redirect:/wallet/sign-in";
    }

    @GetMapping("/wallet/credentials/{id}")
    String credential(@PathVariable UUID id, HttpServletRequest request, Model model) {
        var credential = owned(id, request);
        timeline.recordReader(id, Step.VIEWED, "in the wallet", request);
        var details = CredentialDetails.of(credential.document());
        var shared = credentials.shared(id);
        var verifyUrl = verifyUrl(credential);
        var shareUrl = properties.link("/share/" + id);
        var account = signedIn(request).orElseThrow();
        model.addAttribute("credential", credential);
        model.addAttribute("details", details);
        model.addAttribute("organizationName", earners.organizationName(credential.organizationId()));
        model.addAttribute("verifyUrl", verifyUrl);
        model.addAttribute("linkedIn", ShareLinks.linkedInProfile(credential, details, verifyUrl));
        model.addAttribute(
                "share",
                ShareLinks.of(
                        credential,
                        details,
                        shared ? shareUrl : verifyUrl,
                        verifyUrl,
                        properties.link("/verify/" + id + "/badge.png")));
        model.addAttribute("shared", shared);
        model.addAttribute("shareUrl", shareUrl);
        model.addAttribute("account", account);
        model.addAttribute(
                "onProfile", accounts.profileCredentials(account.id()).contains(id));
        return "wallet/credential";
    }

    @GetMapping("/wallet/credentials/{id}.json")
    ResponseEntity<String> json(@PathVariable UUID id, HttpServletRequest request) {
        var credential = owned(id, request);
        timeline.record(id, Step.DOWNLOADED, "JSON");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vc+ld+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credential-" + id + ".json\"")
                .body(credential.document());
    }

    @GetMapping("/wallet/credentials/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, HttpServletRequest request) {
        var credential = owned(id, request);
        timeline.record(id, Step.DOWNLOADED, "PDF");
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
        timeline.record(id, Step.DOWNLOADED, "SVG");
        return download(credential, "svg", MediaType.parseMediaType("image/svg+xml"))
                .body(badges.bakedSvg(credential));
    }

    /** The Open Badges 3.0 baked PNG: the badge picture with the signed credential in an iTXt chunk. */
    @GetMapping("/wallet/credentials/{id}.png")
    ResponseEntity<byte[]> png(@PathVariable UUID id, HttpServletRequest request) {
        var credential = owned(id, request);
        timeline.record(id, Step.DOWNLOADED, "PNG");
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
        if (credentials.shared(id) != enabled) {
            timeline.record(id, enabled ? Step.SHARED : Step.UNSHARED, "share page");
        }
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
    @Nullable
    String shared(@PathVariable UUID id, ServletWebRequest request, Model model) {
        var stamp = credentials
                .publicStamp(id)
                .filter(IssuedCredentials.PublicStamp::shared)
                .orElseThrow(() -> ProblemException.notFound("That shared credential"));
        var organization = organizations.find(stamp.organizationId()).orElse(null);
        var brand = brandings.of(stamp.organizationId());
        // Every reader counts once in the credential's timeline, whether the page is rendered, kept or not modified.
        timeline.recordReader(id, Step.VIEWED, "share page", request.getRequest());
        if (PublicPages.notModified(request, SHARE_MAX_AGE, "share", id, stamp.value(), organization, brand)) {
            return null;
        }
        var kept = PublicPages.kept(request);
        if (kept != null) {
            return kept;
        }
        var credential =
                credentials.findAnywhere(id).orElseThrow(() -> ProblemException.notFound("That shared credential"));
        if (organization != null) {
            model.addAttribute(PublicHeader.MODEL, PublicHeader.of(organization));
        }
        var details = CredentialDetails.of(credential.document());
        model.addAttribute("credential", credential);
        model.addAttribute("details", details);
        model.addAttribute("verifyUrl", verifyUrl(credential));
        model.addAttribute(OpenGraph.MODEL, openGraph(credential, details));
        model.addAttribute(org.credo.platform.Branding.MODEL, brand);
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
        signedIn(request);
        return credentials
                .findAnywhere(id)
                .filter(c -> EarnerSession.owns(request, c.recipientEmail()))
                .orElseThrow(() -> ProblemException.notFound("That credential"));
    }

    /**
     * The earner signed into the wallet; a signed-in person of Credo is signed in with the account of their
     * address, opened now if they have none, since their invitation proved the address.
     */
    private java.util.Optional<EarnerAccounts.Account> signedIn(HttpServletRequest request) {
        var account = EarnerSession.account(request).flatMap(accounts::find);
        if (account.isPresent()) {
            return account;
        }
        var user = CurrentUser.find();
        if (user.isEmpty()) {
            return java.util.Optional.empty();
        }
        var opened = earners.openForPerson(
                user.get().email(), user.get().displayName(), user.get().organizationId());
        EarnerSession.join(request, opened.id(), accounts.emails(opened.id()));
        return java.util.Optional.of(opened);
    }

    private String verifyUrl(IssuedCredential credential) {
        return properties.link("/verify/" + credential.id());
    }
}
