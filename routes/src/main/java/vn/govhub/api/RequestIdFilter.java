package vn.govhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request carries an {@code X-Request-Id}: the caller's when it is sane, else a new one. It is echoed in the
 * response and put in the logging context, so every log line of the request names it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("vn.govhub.access");
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String STARTED = RequestIdFilter.class.getName() + ".started";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // Camel's REST routes answer asynchronously: the access line is written when the async dispatch ends
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = (String) request.getAttribute(MDC_KEY);
        if (requestId == null) {
            String given = request.getHeader(HEADER);
            requestId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            request.setAttribute(MDC_KEY, requestId);
            request.setAttribute(STARTED, System.nanoTime());
            response.setHeader(HEADER, requestId);
        }
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(new RequestIdRequest(request, requestId), response);
        } finally {
            if (!request.isAsyncStarted()) {
                logAccess(request, response, (Long) request.getAttribute(STARTED));
            }
            MDC.remove(MDC_KEY);
        }
    }

    /** One line per request; the path only, since query strings may carry personal data. */
    private static void logAccess(HttpServletRequest request, HttpServletResponse response, long started) {
        if (!request.getRequestURI().startsWith("/actuator")) {
            log.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Hands the chosen id on as the request header, so Camel's REST routes see the same value. */
    private static final class RequestIdRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final String requestId;

        RequestIdRequest(HttpServletRequest request, String requestId) {
            super(request);
            this.requestId = requestId;
        }

        @Override
        public String getHeader(String name) {
            return HEADER.equalsIgnoreCase(name) ? requestId : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return HEADER.equalsIgnoreCase(name)
                    ? java.util.Collections.enumeration(java.util.List.of(requestId)) : super.getHeaders(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaderNames() {
            java.util.List<String> names = java.util.Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(HEADER::equalsIgnoreCase)) {
                names.add(HEADER);
            }
            return java.util.Collections.enumeration(names);
        }
    }
}
