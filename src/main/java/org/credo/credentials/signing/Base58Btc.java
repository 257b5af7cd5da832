package org.credo.credentials.signing;

import java.math.BigInteger;
import java.util.Arrays;

/** The Bitcoin base58 alphabet, as multibase prefix {@code z} uses it. */
final class Base58Btc {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];
    private static final BigInteger BASE = BigInteger.valueOf(58);

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58Btc() {}

    static String encode(byte[] input) {
        int leadingZeros = 0;
        while (leadingZeros < input.length && input[leadingZeros] == 0) {
            leadingZeros++;
        }
        // Repeated division of a big-endian byte array by 58; digits come out least significant first.
        byte[] number = Arrays.copyOf(input, input.length);
        char[] digits = new char[input.length * 2];
        int out = digits.length;
        int start = leadingZeros;
        while (start < number.length) {
            int remainder = 0;
            for (int i = start; i < number.length; i++) {
                int value = (remainder << 8) | (number[i] & 0xff);
                number[i] = (byte) (value / 58);
                remainder = value % 58;
            }
            digits[--out] = ALPHABET[remainder];
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < leadingZeros; i++) {
            digits[--out] = ALPHABET[0];
        }
        return new String(digits, out, digits.length - out);
    }

    static byte[] decode(String input) {
        BigInteger value = BigInteger.ZERO;
        int leadingOnes = 0;
        boolean leading = true;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not base58btc: character '" + c + "' at " + i);
            }
            if (leading && digit == 0) {
                leadingOnes++;
            } else {
                leading = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] result = new byte[leadingOnes + magnitude.length - skip];
        System.arraycopy(magnitude, skip, result, leadingOnes, magnitude.length - skip);
        return result;
    }
}
