package vn.govhub.api;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/**
 * The one problem+json path (RFC 9457) of every controller: refusals with their fields, Spring MVC's own refusals
 * (404, 405, 415, missing parameters) in the same shape, and 500 with the request id for anything unexpected (its
 * cause only in the log).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemJsonAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<?> refused(ApiException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status() == 429) {
            response.header("Retry-After", "60");
        }
        return response.body(ProblemResponses.body(e, request.getRequestURI(), request.getAttribute(RequestIdFilter.MDC_KEY)));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<?> unreadable(Exception e, HttpServletRequest request) {
        String detail = e instanceof MethodArgumentTypeMismatchException m ? "'" + m.getName() + "' has a bad value"
                : e instanceof MissingServletRequestParameterException p ? "'" + p.getParameterName() + "' is required"
                : "The request body is not the expected JSON.";
        return refused(new ApiException(400, "Invalid request", detail, List.of()), request);
    }

    /** Spring MVC's own refusals (no such path, method, media type, ...): their status, our shape. */
    private ResponseEntity<?> framework(ErrorResponse error, HttpServletRequest request) {
        int status = error.getStatusCode().value();
        ResponseEntity<?> answer = refused(new ApiException(status, title(error), error.getBody().getDetail(), List.of()), request);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.putAll(error.getHeaders());
        return ResponseEntity.status(status).headers(headers).body(answer.getBody());
    }

    private static String title(ErrorResponse error) {
        String title = error.getBody().getTitle();
        return title != null ? title : error.getStatusCode().toString();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse error) {
            return framework(error, request);
        }
        log.error("Request failed: {}", e.toString(), e);
        return refused(new ApiException(500, "Internal Server Error",
                "The hub could not answer; the request id identifies this failure in the logs.", List.of()), request);
    }
}
