package org.credo.credentials.verification;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code BitstringStatusListEntry} of a credential, read by the data model of W3C Bitstring Status List v1.0
 * (section 2.1): an index given as a string of base-10 digits, a status of {@code statusSize} bits (1 unless given),
 * and for more than one bit a {@code statusMessage} for each of the 2^statusSize values.
 *
 * @param messages the message of each value, empty when the entry gives none
 */
record StatusEntry(String purpose, String listUrl, BigInteger index, int size, Map<Integer, String> messages) {

    static final String TYPE = "BitstringStatusListEntry";

    // 2^30 messages would not fit in any credential Credo reads; past that the count cannot even be stated.
    private static final int MAX_SIZE = 30;

    /**
     * Reads an entry whose type is {@value #TYPE}.
     *
     * @throws IllegalArgumentException naming the property that breaks the data model, and what it must be
     */
    static StatusEntry parse(JsonObject entry) {
        if (!(entry.get("statusPurpose") instanceof JsonString purpose)
                || purpose.getString().isBlank()) {
            throw new IllegalArgumentException("Its statusPurpose must be a string, like \"revocation\".");
        }
        var index = entry.get("statusListIndex");
        if (!(index instanceof JsonString digits) || !digits.getString().matches("[0-9]+")) {
            throw new IllegalArgumentException(
                    "Its statusListIndex must be a string of base-10 digits (like \"94567\")," + " not "
                            + describe(index) + ".");
        }
        if (!(entry.get("statusListCredential") instanceof JsonString url) || !absolute(url.getString())) {
            throw new IllegalArgumentException("Its statusListCredential must be the URL of a status list credential.");
        }
        int size = size(entry.get("statusSize"));
        var messages = messages(entry.get("statusMessage"), size);
        var reference = entry.get("statusReference");
        var references = CredentialVerifier.strings(reference);
        if (reference != null && (references.isEmpty() || !references.stream().allMatch(StatusEntry::absolute))) {
            throw new IllegalArgumentException("Its statusReference must be a URL or a list of URLs.");
        }
        return new StatusEntry(
                purpose.getString(), url.getString(), new BigInteger(digits.getString()), size, Map.copyOf(messages));
    }

    /** The words for a value: its statusMessage, or "set" and "unset" for one bit without messages (section 2.1). */
    String message(int value) {
        var message = messages.get(value);
        if (message != null) {
            return message;
        }
        return value == 0 ? "unset" : "set";
    }

    private static int size(@Nullable JsonValue value) {
        if (value == null) {
            return 1;
        }
        if (!(value instanceof JsonNumber number)
                || !number.isIntegral()
                || number.bigIntegerValue().signum() <= 0) {
            throw new IllegalArgumentException(
                    "Its statusSize must be an integer greater than zero, not " + describe(value) + ".");
        }
        if (number.bigIntegerValue().compareTo(BigInteger.valueOf(MAX_SIZE)) > 0) {
            throw new IllegalArgumentException("Its statusSize of " + number + " bits would need 2^" + number
                    + " status messages; no credential can list them.");
        }
        return number.intValue();
    }

    private static Map<Integer, String> messages(@Nullable JsonValue value, int size) {
        if (value == null) {
            if (size > 1) {
                throw new IllegalArgumentException("Its statusSize is " + size
                        + ", so it must give a statusMessage for each of the " + (1 << size) + " values.");
            }
            return Map.of();
        }
        if (!(value instanceof JsonArray array) || array.size() != (1 << size)) {
            throw new IllegalArgumentException("Its statusMessage must be a list of " + (1 << size)
                    + " messages, one for each value of " + size + " bit" + (size == 1 ? "" : "s") + ".");
        }
        var messages = new HashMap<Integer, String>();
        for (var element : array) {
            if (!(element instanceof JsonObject object)
                    || !(object.get("status") instanceof JsonString status)
                    || !status.getString().matches("0x[0-9a-fA-F]{1,8}")
                    || !(object.get("message") instanceof JsonString message)) {
                throw new IllegalArgumentException("Each statusMessage must have a status (a hexadecimal value like"
                        + " \"0x1\") and a message (a string).");
            }
            long code = Long.parseLong(status.getString().substring(2), 16);
            if (code >= (1L << size) || messages.put((int) code, message.getString()) != null) {
                throw new IllegalArgumentException("The statusMessage values must be distinct and fit in " + size
                        + " bit" + (size == 1 ? "" : "s") + "; " + status.getString() + " does not.");
            }
        }
        return messages;
    }

    private static boolean absolute(String url) {
        try {
            return URI.create(url).getScheme() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String describe(@Nullable JsonValue value) {
        if (value == null) {
            return "missing";
        }
        return switch (value.getValueType()) {
            case STRING -> "\"" + ((JsonString) value).getString() + "\"";
            case NUMBER -> value + " (a number)";
            case TRUE, FALSE -> value + " (a boolean)";
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
        };
    }
}
