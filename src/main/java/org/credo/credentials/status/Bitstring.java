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
        return decode(encodedList, Integer.MAX_VALUE - 8);
    }

    /**
     * Decodes a list, refusing one that inflates to more than {@code maxBytes}: a list from another server is
     * anyone's input, and a few hundred kilobytes of GZIP can inflate to gigabytes.
     *
     * @throws IllegalArgumentException if it is not multibase base64url GZIP, or inflates to more than maxBytes
     */
    public static byte[] decode(String encodedList, int maxBytes) {
        if (encodedList.isEmpty() || encodedList.charAt(0) != 'u') {
            throw new IllegalArgumentException("encodedList must be multibase base64url (start with 'u')");
        }
        try (var gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
            var bits = gzip.readNBytes(maxBytes);
            if (gzip.read() != -1) {
                throw new IllegalArgumentException("encodedList inflates to more than " + maxBytes + " bytes");
            }
            return bits;
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP-compressed", e);
        }
    }

    /**
     * The value of an entry of {@code statusSize} bits: the bits from {@code index * statusSize} on, the first one
     * most significant (Bitstring Status List v1.0, section 3.2).
     *
     * @throws IndexOutOfBoundsException if the entry lies (partly) outside the list
     */
    public static int value(byte[] bits, long index, int statusSize) {
        if (statusSize < 1 || statusSize > 31) {
            throw new IllegalArgumentException("statusSize must be between 1 and 31 bits");
        }
        if (index < 0 || index >= bits.length * 8L / statusSize) {
            throw new IndexOutOfBoundsException(
                    "entry " + index + " is outside a list of " + bits.length * 8L + " bits");
        }
        long first = index * statusSize;
        int value = 0;
        for (int i = 0; i < statusSize; i++) {
            value = (value << 1) | (get(bits, (int) (first + i)) ? 1 : 0);
        }
        return value;
    }
}
