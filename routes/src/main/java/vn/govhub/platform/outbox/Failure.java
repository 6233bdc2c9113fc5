package vn.govhub.platform.outbox;

import vn.govhub.connectors.UpstreamFailure;

/**
 * How a delivery went wrong, as the flow classifies it.
 *
 * @param kind    {@link Kind#TRANSIENT}: the upstream failed, try again later; {@link Kind#PERMANENT}: the upstream
 *                refused, a retry would be refused too; {@link Kind#HUB}: the hub's own side failed, try again, counted;
 *                {@link Kind#UNKNOWN}: whether the upstream took it cannot be known — an at-most-once flow leaves it
 *                claimed, to be settled, never redone
 * @param message what to record
 * @param code    the upstream's own error code, when it gave one
 */
public record Failure(Kind kind, String message, Integer code) {

    public enum Kind { TRANSIENT, PERMANENT, HUB, UNKNOWN }

    /**
     * The failure of a call to an upstream by the kind its connector gave it ({@link UpstreamFailure}); any other
     * exception is the hub's own.
     *
     * @param upstream who refused a permanent failure, for the record ("the case-handling system")
     */
    public static Failure of(Exception failure, String upstream) {
        if (failure instanceof UpstreamFailure.Transient) {
            return transientFailure(failure.getMessage());
        }
        if (failure instanceof UpstreamFailure.Permanent) {
            return permanent("refused by " + upstream + ": " + failure.getMessage());
        }
        return hub("hub error: " + failure);
    }

    public static Failure transientFailure(String message) {
        return new Failure(Kind.TRANSIENT, message, null);
    }

    public static Failure permanent(String message) {
        return new Failure(Kind.PERMANENT, message, null);
    }

    public static Failure hub(String message) {
        return new Failure(Kind.HUB, message, null);
    }

    public static Failure unknown(String message) {
        return new Failure(Kind.UNKNOWN, message, null);
    }

    /** The same failure with another message (the upstream's code kept). */
    public Failure withMessage(String text) {
        return new Failure(kind, text, code);
    }
}
