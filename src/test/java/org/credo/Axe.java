package org.credo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core (Deque's accessibility engine, shipped as {@code axe.min.js} in a test dependency; nothing is
 * fetched) on the page a browser shows, and returns the violations of impact serious or critical.
 */
public final class Axe {

    private static final String SCRIPT = load();

    // axe.run is asynchronous; the last argument is Selenium's callback. Only what a report needs comes back. Text
    // whose contrast axe measured too low but only "needs review" (it takes 1:1 for text hidden on purpose, which
    // Credo never does) counts as a colour-contrast violation too.
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            function summary(v) {
              return {rule: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(function (n) {
                  return n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')' : '');
                })};
            }
            function measuredTooLow(node) {
              return node.any.some(function (check) {
                var d = check.data || {};
                return d.contrastRatio > 0 && d.contrastRatio < parseFloat(d.expectedContrastRatio);
              });
            }
            axe.run(document, {resultTypes: ['violations', 'incomplete']}).then(function (results) {
              var found = results.violations
                .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(summary);
              results.incomplete
                .filter(function (v) { return v.id === 'color-contrast'; })
                .forEach(function (v) {
                  var low = v.nodes.filter(measuredTooLow);
                  if (low.length > 0) {
                    found.push(summary({id: v.id, impact: 'serious', help: v.help + ' (text barely visible)', nodes: low}));
                  }
                });
              done(found);
            }).catch(function (e) { done([{rule: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
            """;

    private Axe() {}

    /** One rule broken on a page, with up to five of the elements that break it. */
    public record Violation(String page, String rule, String impact, String help, List<String> nodes) {

        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ") " + help + "\n      " + String.join("\n      ", nodes);
        }
    }

    /**
     * Makes Chrome load axe-core into every page it opens from now on, so that {@link #check} need not send the
     * half-megabyte script through WebDriver for each page.
     */
    public static void preload(ChromeDriver browser) {
        browser.executeCdpCommand("Page.enable", Map.of());
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPT));
    }

    /** The serious and critical violations on the page the browser shows now, named by {@code page}. */
    @SuppressWarnings("unchecked")
    public static List<Violation> check(WebDriver browser, String page) {
        var js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SCRIPT);
        }
        var found = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
        var violations = new ArrayList<Violation>();
        for (var v : found) {
            violations.add(new Violation(
                    page, (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"), (List<String>)
                            v.get("nodes")));
        }
        return violations;
    }

    private static String load() {
        try (var in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
