package org.credo.platform.people;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PasswordSignInPaused;
import org.credo.platform.SourceThrottle;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.credo.platform.config.EncryptionKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses password sign-in after repeated failures, counted per typed email (existing or not) and
 * per source network, each for {@code credo.security.sign-in-pause} (ADR 20). It never touches the
 * person: API tokens and passkeys keep working while a stranger guesses. Other modules' sign-in pages
 * count per source network through {@link SourceThrottle}, under their own page name.
 */
@Component
@EnableScheduling // for the clean-up, whichever other module also schedules
class SignInThrottle implements SourceThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInFailures failures;
    private final People people;
    private final ApplicationEventPublisher events;
    private final CredoProperties.Security settings;
    private final SecretKeySpec subjectKey;

    SignInThrottle(
            SignInFailures failures,
            People people,
            ApplicationEventPublisher events,
            CredoProperties properties,
            EncryptionKey key) {
        this.failures = failures;
        this.people = people;
        this.events = events;
        this.settings = properties.security();
        this.subjectKey =
                new SecretKeySpec(("sign-in-throttle:" + key.secret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Whether password sign-in for this email, or from this source address, is paused now. */
    @Transactional(readOnly = true)
    boolean paused(String email, @Nullable String source) {
        return failures.anyPaused(emailSubject(email), sourceSubject(source), Timestamps.now());
    }

    /**
     * Counts a failed password sign-in against the email and the source; the failure that reaches a
     * limit pauses that subject. A paused email of a real person is audited in each of their
     * organizations; a paused source is logged (it belongs to no organization).
     */
    @Transactional
    void failed(String email, @Nullable String source) {
        var now = Timestamps.now();
        count(emailSubject(email), settings.maxFailedSignIns(), now)
                .ifPresent(until -> people.findByEmail(email).ifPresent(person -> {
                    for (var membership : people.memberships(person.id())) {
                        events.publishEvent(new PasswordSignInPaused(
                                ChangeStamp.by(membership.organizationId(), person.id(), person.displayName()),
                                person.id(),
                                person.email(),
                                settings.maxFailedSignIns(),
                                until));
                    }
                }));
        count(sourceSubject(source), settings.maxFailedSignInsPerSource(), now)
                .ifPresent(until -> log.warn(
                        "Password sign-in from {} paused until {} after {} failed attempts",
                        network(source),
                        until,
                        settings.maxFailedSignInsPerSource()));
    }

    /** Forgets an email's failures: after a successful sign-in, or a password reset by emailed link. */
    @Transactional
    void forget(String email) {
        failures.forget(emailSubject(email));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean passwordPaused(String page, @Nullable String source) {
        return failures.paused(pageSubject(page, "password", source), Timestamps.now());
    }

    @Override
    @Transactional
    public void passwordFailed(String page, @Nullable String source) {
        count(pageSubject(page, "password", source), settings.maxFailedSignInsPerSource(), Timestamps.now())
                .ifPresent(until -> log.warn(
                        "Password sign-in on {} from {} paused until {} after {} failed attempts",
                        page,
                        network(source),
                        until,
                        settings.maxFailedSignInsPerSource()));
    }

    @Override
    @Transactional
    public boolean linkAllowed(String page, @Nullable String source) {
        var subject = pageSubject(page, "link", source);
        var now = Timestamps.now();
        if (failures.paused(subject, now)) {
            return false;
        }
        // The request that reaches the limit is still answered; the ones after it wait.
        count(subject, settings.maxSignInLinksPerSource(), now)
                .ifPresent(until -> log.warn(
                        "Sign-in links on {} from {} paused until {} after {} requests",
                        page,
                        network(source),
                        until,
                        settings.maxSignInLinksPerSource()));
        return true;
    }

    @Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT15M")
    @Transactional
    void forgetOldFailures() {
        failures.forgetBefore(Timestamps.now().minus(window()));
    }

    /** The pause that this failure starts, if it is the one that reaches the limit. */
    private Optional<Instant> count(String subject, int limit, Instant now) {
        var tally = failures.lock(subject, now);
        // Failures count within one pause period; older ones are forgotten.
        var fresh = tally.countedSince().isBefore(now.minus(window()));
        int counted = (fresh ? 0 : tally.failures()) + 1;
        var since = fresh ? now : tally.countedSince();
        if (counted >= limit) {
            var until = now.plus(window());
            failures.save(subject, new SignInFailures.Tally(0, now, until));
            return Optional.of(until);
        }
        failures.save(subject, new SignInFailures.Tally(counted, since, tally.pausedUntil()));
        return Optional.empty();
    }

    private Duration window() {
        return settings.signInPause();
    }

    private String emailSubject(String email) {
        return digest("email:" + People.normalizeEmail(email));
    }

    private String sourceSubject(@Nullable String source) {
        return digest("source:" + network(source));
    }

    /** Another page's count for a network, apart from staff sign-in's and from each other page's. */
    private String pageSubject(String page, String kind, @Nullable String source) {
        return digest(page + ":" + kind + ":source:" + network(source));
    }

    /**
     * The network a source address stands for: an IPv4 address itself, an IPv6 address's /64, which
     * one subscriber usually holds whole, so that stepping through it does not reset the count.
     */
    static String network(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal with ':' is parsed, never looked up.
            var bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private String digest(String subject) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(subjectKey);
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
