package org.credo.platform.branding;

import com.github.weisj.jsvg.attributes.ViewBox;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.ResourcePolicy;
import com.github.weisj.jsvg.parser.SVGLoader;
import java.awt.Component;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.tika.Tika;
import org.credo.platform.ImagePurpose;
import org.credo.platform.Images;
import org.credo.platform.ProblemException;
import org.credo.platform.StoredImage;
import org.credo.platform.Timestamps;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and stores pictures. The content type is what Apache Tika finds in the bytes, never what the browser claims;
 * only PNG and SVG are taken, a PNG must decode, and an SVG must pass {@link SvgRules}. Each stored picture gets a PNG
 * copy at most {@link #RASTER} pixels a side, drawn once here, so that nothing draws an SVG on a request.
 */
@Service
class ImageStore implements Images {

    static final int RASTER = 512;
    static final int MAX_SIDE = 4096;

    private static final Tika TIKA = new Tika();

    private final JdbcClient jdbc;

    ImageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public StoredImage upload(UUID organizationId, ImagePurpose purpose, String field, byte[] file) {
        if (file.length > UploadLimit.IMAGE.bytes()) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "File too large",
                    field + ": the file is too large: " + file.length + " bytes > " + UploadLimit.IMAGE.bytes()
                            + ", the most Credo takes; a badge or logo is a few hundred kilobytes; export it smaller.",
                    Map.of(
                            "limit",
                            "bytes",
                            "maximum",
                            UploadLimit.IMAGE.bytes(),
                            "actual",
                            file.length,
                            "errors",
                            java.util.List.of(Map.of("field", field, "message", "the file is too large"))));
        }
        if (file.length == 0) {
            throw ProblemException.invalidField(field, "choose a PNG or SVG file; the upload was empty.");
        }
        var type = TIKA.detect(file);
        return switch (type) {
            case "image/png" -> store(organizationId, purpose, "image/png", file, png(field, file));
            case "image/svg+xml" -> {
                var problem = SvgRules.problem(file);
                if (problem != null) {
                    throw ProblemException.invalidField(field, problem);
                }
                yield store(organizationId, purpose, "image/svg+xml", file, svg(field, file));
            }
            default ->
                throw ProblemException.invalidField(
                        field,
                        "the file is not a PNG or SVG picture (it looks like " + type
                                + "); choose a .png or .svg file.");
        };
    }

    @Override
    @Transactional
    public StoredImage storeDrawn(UUID organizationId, ImagePurpose purpose, String svg, byte[] png) {
        var raster = png(purpose.name().toLowerCase(), png);
        return store(organizationId, purpose, "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8), raster);
    }

    @Override
    public Optional<StoredImage> find(UUID id) {
        return jdbc.sql("SELECT * FROM stored_image WHERE id = ?")
                .param(id)
                .query(ImageStore::image)
                .optional();
    }

    private StoredImage store(UUID organizationId, ImagePurpose purpose, String type, byte[] bytes, Raster raster) {
        var image = new StoredImage(
                UUID.randomUUID(),
                organizationId,
                purpose,
                type,
                sha256(bytes),
                bytes,
                raster.png(),
                raster.width(),
                raster.height());
        jdbc.sql("""
                INSERT INTO stored_image (id, organization_id, purpose, content_type, sha256, bytes, png, width, height,
                  created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        image.id(),
                        organizationId,
                        purpose.name(),
                        type,
                        image.sha256(),
                        bytes,
                        raster.png(),
                        raster.width(),
                        raster.height(),
                        Timestamps.sql(Timestamps.now()))
                .update();
        return image;
    }

    /** The size of a picture and its PNG copy. */
    record Raster(byte[] png, int width, int height) {}

    /** Reads the PNG's size from its header before decoding, so that a huge picture is refused unread. */
    private static Raster png(String field, byte[] file) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw ProblemException.invalidField(field, "the PNG file is damaged; export it again.");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(field, width, height);
                var image = reader.read(0);
                return new Raster(scaled(image), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalidField(field, "the PNG file is damaged; export it again.");
        }
    }

    private static Raster svg(String field, byte[] file) {
        var context = LoaderContext.builder()
                .externalResourcePolicy(ResourcePolicy.DENY_EXTERNAL)
                .documentLimits(DocumentLimits.DEFAULT)
                .build();
        var document = new SVGLoader().load(new ByteArrayInputStream(file), null, context);
        if (document == null) {
            throw ProblemException.invalidField(field, "the SVG could not be drawn; export it again.");
        }
        var size = document.size();
        float width = size.width > 0 ? size.width : RASTER;
        float height = size.height > 0 ? size.height : RASTER;
        checkSize(field, (int) width, (int) height);
        float scale = RASTER / Math.max(width, height);
        int w = Math.max(1, Math.round(width * scale));
        int h = Math.max(1, Math.round(height * scale));
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            document.render((Component) null, g, new ViewBox(0, 0, w, h));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField(field, "the SVG could not be drawn; export it again.");
        } finally {
            g.dispose();
        }
        return new Raster(encode(image), (int) width, (int) height);
    }

    private static void checkSize(String field, long width, long height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw ProblemException.invalidField(
                    field,
                    "the picture is " + width + " × " + height + " pixels; the most Credo takes is " + MAX_SIDE + " × "
                            + MAX_SIDE + ". A badge is drawn at a few hundred.");
        }
        if (width < 1 || height < 1) {
            throw ProblemException.invalidField(field, "the picture has no size; export it again.");
        }
    }

    private static byte[] scaled(BufferedImage image) {
        int side = Math.max(image.getWidth(), image.getHeight());
        if (side <= RASTER) {
            return encode(image);
        }
        double scale = (double) RASTER / side;
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return encode(out);
    }

    private static byte[] encode(BufferedImage image) {
        var out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredImage image(ResultSet rs, int row) throws SQLException {
        return new StoredImage(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                ImagePurpose.valueOf(rs.getString("purpose")),
                rs.getString("content_type"),
                rs.getString("sha256"),
                rs.getBytes("bytes"),
                rs.getBytes("png"),
                rs.getInt("width"),
                rs.getInt("height"));
    }

    static @Nullable UUID parseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
