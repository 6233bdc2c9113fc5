package vn.govhub.upstream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.govhub.connectors.cases.CallbackSignature;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The check every signed callback into the hub goes through (case systems, agency systems): the HMAC of
 * {@link CallbackSignature} with the sender's secret, within the sender's window. A refusal is a problem+json 401
 * naming what was wrong, and changes nothing.
 */
public final class SignedCallbacks {

    private static final Logger log = LoggerFactory.getLogger(SignedCallbacks.class);

    private SignedCallbacks() {
    }

    /** Empty when the callback is signed right and fresh, else the 401 to answer. */
    public static Optional<ResponseEntity<Map<String, Object>>> refusal(String sender, String secret, byte[] body, String timestamp,
                                                                         String signature, Clock clock, Duration maxAge) {
        CallbackSignature.Verdict verdict = new CallbackSignature(secret).verify(body, timestamp, signature, clock.instant(), maxAge);
        if (verdict == CallbackSignature.Verdict.VALID) {
            return Optional.empty();
        }
        log.warn("callback of {} refused: {}", sender, verdict);
        return Optional.of(problem(HttpStatus.UNAUTHORIZED, switch (verdict) {
            case MISSING -> "Missing " + CallbackSignature.SIGNATURE_HEADER + " or " + CallbackSignature.TIMESTAMP_HEADER + ".";
            case STALE -> "The callback timestamp is outside the accepted window (replay?).";
            default -> "Invalid " + CallbackSignature.SIGNATURE_HEADER + ".";
        }));
    }

    public static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.value(), "detail", detail));
    }
}
