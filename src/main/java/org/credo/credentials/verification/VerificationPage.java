package org.credo.credentials.verification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.credentials.badges.BakedCredentials;
import org.credo.credentials.badges.OpenGraph;
import org.credo.credentials.insight.CredentialTimeline;
import org.credo.credentials.insight.Step;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.credo.platform.BoundedCache;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.PublicHeader;
import org.credo.platform.PublicPages;
import org.credo.platform.UploadLimit;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification page: paste a credential, upload its file, or follow a link to one issued here. No sign-in;
 * it shows the checks and the credential's public facts, never the recipient's email.
 */
@Controller
class VerificationPage {

    static final String VIEW = "credentials/verify";
    static final String RESULT = VIEW + " :: result";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** How long browsers and caches may show a verification page without asking again: a status may change. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** How long a report of a credential issued here is kept while its stamp stays the same. */
    static final Duration KEPT = Duration.ofSeconds(60);

    private final CredentialVerifier verifier;
    private final IssuedCredentials credentials;
    private final CredoProperties properties;
    private final CredentialTimeline timeline;
    private final Organizations organizations;
    private final BoundedCache<String, Verified> reports = new BoundedCache<>(10_000, KEPT);

    private final org.credo.platform.Brandings brandings;

    VerificationPage(
            CredentialVerifier verifier,
            IssuedCredentials credentials,
            CredoProperties properties,
            CredentialTimeline timeline,
            Organizations organizations,
            org.credo.platform.Brandings brandings) {
        this.brandings = brandings;
        this.verifier = verifier;
        this.credentials = credentials;
        this.properties = properties;
        this.organizations = organizations;
        this.timeline = timeline;
    }

    /** The report as a page shows it: a banner with its symbol, the checks, the public facts with dates in words. */
    record Result(
            String headline,
            String meaning,
            String tone,
            String symbol,
            List<VerificationReport.Check> checks,
            @Nullable String achievementName,
            @Nullable String issuerName,
            @Nullable String recipientName,
            @Nullable String validFrom,
            @Nullable String validUntil) {

        static Result of(VerificationReport report) {
            var headline = report.verdict().headline();
            var change = report.statusChange();
            if (change != null && (report.verdict() == Verdict.REVOKED || report.verdict() == Verdict.SUSPENDED)) {
                headline += (change.changedAt() == null ? "" : " on " + DAY.format(change.changedAt()))
                        + (change.reason() == null ? "" : ": " + change.reason());
            }
            var facts = report.facts();
            var meaning = report.verdict().meaning();
            if (report.verdict() == Verdict.EXPIRED && facts != null && facts.validUntil() != null) {
                meaning = "The credential's validity period ended on " + DAY.format(facts.validUntil()) + ".";
            }
            return new Result(
                    headline,
                    meaning,
                    tone(report.verdict()),
                    symbol(report.verdict()),
                    report.checks(),
                    facts == null ? null : facts.achievementName(),
                    facts == null ? null : facts.issuerName(),
                    facts == null ? null : facts.recipientName(),
                    facts == null ? null : moment(facts.validFrom()),
                    facts == null ? null : moment(facts.validUntil()));
        }

        private static @Nullable String moment(@Nullable Instant instant) {
            return instant == null ? null : MOMENT.format(instant);
        }

        private static String tone(Verdict verdict) {
            return switch (verdict) {
                case VERIFIED -> "success";
                case SUSPENDED, EXPIRED, NOT_YET_VALID, STATUS_UNKNOWN, NOT_CONFORMANT -> "warning";
                default -> "danger";
            };
        }

        // Unknown is neither good nor bad news: a question mark, not the warning's exclamation mark.
        private static String symbol(Verdict verdict) {
            return switch (tone(verdict)) {
                case "success" -> "✓";
                case "danger" -> "✗";
                default -> verdict == Verdict.STATUS_UNKNOWN ? "?" : "!";
            };
        }
    }

    @GetMapping("/verify")
    @Nullable
    String form(ServletWebRequest request) {
        if (PublicPages.notModified(request, Duration.ofMinutes(10), "verify-form")) {
            return null;
        }
        var kept = PublicPages.kept(request);
        return kept != null ? kept : VIEW;
    }

    @PostMapping("/verify")
    String verify(
            @RequestParam(name = "credential", required = false) @Nullable String pasted,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var errors = new ArrayList<String>();
        try {
            String text = null;
            if (file != null && !file.isEmpty()) {
                text = credentialIn(UploadLimit.CREDENTIAL.read(file), errors);
            } else if (pasted != null && !pasted.isBlank()) {
                text = pasted;
            } else {
                errors.add("Paste the credential's JSON, or choose its .json file.");
            }
            if (text != null) {
                model.addAttribute("result", Result.of(verifier.verify(text)));
            }
            // Shown again for correction, unless over a limit: then it is no use, and large.
            if (text != null && (file == null || file.isEmpty())) {
                model.addAttribute("pasted", pasted);
            }
        } catch (ProblemException e) {
            // Over a limit of ADR 21: a file, an image or a credential too large or nested too deeply.
            errors.add(e.getMessage());
        }
        model.addAttribute("errors", errors);
        return htmx != null ? RESULT : VIEW;
    }

    /** The credential's text in an uploaded file: baked into an image, or the file itself. */
    private static @Nullable String credentialIn(byte[] bytes, List<String> errors) {
        if (!BakedCredentials.isImage(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            var baked = BakedCredentials.extract(bytes);
            if (baked.isEmpty()) {
                errors.add("This image carries no Open Badges credential. Choose a baked badge (PNG or SVG)"
                        + " or the credential's .json file.");
            }
            return baked.orElse(null);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage() + " Choose the credential's .json file instead.");
            return null;
        }
    }

    /**
     * Link previews of the verification page name the achievement and the issuer, never the recipient: the earner did
     * not choose to publish this page (the share page is the one they publish), and previews are cached and indexed
     * by other sites. Nor do they state the verdict, which a cached preview would keep after a revocation.
     */
    private OpenGraph openGraph(IssuedCredential credential, Result result) {
        var achievement = credential.achievementName();
        var issuer = result.issuerName() == null ? "its issuer" : result.issuerName();
        return new OpenGraph(
                achievement + " · credential issued by " + issuer,
                "Check this " + achievement + " credential from " + issuer
                        + ": its signature, its issuer and whether it is still in force.",
                properties.link("/verify/" + credential.id()),
                properties.link("/verify/" + credential.id() + "/badge.png"),
                "Badge of " + achievement + ", issued by " + issuer,
                true);
    }

    /**
     * The page of a credential issued here. Its entity tag and the kept report follow the credential's public stamp
     * (state, validity, status lists, issuer keys), so a revocation shows at once; the report is also kept no longer
     * than {@link #KEPT}, since checks that depend on the clock may change without the stamp (ADR 29).
     */
    @GetMapping("/verify/{credentialId}")
    @Nullable
    String issuedHere(@PathVariable String credentialId, ServletWebRequest request, Model model) {
        UUID id;
        try {
            id = UUID.fromString(credentialId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("That credential");
        }
        var stamp = credentials.publicStamp(id).orElseThrow(() -> ProblemException.notFound("That credential"));
        var organization = organizations.find(stamp.organizationId()).orElse(null);
        var brand = brandings.of(stamp.organizationId());
        var page = reports.get(id + "|" + stamp.value(), () -> {
            var stored = credentials.findAnywhere(id).orElseThrow(() -> ProblemException.notFound("That credential"));
            var result = Result.of(verifier.verify(stored.document()));
            return new Verified(result, openGraph(stored, result));
        });
        // Every reader counts once in the credential's timeline, whether the page is rendered, kept or not modified.
        timeline.recordReader(
                id, Step.VERIFIED, "public verification page: " + page.result().headline(), request.getRequest());
        if (PublicPages.notModified(request, MAX_AGE, "verify", id, stamp.value(), organization, brand)) {
            return null;
        }
        var kept = PublicPages.kept(request);
        if (kept != null) {
            return kept;
        }
        model.addAttribute("result", page.result());
        model.addAttribute("linked", true);
        model.addAttribute(OpenGraph.MODEL, page.openGraph());
        if (organization != null) {
            model.addAttribute(PublicHeader.MODEL, PublicHeader.of(organization));
        }
        model.addAttribute("badgeImage", "/verify/" + id + "/badge.png");
        model.addAttribute(org.credo.platform.Branding.MODEL, brand);
        return VIEW;
    }

    /** A report as the page of a credential issued here shows it. */
    private record Verified(Result result, OpenGraph openGraph) {}
}
