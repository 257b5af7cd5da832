package org.credo.credentials.network;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.credo.credentials.network.FetchFailure.Reason;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 GET over TLS to an address that was already checked. The certificate is verified against the URL's
 * host name (and the name is sent as SNI), so connecting by address loses nothing. Every read waits at most until the
 * deadline, and the body is read in pieces and abandoned as soon as it passes the size limit.
 */
final class HttpsExchange {

    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    /** An answer: the status, headers by lower-case name (repeated ones joined by commas), and the body. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        @Nullable
        String header(String name) {
            return headers.get(name);
        }

        boolean redirect() {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }
    }

    private final SSLSocketFactory tls;
    private final Duration connectTimeout;
    private final ScheduledExecutorService watchdog;

    HttpsExchange(SSLSocketFactory tls, Duration connectTimeout, ScheduledExecutorService watchdog) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.watchdog = watchdog;
    }

    /** GETs the URL from the given address; a redirect or an error comes back without its body. */
    Response get(URI uri, InetAddress address, Deadline deadline, long maxBytes, String accept) throws IOException {
        try (var socket = new Socket()) {
            // Socket timeouts bound each read, not the sum of them (a TLS handshake is many reads): closing the
            // socket at the deadline bounds everything.
            var guard = watchdog.schedule(() -> close(socket), deadline.remainingMillis(), TimeUnit.MILLISECONDS);
            try {
                return exchange(socket, uri, address, deadline, maxBytes, accept);
            } finally {
                guard.cancel(false);
            }
        }
    }

    private Response exchange(
            Socket socket, URI uri, InetAddress address, Deadline deadline, long maxBytes, String accept)
            throws IOException {
        var host = uri.getHost();
        var bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        socket.connect(new InetSocketAddress(address, port), (int)
                Math.min(connectTimeout.toMillis(), deadline.remainingMillis()));
        socket.setSoTimeout(deadline.remainingMillis());
        try (var tlsSocket = (SSLSocket) tls.createSocket(socket, bareHost, port, true)) {
            var parameters = tlsSocket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isAddressLiteral(bareHost)) {
                parameters.setServerNames(List.of(new SNIHostName(bareHost)));
            }
            tlsSocket.setSSLParameters(parameters);
            tlsSocket.startHandshake();
            request(tlsSocket.getOutputStream(), uri, port, accept);
            var in = new BufferedInputStream(new DeadlineStream(tlsSocket, deadline));
            return response(in, uri, maxBytes);
        }
    }

    private static void request(OutputStream out, URI uri, int port, String accept) throws IOException {
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        var query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        var text = "GET " + path + query + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + (port == 443 ? "" : ":" + port) + "\r\n"
                + "Accept: " + accept + "\r\n"
                + "Accept-Encoding: identity\r\n"
                + "User-Agent: Credo-Verifier\r\n"
                + "Connection: close\r\n\r\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Response response(InputStream in, URI uri, long maxBytes) throws IOException {
        var statusLine = line(in);
        var parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw broken(uri, "its answer is not HTTP/1.1");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw broken(uri, "its answer has no HTTP status");
        }
        var headers = new LinkedHashMap<String, String>();
        for (int count = 0; ; count++) {
            var header = line(in);
            if (header.isEmpty()) {
                break;
            }
            var colon = header.indexOf(':');
            if (count >= MAX_HEADERS || colon <= 0) {
                throw broken(uri, "its answer has malformed or too many headers");
            }
            var name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            var value = header.substring(colon + 1).trim();
            headers.merge(name, value, (first, second) -> first + ", " + second);
        }
        var response = new Response(status, Map.copyOf(headers), new byte[0]);
        if (response.redirect() || status != 200) {
            return response; // the body of a redirect or an error is never needed
        }
        var encoding = headers.get("content-encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            throw new FetchFailure(
                    Reason.BAD_RESPONSE, uri + " answered with " + encoding + " content, which Credo did not ask for");
        }
        return new Response(status, response.headers(), body(in, headers, uri, maxBytes));
    }

    private static byte[] body(InputStream in, Map<String, String> headers, URI uri, long maxBytes) throws IOException {
        var out = new ByteArrayOutputStream();
        var transfer = headers.getOrDefault("transfer-encoding", "");
        if (transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                var sizeLine = line(in);
                long size;
                try {
                    size = Long.parseLong(sizeLine.split(";", 2)[0].trim(), 16);
                } catch (NumberFormatException e) {
                    throw broken(uri, "its chunked answer is malformed");
                }
                if (size == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers carry nothing Credo uses
                    }
                    return out.toByteArray();
                }
                if (size < 0 || out.size() + size > maxBytes) {
                    throw tooLarge(uri, maxBytes);
                }
                copy(in, out, size, uri);
                if (!line(in).isEmpty()) {
                    throw broken(uri, "its chunked answer is malformed");
                }
            }
        }
        var length = headers.get("content-length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw broken(uri, "its Content-Length is not a number");
            }
            if (declared < 0 || declared > maxBytes) {
                throw tooLarge(uri, maxBytes);
            }
            copy(in, out, declared, uri);
            return out.toByteArray();
        }
        var buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) != -1; ) {
            if (out.size() + read > maxBytes) {
                throw tooLarge(uri, maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long count, URI uri) throws IOException {
        var buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read == -1) {
                throw broken(uri, "its answer was cut short");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A line ending in CRLF (or LF), without it; ISO-8859-1, as HTTP/1.1 header bytes are. */
    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_HEADER_LINE) {
                throw new IOException("an HTTP line longer than " + MAX_HEADER_LINE + " bytes");
            }
            line.append((char) c);
        }
        throw new IOException("the connection closed in the middle of the answer");
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all the watchdog can do; the reader sees the closed socket
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static FetchFailure tooLarge(URI uri, long maxBytes) {
        return new FetchFailure(
                Reason.TOO_LARGE, uri + " is larger than " + maxBytes / 1024 + " KB, the most Credo reads from it");
    }

    private static FetchFailure broken(URI uri, String what) {
        return new FetchFailure(Reason.UNREACHABLE, uri + " could not be read: " + what);
    }

    /** The socket's stream, each read waiting only until the deadline; a slow drip of bytes cannot outlast it. */
    private static final class DeadlineStream extends InputStream {

        private final Socket socket;
        private final InputStream in;
        private final Deadline deadline;

        DeadlineStream(Socket socket, Deadline deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(deadline.remainingMillis());
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            socket.setSoTimeout(deadline.remainingMillis());
            return in.read(buffer, offset, length);
        }
    }
}
