package org.credo.platform;

/**
 * Sends one plain-text email now. Account mail (invitations, password resets) goes through it;
 * failures surface as {@link MailFailed} so the caller's transaction rolls back.
 */
public interface Mailer {

    /** Sends, or throws {@link MailFailed} saying why not. */
    void send(String to, String subject, String body);

    /** Mail that could not be handed to the mail server. */
    class MailFailed extends ProblemException {
        public MailFailed(String detail) {
            super(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "Email could not be sent",
                    detail,
                    java.util.Map.of());
        }
    }
}
