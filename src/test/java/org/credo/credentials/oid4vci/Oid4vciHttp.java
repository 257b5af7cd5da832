package org.credo.credentials.oid4vci;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * Real HTTP against the running application on its random port: an earner's browser (cookies, CSRF tokens from the
 * forms) and a wallet (no cookies, no CSRF token at all).
 */
final class Oid4vciHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern OFFER = Pattern.compile("id=\"offer-uri\"[^>]*>([^<]+)</textarea>");

    private final String origin;

    Oid4vciHttp(int port) {
        this.origin = "http://localhost:" + port;
    }

    String origin() {
        return origin;
    }

    /** A JSON response. */
    record Reply(int status, String contentType, String cacheControl, JsonObject body) {}

    /** An earner's browser session, signed into the wallet with a claim link. */
    final class Earner {
        private final HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String session = "";

        Earner claim(String claimPath) throws Exception {
            var page = get(claimPath);
            assertThat(page.statusCode()).isEqualTo(200);
            var signedIn = postForm(claimPath, Map.of("_csrf", csrf(page.body())));

            assertThat(signedIn.statusCode()).isEqualTo(302);
            return this;
        }

        /** The earner's credential page, then its "add to a wallet" form: the offer's deep link, or the failure. */
        HttpResponse<String> requestOffer(java.util.UUID credentialId) throws Exception {
            var page = get("/wallet");
            var token = page.body().contains("name=\"_csrf\"") ? csrf(page.body()) : "none";
            return postForm("/wallet/credentials/" + credentialId + "/wallet-offer", Map.of("_csrf", token));
        }

        String offer(java.util.UUID credentialId) throws Exception {
            var response = requestOffer(credentialId);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var matcher = OFFER.matcher(response.body());
            assertThat(matcher.find()).as("the page shows the offer link").isTrue();
            return HtmlUtils.htmlUnescape(matcher.group(1).trim());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
        }

        private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(origin + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        }

        // The JDK's cookie manager does not send cookies back to "localhost": keep the session cookie by hand.
        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!session.isEmpty()) {
                request.header("Cookie", session);
            }
            var response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("CREDO_SESSION="))
                    .findFirst()
                    .ifPresent(c -> session = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
            return response;
        }

        private String csrf(String html) {
            var matcher = CSRF.matcher(html);
            assertThat(matcher.find()).as("a CSRF field in %s", html).isTrue();
            return matcher.group(1);
        }
    }

    Earner earner() {
        return new Earner();
    }

    private final HttpClient wallet = HttpClient.newHttpClient();

    /** The offer object inside a deep link. */
    static JsonObject offerOf(String deepLink) {
        assertThat(deepLink).startsWith("openid-credential-offer://?credential_offer=");
        var value = URLDecoder.decode(deepLink.substring(deepLink.indexOf('=') + 1), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(value)).readObject();
    }

    static String preAuthorizedCode(String deepLink) {
        return offerOf(deepLink)
                .getJsonObject("grants")
                .getJsonObject("urn:ietf:params:oauth:grant-type:pre-authorized_code")
                .getString("pre-authorized_code");
    }

    Reply getJson(String path) throws Exception {
        return json(wallet.send(
                HttpRequest.newBuilder(URI.create(origin + path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    Reply token(Map<String, String> form) throws Exception {
        return json(wallet.send(
                HttpRequest.newBuilder(URI.create(origin + "/oid4vci/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    Reply token(String code) throws Exception {
        return token(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code", "pre-authorized_code", code));
    }

    String accessToken(String deepLink) throws Exception {
        var response = token(preAuthorizedCode(deepLink));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().getString("access_token");
    }

    String nonce() throws Exception {
        var response = json(wallet.send(
                HttpRequest.newBuilder(URI.create(origin + "/oid4vci/nonce"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(response.status()).isEqualTo(200);
        return response.body().getString("c_nonce");
    }

    Reply credential(String accessToken, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(origin + "/oid4vci/credential"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return json(wallet.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static String proofsBody(String jwt) {
        return Json.createObjectBuilder()
                .add("credential_configuration_id", "OpenBadgeCredential")
                .add(
                        "proofs",
                        Json.createObjectBuilder()
                                .add("jwt", Json.createArrayBuilder().add(jwt)))
                .build()
                .toString();
    }

    private static Reply json(HttpResponse<String> response) {
        JsonObject body;
        try {
            body = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Cache-Control").orElse(""),
                body);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
