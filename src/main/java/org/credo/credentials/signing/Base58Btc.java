package org.credo.credentials.signing;

import java.math.BigInteger;
import java.util.Arrays;

/** The Bitcoin base58 alphabet, as multibase prefix {@code z} uses it. */
public final class Base58Btc {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];
    // Decoding: ten base58 digits at a time fit in a long, so big-number arithmetic runs once per ten digits.
    private static final int CHUNK_DIGITS = 10;
    private static final long CHUNK = 430804206899405824L; // 58^10
    private static final BigInteger BIG_CHUNK = BigInteger.valueOf(CHUNK);
    // Encoding divides 32-bit words, so its chunk must stay below 2^31: 58^5.
    private static final int WORD_CHUNK_DIGITS = 5;
    private static final long WORD_CHUNK = 656_356_768L;

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
        // The number as 32-bit words, most significant first, divided in place by 58^5 until it is zero: each
        // division is one pass of long arithmetic and yields five digits.
        int[] words = new int[(input.length + 3) / 4];
        for (int i = 0; i < input.length; i++) {
            int fromEnd = input.length - 1 - i;
            words[words.length - 1 - fromEnd / 4] |= (input[i] & 0xff) << (8 * (fromEnd % 4));
        }
        char[] reversed = new char[input.length * 138 / 100 + 6];
        int length = 0;
        int first = 0;
        while (first < words.length) {
            long remainder = 0;
            for (int i = first; i < words.length; i++) {
                long current = (remainder << 32) | (words[i] & 0xffffffffL);
                words[i] = (int) (current / WORD_CHUNK);
                remainder = current % WORD_CHUNK;
            }
            while (first < words.length && words[first] == 0) {
                first++;
            }
            for (int digit = 0; digit < WORD_CHUNK_DIGITS; digit++) {
                reversed[length++] = ALPHABET[(int) (remainder % 58)];
                remainder /= 58;
            }
        }
        // The last division's high digits are zeros of the number itself, not of the input: drop them.
        while (length > 0 && reversed[length - 1] == ALPHABET[0]) {
            length--;
        }
        var out = new StringBuilder(leadingZeros + length);
        for (int i = 0; i < leadingZeros; i++) {
            out.append(ALPHABET[0]);
        }
        for (int i = length - 1; i >= 0; i--) {
            out.append(reversed[i]);
        }
        return out.toString();
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
