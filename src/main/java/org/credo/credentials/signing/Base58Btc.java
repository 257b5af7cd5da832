package org.credo.credentials.signing;

import java.math.BigInteger;
import java.util.Arrays;

/** The Bitcoin base58 alphabet, as multibase prefix {@code z} uses it. */
public final class Base58Btc {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];
    // Ten base58 digits at a time fit in a long, so big-number arithmetic runs once per ten digits.
    private static final int CHUNK_DIGITS = 10;
    private static final long CHUNK = 430804206899405824L; // 58^10
    private static final BigInteger BIG_CHUNK = BigInteger.valueOf(CHUNK);

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58Btc() {}

    /** The base58btc text of bytes (without the multibase {@code z}). */
    public static String encode(byte[] input) {
        int leadingZeros = 0;
        while (leadingZeros < input.length && input[leadingZeros] == 0) {
            leadingZeros++;
        }
        StringBuilder reversed = new StringBuilder(input.length * 14 / 10 + 2);
        BigInteger value = new BigInteger(1, input);
        while (value.signum() > 0) {
            BigInteger[] quotientAndRemainder = value.divideAndRemainder(BIG_CHUNK);
            value = quotientAndRemainder[0];
            long chunk = quotientAndRemainder[1].longValue();
            for (int i = 0; i < CHUNK_DIGITS && (chunk > 0 || value.signum() > 0); i++) {
                reversed.append(ALPHABET[(int) (chunk % 58)]);
                chunk /= 58;
            }
        }
        for (int i = 0; i < leadingZeros; i++) {
            reversed.append(ALPHABET[0]);
        }
        return reversed.reverse().toString();
    }

    /**
     * The bytes of base58btc text (without the multibase {@code z}).
     *
     * @throws IllegalArgumentException if a character is not in the alphabet
     */
    public static byte[] decode(String input) {
        int leadingOnes = 0;
        while (leadingOnes < input.length() && input.charAt(leadingOnes) == ALPHABET[0]) {
            leadingOnes++;
        }
        BigInteger value = BigInteger.ZERO;
        long chunk = 0;
        long scale = 1;
        for (int i = leadingOnes; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not base58btc: character '" + c + "' at " + i);
            }
            chunk = chunk * 58 + digit;
            scale *= 58;
            if (scale == CHUNK) {
                value = value.multiply(BIG_CHUNK).add(BigInteger.valueOf(chunk));
                chunk = 0;
                scale = 1;
            }
        }
        if (scale > 1) {
            value = value.multiply(BigInteger.valueOf(scale)).add(BigInteger.valueOf(chunk));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] result = new byte[leadingOnes + magnitude.length - skip];
        System.arraycopy(magnitude, skip, result, leadingOnes, magnitude.length - skip);
        return result;
    }
}
