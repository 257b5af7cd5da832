package org.credo.platform.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * A request whose streamed body was already read into memory (within the size limit). It serves the body
 * again, and, for a form post, its fields as parameters: the container parses a form only from a body
 * that nobody has read yet.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final ServletInputStream stream;
    private @Nullable Map<String, String[]> parameters;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        this.stream = stream(new ByteArrayInputStream(body));
    }

    @Override
    public ServletInputStream getInputStream() {
        return stream;
    }

    private static ServletInputStream stream(ByteArrayInputStream in) {
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body was already read");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public @Nullable String getParameter(String name) {
        var values = getParameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            // The container still parses the query string; the body's fields come after them.
            var merged = new LinkedHashMap<>(super.getParameterMap());
            if (isFormPost()) {
                formFields().forEach((name, values) -> merged.merge(name, values, BufferedBodyRequest::concat));
            }
            parameters = Collections.unmodifiableMap(merged);
        }
        return parameters;
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }

    private boolean isFormPost() {
        var type = getContentType();
        return "POST".equals(getMethod())
                && type != null
                && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
    }

    private Map<String, String[]> formFields() {
        var fields = new LinkedHashMap<String, List<String>>();
        var charset = charset();
        for (var pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                // As the container does with a broken %-escape: the field is left out.
            }
        }
        var result = new LinkedHashMap<String, String[]>();
        fields.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        return result;
    }

    private Charset charset() {
        var encoding = getCharacterEncoding();
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }
}
