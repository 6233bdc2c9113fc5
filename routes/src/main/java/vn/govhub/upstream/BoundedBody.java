package vn.govhub.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads an upstream response body without trusting it: at most {@code maxBytes}, and no longer than a deadline
 * (a slow drip can keep every packet inside the read timeout and still take forever).
 */
public final class BoundedBody {

    /** Why a body was not read to its end. */
    public static final class LimitExceeded extends IOException {
        private final boolean tooLarge;

        LimitExceeded(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        /** True: over the size limit; false: over the deadline. */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private BoundedBody() {
    }

    /** The whole body, or {@link LimitExceeded}; a null stream reads as empty. {@code deadline} may be null. */
    public static byte[] read(InputStream in, int maxBytes, Duration deadline, Clock clock) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        Instant until = deadline == null ? null : clock.instant().plus(deadline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > maxBytes) {
                throw new LimitExceeded("response body exceeds " + maxBytes + " bytes: cut off", true);
            }
            out.write(buffer, 0, n);
            if (until != null && clock.instant().isAfter(until)) {
                throw new LimitExceeded("response still arriving after " + deadline.toSeconds() + " s: abandoned", false);
            }
        }
        return out.toByteArray();
    }
}
