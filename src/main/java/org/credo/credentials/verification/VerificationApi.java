package org.credo.credentials.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credo.credentials.signing.DocumentLimits;
import org.credo.credentials.verification.VerificationReport.Check;
import org.credo.credentials.verification.VerificationReport.Outcome;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * W3C VC-API verification: {@code POST /credentials/verify} and {@code POST /presentations/verify}, public. 200 when
 * verified; 400 with the same body, whose {@code errors} say why, when not.
 */
@RestController
@Tag(name = "Verification", description = "W3C VC-API verification, no account needed")
class VerificationApi {

    private static final String PROBLEMS = "https://credo.example/problems/verification/";

    private final CredentialVerifier verifier;
    private final HolderProofs holderProofs;

    VerificationApi(CredentialVerifier verifier, HolderProofs holderProofs) {
        this.verifier = verifier;
        this.holderProofs = holderProofs;
    }

    /** The VC-API request: the credential, and options Credo accepts but does not need. */
    record VerifyCredentialRequest(
            @Nullable JsonNode verifiableCredential,
            @Nullable Map<String, Object> options) {}

    /** The VC-API request for a presentation; options may carry the challenge and domain its proof must name. */
    record VerifyPresentationRequest(
            @Nullable JsonNode verifiablePresentation,
            @Nullable Map<String, Object> options) {}

    /** A VC-API problem: a warning or an error about one check. */
    record Problem(String type, String title, String detail) {}

    /** The VC-API verification result, with Credo's verdict in words. */
    record VerifyResponse(
            boolean verified,
            String verdict,
            List<String> checks,
            List<Problem> warnings,
            List<Problem> errors,
            VerificationReport.@Nullable PublicFacts credential) {}

    /** The result for a presentation: overall checks, and one result per credential in it. */
    record VerifyPresentationResponse(
            boolean verified,
            List<String> checks,
            List<Problem> warnings,
            List<Problem> errors,
            List<VerifyResponse> credentialResults) {}

    @Operation(summary = "Verify a credential (VC-API)")
    @PostMapping(
            value = "/credentials/verify",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VerifyResponse> verifyCredential(@RequestBody VerifyCredentialRequest request) {
        var credential = request.verifiableCredential();
        var jwt = EnvelopedCredentials.jwt(credential);
        if (jwt == null && (credential == null || !credential.isObject())) {
            throw ProblemException.invalidField(
                    "verifiableCredential", "send the credential as a JSON object, or a VC-JWT as a string.");
        }
        var response = response(verifier.verify(jwt != null ? jwt : credential.toString()));
        return ResponseEntity.status(response.verified() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(response);
    }

    @Operation(
            summary = "Verify a presentation (VC-API)",
            description = "Checks the holder's proof (purpose authentication; options.challenge and options.domain"
                    + " when given), then every credential in it.")
    @PostMapping(
            value = "/presentations/verify",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VerifyPresentationResponse> verifyPresentation(@RequestBody VerifyPresentationRequest request) {
        var presentation = request.verifiablePresentation();
        if (presentation == null || !presentation.isObject()) {
            throw ProblemException.invalidField("verifiablePresentation", "send the presentation as a JSON object.");
        }
        DocumentLimits.check(presentation.toString(), "The presentation");
        if (!strings(presentation.get("type")).contains("VerifiablePresentation")) {
            throw ProblemException.invalidField(
                    "verifiablePresentation.type", "its type must include VerifiablePresentation.");
        }
        var options = request.options() == null ? Map.<String, Object>of() : request.options();
        var holderProof = holderProofs.check(
                presentation.toString(),
                options.get("challenge") instanceof String c ? c : null,
                options.get("domain") instanceof String d ? d : null);
        var embedded = presentation.get("verifiableCredential");
        var credentials = new ArrayList<JsonNode>();
        if (embedded != null && embedded.isArray()) {
            embedded.forEach(credentials::add);
        } else if (embedded != null) {
            credentials.add(embedded);
        }
        var results = new ArrayList<VerifyResponse>();
        var errors = new ArrayList<Problem>();
        var warnings = new ArrayList<Problem>();
        var checks = new ArrayList<String>();
        switch (holderProof.outcome()) {
            case PASSED -> checks.add("proof");
            case FAILED ->
                errors.add(new Problem(PROBLEMS + "holder-proof", "Holder proof: failed", holderProof.explanation()));
            default ->
                warnings.add(
                        new Problem(PROBLEMS + "holder-proof", "Holder proof: not checked", holderProof.explanation()));
        }
        for (int i = 0; i < credentials.size(); i++) {
            var credential = credentials.get(i);
            if (!credential.isObject()) {
                errors.add(new Problem(
                        PROBLEMS + "credential",
                        "Credential " + (i + 1) + ": not an object",
                        "verifiableCredential holds credentials as objects, never strings, numbers or URLs."));
                continue;
            }
            var result = response(verifier.verify(credential.toString()));
            results.add(result);
            if (!result.verified()) {
                errors.add(new Problem(
                        PROBLEMS + "credential",
                        "Credential " + (i + 1) + ": " + result.verdict(),
                        result.errors().isEmpty()
                                ? "It did not verify."
                                : result.errors().get(0).detail()));
            }
        }
        var verified = errors.isEmpty();
        if (verified && !credentials.isEmpty()) {
            checks.add("credentials");
        }
        var body = new VerifyPresentationResponse(verified, checks, warnings, errors, results);
        return ResponseEntity.status(verified ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(body);
    }

    static VerifyResponse response(VerificationReport report) {
        var checks = new ArrayList<String>();
        var warnings = new ArrayList<Problem>();
        var errors = new ArrayList<Problem>();
        for (Check check : report.checks()) {
            var id = slug(check.name());
            switch (check.outcome()) {
                case PASSED -> checks.add(id);
                case WARNING, NOT_CHECKED ->
                    warnings.add(new Problem(
                            PROBLEMS + id, check.name() + ": " + label(check.outcome()), check.explanation()));
                case FAILED -> errors.add(new Problem(PROBLEMS + id, check.name() + ": failed", check.explanation()));
            }
        }
        if (!report.verified() && errors.isEmpty()) {
            // Not verified only through checks that could not be done (a status list out of reach, say): a client
            // that reads errors must still learn why (ADR 22).
            var verdict = report.verdict();
            var why = report.checks(Outcome.NOT_CHECKED).stream()
                    .map(c -> " " + c.explanation())
                    .findFirst()
                    .orElse("");
            errors.add(new Problem(PROBLEMS + slug(verdict.name()), verdict.headline(), verdict.meaning() + why));
        }
        return new VerifyResponse(
                report.verified(), report.verdict().headline(), checks, warnings, errors, report.facts());
    }

    private static String label(Outcome outcome) {
        return outcome.label().toLowerCase(Locale.ROOT);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static List<String> strings(@Nullable JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isString()) {
            return List.of(node.asString());
        }
        var values = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asString("")));
        }
        return values;
    }
}
