package vn.govhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request's body is read through here, whichever stack or handler reads it: the declared
 * {@code Content-Length} is checked before anything is read, the bytes are counted and the clock watched while
 * reading ({@link InboundProperties}), and the node-wide budget of body bytes held at once is kept. Form bodies
 * ({@code application/x-www-form-urlencoded}) are parsed here from the same limited stream, so the servlet
 * container never reads a body on its own. The client's address is the connection's, or, behind a trusted proxy,
 * the nearest untrusted one in {@code X-Forwarded-For} ({@link ClientAddress}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class InboundFilter extends OncePerRequestFilter {

    /** Request attribute: the body was refused for its size or pace, so its connection ends without reading on. */
    public static final String CLOSE = InboundFilter.class.getName() + ".close";

    private final InboundProperties properties;
    private final ClientAddress clients;
    private final AtomicLong inFlight = new AtomicLong();

    public InboundFilter(InboundProperties properties) {
        this.properties = properties;
        this.clients = new ClientAddress(properties.trustedProxies());
    }

    /** The limit and deadline of a request's body, by what it is. */
    record Limit(long maxBytes, long deadlineNanos) {
    }

    Limit limitOf(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            return new Limit(properties.maxMultipartBytes().toBytes(), properties.uploadDeadline().toNanos());
        }
        if (request.getRequestURI().startsWith("/api/v1/uploads")) {
            return new Limit(properties.maxUploadBytes().toBytes(), properties.uploadDeadline().toNanos());
        }
        return new Limit(properties.maxBodyBytes().toBytes(), properties.bodyDeadline().toNanos());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit.maxBytes()) {
            request.setAttribute(CLOSE, Boolean.TRUE);
            response.setHeader("Connection", "close");
            Problems.write(request, response, BodyLimitExceeded.tooLarge(limit.maxBytes()).problem());
            return;
        }
        Inbound wrapped = new Inbound(request, limit, System.nanoTime(), clients.of(request));
        try {
            chain.doFilter(wrapped, response);
        } catch (BodyLimitExceeded.Unchecked | ServletException e) {
            BodyLimitExceeded exceeded = BodyLimitExceeded.in(e);
            if (exceeded == null || response.isCommitted()) {
                throw e;
            }
            Problems.write(request, response, exceeded.problem());
        } finally {
            inFlight.addAndGet(-wrapped.held);
        }
    }

    /** Bytes of request bodies this node holds right now (for metrics and tests). */
    public long inFlight() {
        return inFlight.get();
    }

    /** The request as the handlers see it: its body behind the limits, its client address as resolved. */
    private final class Inbound extends HttpServletRequestWrapper {
        private final Limit limit;
        private final long started;
        private final String client;
        private LimitedStream stream;
        private Map<String, String[]> parameters;
        long held;

        Inbound(HttpServletRequest request, Limit limit, long started, String client) {
            super(request);
            this.limit = limit;
            this.started = started;
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), this);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding == null ? StandardCharsets.UTF_8
                    : Charset.forName(encoding)));
        }

        private boolean form() {
            String type = getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                    && !"GET".equals(getMethod());
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (!form()) {
                return super.getParameterMap();
            }
            if (parameters == null) {
                Map<String, List<String>> all = new LinkedHashMap<>();
                parse(getQueryString(), all);
                try (InputStream in = getInputStream()) {
                    parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), all);
                } catch (BodyLimitExceeded e) {
                    throw new BodyLimitExceeded.Unchecked(e);
                } catch (IOException e) {
                    throw new BodyLimitExceeded.Unchecked(new BodyLimitExceeded(400, "The form body could not be read."));
                }
                Map<String, String[]> out = new LinkedHashMap<>();
                all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(out);
            }
            return parameters;
        }

        private static void parse(String encoded, Map<String, List<String>> into) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException malformed) {
                    throw new BodyLimitExceeded.Unchecked(new BodyLimitExceeded(400, "The form body is not valid URL encoding."));
                }
            }
        }
    }

    /** Counts, times and budgets every byte read. */
    private final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final Inbound request;
        private long read;

        LimitedStream(ServletInputStream in, Inbound request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkTime();
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read += n;
                if (read > request.limit.maxBytes()) {
                    request.setAttribute(CLOSE, Boolean.TRUE);
                    throw BodyLimitExceeded.tooLarge(request.limit.maxBytes());
                }
                request.held += n;
                if (inFlight.addAndGet(n) > properties.inFlight().toBytes()) {
                    throw new BodyLimitExceeded(503, "The hub is reading as many request bodies as it may at once; try again shortly.");
                }
                checkTime();
            }
            return n;
        }

        private void checkTime() throws BodyLimitExceeded {
            if (System.nanoTime() - request.started > request.limit.deadlineNanos()) {
                request.setAttribute(CLOSE, Boolean.TRUE);
                throw new BodyLimitExceeded(408, "The request body did not arrive within "
                        + java.time.Duration.ofNanos(request.limit.deadlineNanos()).toSeconds() + " s.");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Reads a body to its end, refusing it once it passes {@code max} bytes (for limits tighter than the node's). */
    public static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + (long) n > max) {
                throw BodyLimitExceeded.tooLarge(max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
