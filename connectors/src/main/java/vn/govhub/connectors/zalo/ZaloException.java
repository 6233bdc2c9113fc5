package vn.govhub.connectors.zalo;

import vn.govhub.connectors.UpstreamFailure;

/**
 * A Zalo call that did not succeed, classified from the {@code error} field of the answer (Zalo answers most
 * failures with HTTP 200), or from the transport when there was no answer to read:
 * <ul>
 *   <li>{@link Transient}: may succeed later (rate limit -32, unknown -100, HTTP 5xx, timeouts, resets);</li>
 *   <li>{@link TokenInvalid}: the access token is invalid or expired (-216, -220, -124): refresh, retry once;</li>
 *   <li>{@link Permanent}: will not succeed by retrying (not a follower, outside the window, bad phone, template,
 *       quota...): try the next channel or record the failure.</li>
 * </ul>
 */
public abstract sealed class ZaloException extends RuntimeException
        permits ZaloException.Transient, ZaloException.TokenInvalid, ZaloException.Permanent {

    /** The upstream family ({@link vn.govhub.connectors.UpstreamFailure#upstream()}): Zalo. */
    public String upstream() {
        return "zalo";
    }

    /** Zalo's error code; 0 when the failure was not an answer from Zalo (transport, HTTP status). */
    private final int code;

    protected ZaloException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static final class Transient extends ZaloException implements UpstreamFailure.Transient {
        public Transient(int code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    public static final class TokenInvalid extends ZaloException implements UpstreamFailure.Transient {
        public TokenInvalid(int code, String message) {
            super(code, message, null);
        }
    }

    public static final class Permanent extends ZaloException implements UpstreamFailure.Permanent {
        public Permanent(int code, String message) {
            super(code, message, null);
        }
    }

    /** The exception for Zalo error {@code code} with Zalo's {@code message}. */
    public static ZaloException of(int code, String message) {
        String text = "Zalo error " + code + (message == null || message.isBlank() ? "" : ": " + message);
        return switch (ZaloErrors.classify(code)) {
            case TRANSIENT -> new Transient(code, text, null);
            case TOKEN -> new TokenInvalid(code, text);
            case PERMANENT -> new Permanent(code, text);
        };
    }
}
