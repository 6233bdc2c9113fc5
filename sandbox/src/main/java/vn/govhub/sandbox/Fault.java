package vn.govhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A way for a simulator to misbehave on purpose, so that the hub's timeouts, retries, circuit breakers
 * and bad-data handling can be exercised. Armed with {@link Simulator#failNext(int, Fault)} or
 * {@link Simulator#failAlways(Fault)}.
 */
public sealed interface Fault {

    /** Answers with this status and a short plain-text body instead of the normal response. */
    static Fault status(int code) {
        return new Status(code, code + " sandbox fault");
    }

    static Fault status(int code, String body) {
        return new Status(code, body);
    }

    /** Answers normally, but only after the delay. */
    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    /** Answers 200 with this body and content type instead of the normal response. */
    static Fault malformed(String body, String contentType) {
        return new Malformed(body, contentType);
    }

    /** Closes the connection with a TCP reset before any response byte. */
    static Fault connectionReset() {
        return new ConnectionReset();
    }

    /** Closes the connection without sending anything. */
    static Fault emptyResponse() {
        return new EmptyResponse();
    }

    /** Answers normally, but sends the body in {@code chunks} pieces spread over {@code total}. */
    static Fault drip(Duration total, int chunks) {
        return new Drip(total, chunks);
    }

    record Status(int code, String body) implements Fault {
        public Status {
            if (code < 100 || code > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + code);
            }
            body = body == null ? "" : body;
        }
    }

    record Delay(Duration delay) implements Fault {
        public Delay {
            requirePositive(delay, "delay");
        }
    }

    record Malformed(String body, String contentType) implements Fault {
        public Malformed {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(contentType, "contentType");
        }

        byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    record ConnectionReset() implements Fault {
    }

    record EmptyResponse() implements Fault {
    }

    record Drip(Duration total, int chunks) implements Fault {
        public Drip {
            requirePositive(total, "total");
            if (chunks < 1) {
                throw new IllegalArgumentException("chunks must be at least 1: " + chunks);
            }
        }
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be between 1 ms and Integer.MAX_VALUE ms: " + d);
        }
    }
}
