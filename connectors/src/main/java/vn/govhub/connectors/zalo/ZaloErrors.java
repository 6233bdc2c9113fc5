package vn.govhub.connectors.zalo;

import java.util.Set;

/** Zalo's error codes sorted by what the caller should do (reference: zalo.md, OA and ZNS errors). */
public final class ZaloErrors {

    public enum Kind { TRANSIENT, TOKEN, PERMANENT }

    /** Rate limit, unknown error: Zalo asks to try again later. */
    private static final Set<Integer> TRANSIENT = Set.of(-32, -100);
    /** Invalid or expired access token: -216 invalid, -220 expired or removed (OA API), -124 invalid (ZNS). */
    private static final Set<Integer> TOKEN = Set.of(-216, -220, -124);

    /** OA: the recipient is not a follower. */
    public static final int NOT_FOLLOWING = -213;
    /** OA: outside the 7-day interaction window. */
    public static final int OUTSIDE_WINDOW = -230;
    /** OA: the user never interacted with the OA. */
    public static final int NO_INTERACTION = -232;
    /** ZNS: the OA's daily quota is spent. */
    public static final int DAILY_QUOTA_EXCEEDED = -144;
    /** OAuth: the refresh token is invalid (already used, revoked); unconfirmed code. */
    public static final int INVALID_REFRESH_TOKEN = -14014;
    /** OAuth: the refresh token expired; unconfirmed code. */
    public static final int EXPIRED_REFRESH_TOKEN = -14020;

    private ZaloErrors() {
    }

    public static Kind classify(int code) {
        if (TRANSIENT.contains(code)) {
            return Kind.TRANSIENT;
        }
        return TOKEN.contains(code) ? Kind.TOKEN : Kind.PERMANENT;
    }

    /** Errors of an OA message that another channel (ZNS by phone) may still get through. */
    public static boolean recipientUnreachableByOa(int code) {
        return code == NOT_FOLLOWING || code == OUTSIDE_WINDOW || code == NO_INTERACTION || code == -227 || code == -244;
    }
}
