package vn.govhub.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Writes a problem+json answer straight onto a servlet response, for the places that answer before any controller
 * runs (the security filter chains, the inbound limits). The body is the one {@link ProblemResponses#body} makes.
 */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ApiException problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(ProblemResponses.PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        Object requestId = request.getAttribute(RequestIdFilter.MDC_KEY);
        byte[] body = Json.MAPPER.writeValueAsBytes(ProblemResponses.body(problem, request.getRequestURI(), requestId));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String detail) throws IOException {
        write(request, response, new ApiException(status, title, detail, List.of()));
    }
}
