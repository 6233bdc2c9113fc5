package vn.govhub.api;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.List;

/**
 * The problem+json answers (RFC 9457) of the Spring MVC controllers marked {@link ProblemJson}, the same body as
 * the Camel REST API's: refusals with their fields, 413 for bodies over the limit, and 500 with the request id for
 * anything unexpected (its cause only in the log).
 */
@RestControllerAdvice(annotations = ProblemJson.class)
class ProblemJsonAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<?> refused(ApiException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status() == 429) {
            response.header("Retry-After", "60");
        }
        return response.body(ProblemResponses.body(e, request.getRequestURI(), request.getAttribute(RequestIdFilter.MDC_KEY)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return refused(new ApiException(413, "Payload Too Large", "The request is larger than the hub accepts.", List.of()), request);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<?> unreadable(Exception e, HttpServletRequest request) {
        String detail = e instanceof MethodArgumentTypeMismatchException m ? "'" + m.getName() + "' has a bad value"
                : e instanceof MissingServletRequestParameterException p ? "'" + p.getParameterName() + "' is required"
                : "The request body is not the expected JSON.";
        return refused(new ApiException(400, "Invalid request", detail, List.of()), request);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<?> failed(RuntimeException e, HttpServletRequest request) {
        log.error("Request failed: {}", e.toString(), e);
        return refused(new ApiException(500, "Internal Server Error",
                "The hub could not answer; the request id identifies this failure in the logs.", List.of()), request);
    }
}
