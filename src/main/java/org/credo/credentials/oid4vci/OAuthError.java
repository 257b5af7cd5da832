package org.credo.credentials.oid4vci;

import org.springframework.http.HttpStatus;

/**
 * An OAuth 2.0 / OpenID4VCI error response: {@code {"error": code, "error_description": text}} with its status.
 * Wallets read the code; the description tells a person what went wrong.
 */
class OAuthError extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    OAuthError(HttpStatus status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    static OAuthError badRequest(String code, String description) {
        return new OAuthError(HttpStatus.BAD_REQUEST, code, description);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
