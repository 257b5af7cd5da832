package org.credo.credentials.badges;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the {@code openbadgecredential} iTXt chunk of a PNG by walking its chunks, without decoding the picture or any
 * other chunk, within {@link ImageLimits}: ImageIO's metadata reader inflates every compressed text chunk in full
 * before anyone can look at its size.
 */
final class BakedPng {

    private static final int SIGNATURE_LENGTH = 8;
    private static final int IHDR_LENGTH = 13;

    private final byte[] file;
    private int position = SIGNATURE_LENGTH;

    private BakedPng(byte[] file) {
        this.file = file;
    }

    /**
     * The text of the first {@code openbadgecredential} iTXt chunk, or empty when there is none.
     *
     * @throws IllegalArgumentException when the PNG is damaged
     * @throws org.credo.platform.ProblemException when the image or its credential is over a limit
     */
    static Optional<String> credential(byte[] file) {
        return new BakedPng(file).read();
    }

    private Optional<String> read() {
        int chunks = 0;
        while (position < file.length) {
            if (++chunks > ImageLimits.MAX_CHUNKS) {
                throw ImageLimits.tooLarge(
                        "The PNG has too many chunks: over " + ImageLimits.MAX_CHUNKS + ", the most Credo reads.",
                        "chunks",
                        ImageLimits.MAX_CHUNKS,
                        chunks);
            }
            if (file.length - position < 12) {
                throw damaged("its last chunk is cut short");
            }
            int length = int32(position);
            if (length < 0 || length > file.length - position - 12) {
                throw damaged("a chunk runs past the end of the file");
            }
            var type = new String(file, position + 4, 4, StandardCharsets.ISO_8859_1);
            int data = position + 8;
            checkCrc(data - 4, length + 4, int32(data + length));
            if (chunks == 1 && (!type.equals("IHDR") || length != IHDR_LENGTH)) {
                throw damaged("it does not start with its header chunk (IHDR)");
            }
            switch (type) {
                case "IHDR" -> checkDimensions(int32(data), int32(data + 4));
                case "iTXt" -> {
                    var text = credentialText(data, length);
                    if (text.isPresent()) {
                        return text;
                    }
                }
                case "IEND" -> {
                    return Optional.empty();
                }
                default -> {
                    // Pictures, colour profiles and other text are skipped unread.
                }
            }
            position = data + length + 4;
        }
        throw damaged("it has no end chunk (IEND)");
    }

    private static void checkDimensions(int width, int height) {
        long w = Integer.toUnsignedLong(width);
        long h = Integer.toUnsignedLong(height);
        if (w > ImageLimits.MAX_SIDE || h > ImageLimits.MAX_SIDE) {
            throw ImageLimits.tooLarge(
                    "The image is too large: " + w + " × " + h + " pixels > " + ImageLimits.MAX_SIDE + " × "
                            + ImageLimits.MAX_SIDE + ", the most Credo reads. A badge is a few hundred pixels wide.",
                    "pixels",
                    ImageLimits.MAX_SIDE,
                    Math.max(w, h));
        }
    }

    // iTXt: keyword, NUL, compression flag, compression method, language tag, NUL, translated keyword, NUL, text.
    private Optional<String> credentialText(int data, int length) {
        int end = data + length;
        int keywordEnd = indexOfNul(data, end);
        var keyword = new String(file, data, keywordEnd - data, StandardCharsets.ISO_8859_1);
        if (!keyword.equals(BadgeImages.PNG_KEYWORD)) {
            return Optional.empty();
        }
        if (keywordEnd + 3 > end) {
            throw damaged("its " + BadgeImages.PNG_KEYWORD + " chunk is cut short");
        }
        boolean compressed = file[keywordEnd + 1] != 0;
        int languageEnd = indexOfNul(keywordEnd + 3, end);
        int translatedEnd = indexOfNul(languageEnd + 1, end);
        int text = translatedEnd + 1;
        int textLength = end - text;
        if (!compressed) {
            if (textLength > ImageLimits.MAX_CREDENTIAL_BYTES) {
                throw credentialTooLarge(
                        textLength + " bytes > " + ImageLimits.MAX_CREDENTIAL_BYTES + ", the most Credo reads",
                        textLength);
            }
            return Optional.of(new String(file, text, textLength, StandardCharsets.UTF_8));
        }
        return Optional.of(new String(inflate(text, textLength), StandardCharsets.UTF_8));
    }

    // Inflates in steps and stops one byte past the limit, so a bomb costs at most that much memory and time.
    private byte[] inflate(int offset, int length) {
        var inflater = new Inflater();
        try {
            inflater.setInput(file, offset, length);
            var out = new ByteArrayOutputStream(Math.min(length * 4, 64 * 1024));
            var buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw damaged("its compressed " + BadgeImages.PNG_KEYWORD + " chunk is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > ImageLimits.MAX_CREDENTIAL_BYTES) {
                    throw credentialTooLarge(
                            "it inflates to more than " + ImageLimits.MAX_CREDENTIAL_BYTES
                                    + " bytes, the most Credo reads",
                            out.size());
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw damaged("its compressed " + BadgeImages.PNG_KEYWORD + " chunk is not valid zlib data");
        } finally {
            inflater.end();
        }
    }

    private static RuntimeException credentialTooLarge(String measure, long actual) {
        return ImageLimits.tooLarge(
                "The credential in the PNG is too large: " + measure + ". A credential is a few kilobytes.",
                "credential bytes",
                ImageLimits.MAX_CREDENTIAL_BYTES,
                actual);
    }

    private void checkCrc(int offset, int length, int expected) {
        var crc = new CRC32();
        crc.update(file, offset, length);
        if ((int) crc.getValue() != expected) {
            throw damaged("a chunk's checksum does not match");
        }
    }

    private int indexOfNul(int from, int end) {
        for (int i = from; i < end; i++) {
            if (file[i] == 0) {
                return i;
            }
        }
        throw damaged("its " + BadgeImages.PNG_KEYWORD + " chunk is cut short");
    }

    private int int32(int at) {
        return ((file[at] & 0xff) << 24)
                | ((file[at + 1] & 0xff) << 16)
                | ((file[at + 2] & 0xff) << 8)
                | (file[at + 3] & 0xff);
    }

    private static IllegalArgumentException damaged(String why) {
        return new IllegalArgumentException("The PNG file is damaged: " + why + ".");
    }
}
