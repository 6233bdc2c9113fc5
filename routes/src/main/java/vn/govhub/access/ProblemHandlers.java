package vn.govhub.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import vn.govhub.api.Problems;

import java.io.IOException;

/**
 * How the filter chains refuse, always as problem+json: 401 with the audience's {@code WWW-Authenticate} scheme for a
 * caller who has not shown who they are, 403 for one who may not, 400 for a request the firewall will not
 * reinterpret (encoded slashes, dot segments, matrix parameters, double slashes, ...).
 */
final class ProblemHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    private ProblemHandlers() {
    }

    /** 401, naming what the audience must show ({@code scheme} goes into {@code WWW-Authenticate}). */
    static AuthenticationEntryPoint unauthorised(String scheme, String detail) {
        return (request, response, failure) -> {
            Object unavailable = request.getAttribute(CitizenTokenFilter.UNAVAILABLE);
            if (unavailable != null) {
                response.setHeader("Retry-After", "5");
                Problems.write(request, response, 503, "Service Unavailable", unavailable.toString());
                return;
            }
            response.setHeader("WWW-Authenticate", scheme);
            Problems.write(request, response, 401, "Unauthorized", reason(request, failure, detail));
        };
    }

    private static String reason(HttpServletRequest request, AuthenticationException failure, String detail) {
        Object refused = request.getAttribute(CitizenTokenFilter.REFUSED);
        if (refused != null) {
            return refused.toString();
        }
        if (failure instanceof OAuth2AuthenticationException || failure instanceof TokenRefused) {
            return "The bearer token is not valid here.";
        }
        return detail;
    }

    static AccessDeniedHandler forbidden(String detail) {
        return (request, response, denied) -> Problems.write(request, response, 403, "Forbidden", detail);
    }

    /** A path outside every audience's area: answered like a missing resource, so it tells a prober nothing. */
    static AuthenticationEntryPoint notFound() {
        return (request, response, failure) -> Problems.write(request, response, 404, "Not Found", "No such resource.");
    }

    static AccessDeniedHandler notFoundDenied() {
        return (request, response, denied) -> Problems.write(request, response, 404, "Not Found", "No such resource.");
    }

    static RequestRejectedHandler rejected() {
        return new RequestRejectedHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
                    throws IOException {
                log.info("Request refused by the firewall: {}", rejected.getMessage());
                Problems.write(request, response, 400, "Bad Request",
                        "The request's path or headers are spelt in a way the hub does not accept "
                                + "(encoded slashes or dots, dot segments, ';' parameters, '//', control characters).");
            }
        };
    }

    /** A bearer token no configured operator, officer, scraper or provider issued. */
    static final class TokenRefused extends AuthenticationException {
        TokenRefused() {
            super("bearer token not recognised");
        }
    }
}
