package org.credo.credentials.signing;

/** A document could not be signed; the message says why (an unknown context, an undefined term, ...). */
public final class SigningException extends RuntimeException {

    SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
