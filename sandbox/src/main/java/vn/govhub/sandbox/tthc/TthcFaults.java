package vn.govhub.sandbox.tthc;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The failures the national database is known for beyond the wire faults every simulator has: an error code in
 * place of the answer for a given service, and a detail answer cut off mid-JSON under HTTP 200. Each is armed for
 * the next matching call only, so a test says exactly which call fails.
 */
final class TthcFaults {

    private record ErrorAnswer(int code, String message) {
    }

    private final Map<String, Deque<ErrorAnswer>> errorsNext = new HashMap<>(); // guarded by itself
    private final AtomicBoolean truncateNextDetail = new AtomicBoolean();

    /** The next call of {@code service} answers {@code {"error_code": code, "message": message}}. */
    void errorCodeNext(String service, int code, String message) {
        if (code == TthcSimulator.OK) {
            throw new IllegalArgumentException("an error code is not 0");
        }
        synchronized (errorsNext) {
            errorsNext.computeIfAbsent(Objects.requireNonNull(service, "service"), s -> new ArrayDeque<>())
                    .add(new ErrorAnswer(code, Objects.requireNonNull(message, "message")));
        }
    }

    /** The error armed for this call of {@code service}, taken; null when none is. */
    ResponseDefinition takeError(String service) {
        ErrorAnswer injected;
        synchronized (errorsNext) {
            Deque<ErrorAnswer> queue = errorsNext.get(service);
            injected = queue == null ? null : queue.poll();
        }
        return injected == null ? null : TthcJson.error(injected.code(), injected.message());
    }

    void truncateNextDetail() {
        truncateNextDetail.set(true);
    }

    /** Whether this detail answer is to be cut off; true once per {@link #truncateNextDetail()}. */
    boolean takeTruncation() {
        return truncateNextDetail.compareAndSet(true, false);
    }

    void reset() {
        synchronized (errorsNext) {
            errorsNext.clear();
        }
        truncateNextDetail.set(false);
    }
}
