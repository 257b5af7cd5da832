package org.credo.credentials.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bitstring of W3C Bitstring Status List v1.0: index 0 is the most significant bit of the first
 * byte; published GZIP-compressed, base64url without padding, with the multibase prefix {@code u}.
 */
public final class Bitstring {

    private Bitstring() {}

    public static boolean get(byte[] bits, int index) {
        return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    public static void set(byte[] bits, int index, boolean value) {
        if (value) {
            bits[index >>> 3] |= (byte) (0x80 >>> (index & 7));
        } else {
            bits[index >>> 3] &= (byte) ~(0x80 >>> (index & 7));
        }
    }

    /** The value of an entry of {@code size} bits at entry {@code index}, its first bit the most significant. */
    public static int value(byte[] bits, int index, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 1) | (get(bits, index * size + i) ? 1 : 0);
        }
        return value;
    }

    /** Sets the {@code size} bits of entry {@code index} to {@code value}, its first bit the most significant. */
    public static void setValue(byte[] bits, int index, int size, int value) {
        for (int i = 0; i < size; i++) {
            set(bits, index * size + i, ((value >>> (size - 1 - i)) & 1) == 1);
        }
    }

    public static String encode(byte[] bits) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public static byte[] decode(String encodedList) {
        if (encodedList.isEmpty() || encodedList.charAt(0) != 'u') {
            throw new IllegalArgumentException("encodedList must be multibase base64url (start with 'u')");
        }
        try (var gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP-compressed", e);
        }
    }
}
