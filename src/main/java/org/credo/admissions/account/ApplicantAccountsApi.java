package org.credo.admissions.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The REST twin of the sign-up form: public, with the same rules, limits and the same answer for every address. */
@RestController
@Tag(name = "Applicant accounts", description = "Self-service sign-up of applicants, verified by an emailed link")
class ApplicantAccountsApi {

    /** The answer to every accepted sign-up, whether or not anything was sent. */
    @Schema(description = "What happens next; the same for every address.")
    record Accepted(String status, String detail) {}

    static final Accepted CHECK_YOUR_EMAIL = new Accepted(
            "CHECK_YOUR_EMAIL",
            "If the address can be used, an email is on its way to it: follow its link within "
                    + ApplicantSignUps.VALIDITY.toHours() + " hours to open the account.");

    private final ApplicantSignUps signUps;

    ApplicantAccountsApi(ApplicantSignUps signUps) {
        this.signUps = signUps;
    }

    @PostMapping("/api/v1/applicant-accounts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Sign up as an applicant",
            description = "Public. Emails a single-use link (valid 24 hours) that opens an applicant account; an"
                    + " address that already has an account is emailed a note to sign in or reset the password"
                    + " instead. The answer is 202 with the same body in every case; limits per address and per"
                    + " network apply silently. A refused field (password rules, unknown program) answers 400"
                    + " Problem Details naming it.")
    @ApiResponse(responseCode = "202", description = "Accepted; check the mailbox")
    @ApiResponse(responseCode = "400", description = "A field to fix, named under errors")
    Accepted signUp(@Valid @RequestBody SignUp signUp, HttpServletRequest request) {
        signUps.request(signUp, request.getRemoteAddr());
        return CHECK_YOUR_EMAIL;
    }
}
