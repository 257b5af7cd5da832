package org.credo.credentials.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    VerificationApi(CredentialVerifier verifier) {
        this.verifier = verifier;
    }

    /** The VC-API request: the credential, and options Credo accepts but does not need. */
    record VerifyCredentialRequest(
            @Nullable JsonNode verifiableCredential,
            @Nullable Map<String, Object> options) {}

    /** The VC-API request for a presentation without its own proof. */
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

    @Operation(summary = "Verify a presentation without its own proof, credential by credential (VC-API)")
    @PostMapping(
            value = "/presentations/verify",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VerifyPresentationResponse> verifyPresentation(@RequestBody VerifyPresentationRequest request) {
        var presentation = request.verifiablePresentation();
        if (presentation == null || !presentation.isObject()) {
            throw ProblemException.invalidField("verifiablePresentation", "send the presentation as a JSON object.");
        }
        if (!strings(presentation.get("type")).contains("VerifiablePresentation")) {
            throw ProblemException.invalidField(
                    "verifiablePresentation", "its type must include VerifiablePresentation.");
        }
        if (presentation.has("proof")) {
            throw ProblemException.badRequest(
                    "Presentation proofs not supported",
                    "Credo verifies presentations without a proof of their own, by verifying every credential in"
                            + " them; it cannot check a holder's proof yet. Send the presentation without its proof,"
                            + " or each credential to /credentials/verify.");
        }
        var embedded = presentation.get("verifiableCredential");
        var credentials = new ArrayList<JsonNode>();
        if (embedded != null && embedded.isArray()) {
            embedded.forEach(credentials::add);
        } else if (embedded != null) {
            credentials.add(embedded);
        }
        if (credentials.isEmpty()) {
            throw ProblemException.invalidField(
                    "verifiablePresentation.verifiableCredential", "the presentation holds no credential to verify.");
        }
        var results = new ArrayList<VerifyResponse>();
        var errors = new ArrayList<Problem>();
        for (int i = 0; i < credentials.size(); i++) {
            var credential = credentials.get(i);
            var result = credential.isObject()
                    ? response(verifier.verify(credential.toString()))
                    : response(verifier.verify("\"not an object\""));
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
        var body = new VerifyPresentationResponse(
                verified, verified ? List.of("credentials") : List.of(), List.of(), errors, results);
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
