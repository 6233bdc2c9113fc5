package vn.govhub.api;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How every API route answers a refusal or a failure: {@code application/problem+json} (RFC 9457) with
 * {@code type, title, status, detail, instance, requestId} and, for validation, {@code errors: [{field, message}]}.
 * Routes opt in with {@code .routeConfigurationId(ProblemResponses.API_ERRORS)}.
 */
@Component
public class ProblemResponses extends RouteConfigurationBuilder {

    public static final String API_ERRORS = "api-errors";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    public void configuration() {
        RouteConfigurationDefinition api = routeConfiguration(API_ERRORS);
        api.onException(ApiException.class).handled(true)
                .process(e -> write(e, e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class)));
        api.onException(BodyLimitExceeded.class, BodyLimitExceeded.Unchecked.class).handled(true)
                .process(e -> write(e, BodyLimitExceeded.in(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)).problem()));
        api.onException(com.fasterxml.jackson.core.JacksonException.class).handled(true)
                .process(e -> write(e, new ApiException(400, "Malformed JSON", "The request body is not valid JSON.", List.of())));
        api.onException(Exception.class).handled(true)
                .process(e -> {
                    Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    log.error("Request failed: {}", cause.toString(), cause);
                    write(e, new ApiException(500, "Internal Server Error",
                            "The hub could not answer; the request id identifies this failure in the logs.", List.of()));
                });
        // Camel copies message headers onto the HTTP response: send back only what the API means to
        // (X-Request-Id is set by RequestIdFilter).
        api.onCompletion().modeBeforeConsumer().process(ProblemResponses::keepResponseHeadersOnly);
    }

    /** Header names (lower case) a response may carry; a set lookup, as this runs on every request. */
    private static final Set<String> RESPONSE_HEADERS = Stream.of(Exchange.CONTENT_TYPE, Exchange.HTTP_RESPONSE_CODE,
                    "Location", "ETag", "Cache-Control", "Last-Modified", "Retry-After", "Content-Disposition")
            .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    static void keepResponseHeadersOnly(Exchange exchange) {
        exchange.getMessage().getHeaders().keySet()
                .removeIf(name -> !RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
    }

    /** The problem document of a refusal (also used by the Spring MVC controllers of the API). */
    public static Map<String, Object> body(ApiException problem, String instance, Object requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", instance);
        if (requestId != null) {
            body.put("requestId", requestId.toString());
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        return body;
    }

    /** Writes the problem document as the exchange's response. */
    public static void write(Exchange exchange, ApiException problem) {
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        Map<String, Object> body = body(problem, uri != null ? uri : path, exchange.getMessage().getHeader(RequestIdFilter.HEADER));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, PROBLEM_JSON);
        // rendered here: the REST binding skips bodies of error responses (skipBindingOnErrorCode)
        try {
            exchange.getMessage().setBody(Json.MAPPER.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
