package org.credo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** A real SMTP server for tests (GreenMail, on port 3025 by default), and helpers to read what arrived. */
public final class Mailbox {

    /**
     * The SMTP port, 3025 unless {@code CREDO_TEST_SMTP_PORT} says otherwise (so that two checkouts
     * can run their tests side by side).
     */
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("CREDO_TEST_SMTP_PORT", "3025"));

    private Mailbox() {}

    private static ServerSetup smtp() {
        var setup = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // The default two seconds are too short on a loaded 2-core machine.
        setup.setServerStartupTimeout(15_000);
        return setup;
    }

    /** Register as a static {@code @RegisterExtension} field. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(smtp())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(true);
    }

    /** Waits for a message to an address and returns the last one. */
    public static MimeMessage awaitMessageTo(GreenMailExtension mail, String address) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> Arrays.stream(mail.getReceivedMessages())
                                .filter(m -> recipients(m).contains(address))
                                .reduce((a, b) -> b)
                                .orElse(null),
                        m -> m != null);
    }

    /**
     * Waits for a message to an address whose subject contains the words, and returns the last one: other mail to the
     * same address (the demo data's, another test's) does not count.
     */
    public static MimeMessage awaitMessageTo(GreenMailExtension mail, String address, String subjectWords) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(
                        () -> Arrays.stream(mail.getReceivedMessages())
                                .filter(m -> recipients(m).contains(address)
                                        && subject(m).contains(subjectWords))
                                .reduce((a, b) -> b)
                                .orElse(null),
                        m -> m != null);
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in a message body that starts with the given path. */
    public static String link(MimeMessage message, String pathPrefix) {
        var body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        var matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s]*)")
                .matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in:\n" + body);
        }
        return matcher.group(1);
    }
}
