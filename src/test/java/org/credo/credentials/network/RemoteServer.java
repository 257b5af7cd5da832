package org.credo.credentials.network;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.credo.platform.config.CredoProperties;
import org.springframework.util.unit.DataSize;

/**
 * Another server, for tests: an HTTPS server on 127.0.0.1 with a self-signed certificate for
 * {@value #HOST}, made with the JDK's keytool when the first one starts. The test configuration maps {@value #HOST}
 * to 127.0.0.1 and trusts {@value #TRUST_STORE} (both test-only settings). Beside it, a plain TCP port that only
 * counts connections, to prove that a refused address was never connected to.
 */
public final class RemoteServer implements AutoCloseable {

    public static final String HOST = "remote-issuer.test";
    public static final String TRUST_STORE = "target/remote-issuer/trust.p12";
    public static final String PASSWORD = "remote-issuer";

    private static SSLContext tls;

    private final HttpsServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final ServerSocket trap;
    private final AtomicInteger trapped = new AtomicInteger();

    public RemoteServer() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls()));
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            var route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            } else {
                route.handle(exchange);
            }
        });
        server.start();
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        handlers.submit(() -> {
            while (!trap.isClosed()) {
                try (var connection = trap.accept()) {
                    trapped.incrementAndGet();
                } catch (IOException e) {
                    // closed
                }
            }
        });
    }

    /** A RemoteDocuments as an operator who turned network resolution off has it. */
    public static RemoteDocuments turnedOff() {
        return new RemoteDocuments(
                new NetworkSettings(
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        3,
                        DataSize.ofKilobytes(256),
                        DataSize.ofMegabytes(2),
                        Duration.ZERO,
                        Duration.ZERO,
                        DataSize.ofMegabytes(1),
                        null,
                        null,
                        null),
                new CredoProperties(CredoProperties.Mode.DEMO, "http://localhost:8080", "", null, null, null, null));
    }

    /** The origin, {@code https://remote-issuer.test:<port>}. */
    public String origin() {
        return "https://" + HOST + ":" + server.getAddress().getPort();
    }

    /** A did:web on this server; with path segments, its document is at {@code /<segments>/did.json}. */
    public String did(String... path) {
        return "did:web:" + HOST + "%3A" + server.getAddress().getPort()
                + (path.length == 0 ? "" : ":" + String.join(":", path));
    }

    /** The port that counts connections. */
    public int trapPort() {
        return trap.getLocalPort();
    }

    /** How many connections the trap port received. */
    public int trapped() {
        return trapped.get();
    }

    /** How many requests asked for a path. */
    public int requests(String path) {
        var count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    public RemoteServer json(String path, String body, String... headers) {
        routes.put(path, exchange -> {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return this;
    }

    /** A body of the given size sent chunked, without a Content-Length to refuse it by. */
    public RemoteServer chunked(String path, int bytes) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                var block = new byte[8192];
                java.util.Arrays.fill(block, (byte) ' ');
                for (int sent = 0; sent < bytes; sent += block.length) {
                    out.write(block, 0, Math.min(block.length, bytes - sent));
                }
            } catch (IOException e) {
                // the client gave up, as it should
            }
        });
        return this;
    }

    public RemoteServer redirect(String path, String location) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        return this;
    }

    /** Answers only after a delay. */
    public RemoteServer slow(String path, Duration delay, String body) {
        routes.put(path, exchange -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the client gave up, as it should
            }
        });
        return this;
    }

    /** Answers at once, then sends its body one byte every 100 ms: each read is quick, the whole is not. */
    public RemoteServer drip(String path, int bytes) {
        routes.put(path, exchange -> {
            exchange.sendResponseHeaders(200, bytes);
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < bytes; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                // the client gave up, as it should
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return this;
    }

    @Override
    public void close() throws IOException {
        trap.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    /** The server's TLS, and the trust store the test configuration names, made once per test run. */
    private static synchronized SSLContext tls() throws Exception {
        if (tls != null) {
            return tls;
        }
        var folder = Path.of(TRUST_STORE).getParent();
        Files.createDirectories(folder);
        var keyStore = folder.resolve("server.p12");
        Files.deleteIfExists(keyStore);
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(List.of(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        HOST,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + HOST,
                        "-ext",
                        "SAN=dns:" + HOST,
                        "-validity",
                        "7",
                        "-keystore",
                        keyStore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD))
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        var keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        var trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(HOST, keys.getCertificate(HOST));
        var written = folder.resolve("trust.p12.new");
        try (var out = Files.newOutputStream(written)) {
            trust.store(out, PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Files.move(written, Path.of(TRUST_STORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        var managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        var context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        tls = context;
        return context;
    }
}
