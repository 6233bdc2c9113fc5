package vn.govhub.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body the inbound limits stopped, answered the same way by every controller, however the read surfaced (the
 * exception itself, or wrapped by a message converter as unreadable): 413, 408 or 503 problem+json.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitAdvice {

    @ExceptionHandler({BodyLimitExceeded.class, BodyLimitExceeded.Unchecked.class})
    ResponseEntity<?> stopped(Exception e, HttpServletRequest request) {
        BodyLimitExceeded limit = BodyLimitExceeded.in(e);
        ApiException problem = limit.problem();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status() == 503) {
            response.header("Retry-After", "5");
        } else {
            response.header("Connection", "close");
        }
        return response.body(ProblemResponses.body(problem, request.getRequestURI(), request.getAttribute(RequestIdFilter.MDC_KEY)));
    }
}
