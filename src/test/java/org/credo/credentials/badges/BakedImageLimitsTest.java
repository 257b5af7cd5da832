package org.credo.credentials.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.credo.Cost;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Baked badges uploaded to the public verification page are read within limits: a decompression bomb, a huge image or
 * a flood of chunks is refused in well under a second with a message in the form, and an SVG may carry a DOCTYPE but
 * no entity.
 */
@CredoTest
class BakedImageLimitsTest {

    /** The size the issue's bomb inflated to. */
    static final long BOMB_INFLATED_BYTES = 900L * 1024 * 1024;

    static byte[] bomb;

    @Autowired
    MockMvc mvc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    BadgeImages badges;

    @Autowired
    JdbcClient jdbc;

    /** A PNG whose openbadgecredential chunk is compressed iTXt that inflates to 900 MB of zeros. */
    static synchronized byte[] pngBomb() {
        if (bomb == null) {
            var deflater = new Deflater(Deflater.BEST_COMPRESSION);
            var zeros = new byte[1024 * 1024];
            var compressed = new ByteArrayOutputStream(1024 * 1024);
            var buffer = new byte[64 * 1024];
            for (long fed = 0; fed < BOMB_INFLATED_BYTES; fed += zeros.length) {
                deflater.setInput(zeros);
                while (!deflater.needsInput()) {
                    compressed.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            bomb = png(512, 512, itxt(BadgeImages.PNG_KEYWORD, true, compressed.toByteArray()));
        }
        return bomb;
    }

    static byte[] png(int width, int height, byte[]... extraChunks) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(chunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 6)
                        .array()));
        for (var chunk : extraChunks) {
            out.writeBytes(chunk);
        }
        // One transparent pixel row is enough: the reader never decodes the picture.
        out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] itxt(String keyword, boolean compressed, byte[] text) {
        var data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, (byte) (compressed ? 1 : 0), 0, 0, 0});
        data.writeBytes(text);
        return chunk("iTXt", data.toByteArray());
    }

    static byte[] chunk(String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    String verifyPage(String name, byte[] file) throws Exception {
        return mvc.perform(multipart("/verify")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", file))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String bakedSvg() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var credential = issuance.issue(
                org,
                CredentialFixtures.request(achievement.id(), "svg.reader@example.test", Cryptosuite.RDFC),
                "test",
                null);
        return badges.bakedSvg(credential);
    }

    @Test
    void aPngWhoseCredentialInflatesTo900MbIsRefusedInWellUnderASecond() throws Exception {
        var png = pngBomb();
        assertThat(png.length).as("the bomb's size").isBetween(800_000, 1_000_000);
        verifyPage("warm-up.png", png(64, 64));

        var cost = Cost.of(() -> assertThat(verifyPage("badge.png", png))
                .contains("The credential in the PNG is too large: it inflates to more than 1048576 bytes, the most"
                        + " Credo reads."));
        System.out.println(cost.describe("PNG bomb of " + png.length + " bytes (900 MB inflated) uploaded to /verify"));

        assertThat(cost.cpuMillis()).isLessThan(1000);
        assertThat(cost.allocatedBytes()).as("bytes allocated").isLessThan(50_000_000);
        assertThat(cost.heapAfterBytes() - cost.heapBeforeBytes())
                .as("heap kept")
                .isLessThan(10_000_000);
    }

    @Test
    void fourPngBombsInParallelLeaveTheHeapAsItWas() throws Exception {
        var png = pngBomb();
        var cost = Cost.of(() -> {
            var threads = new Thread[4];
            var refused = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(() -> {
                    try {
                        BakedCredentials.extract(png);
                    } catch (ProblemException e) {
                        refused.incrementAndGet();
                    }
                });
                threads[i].start();
            }
            for (var thread : threads) {
                thread.join();
            }
            assertThat(refused).hasValue(4);
        });
        System.out.println(cost.describe("four PNG bombs read in parallel"));

        assertThat(cost.millis()).isLessThan(1000);
        assertThat(cost.heapAfterBytes() - cost.heapBeforeBytes())
                .as("heap kept")
                .isLessThan(10_000_000);
    }

    @Test
    void theBombIsRefusedWith413NamingTheLimit() {
        assertThatThrownBy(() -> BakedCredentials.extract(pngBomb()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.properties()).containsEntry("maximum", 1_048_576L);
                });
    }

    @Test
    void anImageLargerThan4096PixelsASideIsRefused() throws Exception {
        assertThat(verifyPage("huge.png", png(100_000, 100_000)))
                .contains("The image is too large: 100000 × 100000 pixels &gt; 4096 × 4096, the most Credo reads.");
    }

    @Test
    void aPngWithThousandsOfChunksIsRefused() throws Exception {
        var chunks = new byte[2000][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = chunk("tEXt", ("Comment\0" + i).getBytes(StandardCharsets.ISO_8859_1));
        }

        assertThat(verifyPage("chunky.png", png(64, 64, chunks)))
                .contains("The PNG has too many chunks: over 1024, the most Credo reads.");
    }

    @Test
    void aDamagedPngIsReportedInTheForm() throws Exception {
        var png = png(64, 64, itxt(BadgeImages.PNG_KEYWORD, false, "{}".getBytes(StandardCharsets.UTF_8)));
        png[png.length - 33] ^= 1; // in the checksum of the iTXt chunk, which ends 32 bytes before the file

        assertThat(verifyPage("damaged.png", png)).contains("The PNG file is damaged: a chunk&#39;s checksum");
    }

    @Test
    void aCredentialInACompressedChunkWithinTheLimitIsRead() {
        var deflater = new Deflater();
        deflater.setInput("{\"name\":\"small\"}".getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        var buffer = new byte[256];
        int n = deflater.deflate(buffer);
        var compressed = java.util.Arrays.copyOf(buffer, n);

        assertThat(BakedCredentials.extract(png(64, 64, itxt(BadgeImages.PNG_KEYWORD, true, compressed))))
                .contains("{\"name\":\"small\"}");
    }

    @Test
    void anSvgWithADoctypeAsInTheReferenceSampleVerifies() throws Exception {
        var svg = bakedSvg()
                .replaceFirst(
                        "\\?>\n",
                        "?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
                                + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n");
        assertThat(svg).contains("<!DOCTYPE svg PUBLIC");

        assertThat(verifyPage("badge.svg", svg.getBytes(StandardCharsets.UTF_8)))
                .contains("id=\"verdict\">Verified<");
    }

    @Test
    void anSvgThatStartsWithItsDoctypeIsReadAsAnImage() throws Exception {
        var svg = bakedSvg().replaceFirst("<\\?xml[^>]*>\n", "<!DOCTYPE svg>\n");

        assertThat(verifyPage("badge.svg", svg.getBytes(StandardCharsets.UTF_8)))
                .contains("id=\"verdict\">Verified<");
    }

    @Test
    void anSvgWithAnExternalEntityIsRefused() throws Exception {
        var svg = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                <openbadges:credential>&secret;</openbadges:credential></svg>""";

        var page = verifyPage("xxe.svg", svg.getBytes(StandardCharsets.UTF_8));

        assertThat(page)
                .contains("The SVG declares an external entity (file:///etc/passwd) named secret: Credo reads no"
                        + " entities in an uploaded image")
                .doesNotContain("root:");
    }

    @Test
    void anSvgWithEntityExpansionIsRefusedInWellUnderASecond() throws Exception {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append(
                        "]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">")
                .append("<openbadges:credential>&lol9;</openbadges:credential></svg>");
        var svg = laughs.toString().getBytes(StandardCharsets.UTF_8);

        var cost = Cost.of(() -> mvc.perform(multipart("/verify")
                        .file(new MockMultipartFile("file", "laughs.svg", "image/svg+xml", svg))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The SVG declares an entity named lol0"))));
        System.out.println(cost.describe("billion laughs SVG uploaded to /verify"));

        assertThat(cost.cpuMillis()).isLessThan(1000);
    }
}
