package org.credo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Whole-page PNG screenshots at a given viewport width, written to {@code target/screenshots/} for a reviewer to look
 * at without clicking through. The width is set through Chrome's device emulation, so that 390 is the viewport a phone
 * has (the window of a headless browser can be wider than asked).
 */
public final class Screenshots {

    /** Where the pictures go. */
    public static final Path FOLDER = Path.of("target", "screenshots");

    /** A page taller than this is cut: a reviewer looks at the top, and huge PNGs slow the run. */
    private static final int MAX_HEIGHT = 4000;

    private Screenshots() {}

    /** Shows the page as a desktop browser {@code width} pixels wide would. */
    public static void desktop(ChromeDriver browser, int width) {
        emulate(browser, width, 900, false);
    }

    /** Shows the page as a phone {@code width} pixels wide would. */
    public static void phone(ChromeDriver browser, int width) {
        emulate(browser, width, 844, true);
    }

    /** Writes the page as it shows now, at most {@value #MAX_HEIGHT} pixels tall, to {@code FOLDER/name.png}. */
    public static Path write(ChromeDriver browser, String name) {
        var width = ((Number) browser.executeScript("return window.innerWidth")).intValue();
        var height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).intValue();
        var shot = browser.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, MAX_HEIGHT), "scale", 1)));
        var file = FOLDER.resolve(name + ".png");
        try {
            Files.createDirectories(FOLDER);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void emulate(ChromeDriver browser, int width, int height, boolean mobile) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }
}
