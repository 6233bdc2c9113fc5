package vn.govhub.sandbox.cases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import vn.govhub.sandbox.CallbackSignature;

/**
 * A case system's callbacks to the hub: each change POSTed, signed ({@link CallbackSignature}), from one thread in
 * the order of the changes, and retried up to three times unless the hub answered 2xx or 401 (a wrong signature is
 * refused for good, so retrying it would only hide the refusal). The next callback can be sent with a wrong or no
 * signature, or a skewed timestamp, to test that the hub refuses it.
 */
final class SignedCallbacks {

    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final int ATTEMPTS = 3;

    private final Clock clock;
    private final ExecutorService sender;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile URI url;
    private volatile String secret;
    private volatile String nextSignature; // a deliberately wrong signature ("" for none), once
    private volatile long nextSkewSeconds;

    /** @param name the simulator's, naming the sender thread */
    SignedCallbacks(String name, Clock clock) {
        this.clock = clock;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-callbacks");
            t.setDaemon(true);
            return t;
        });
    }

    /** Changes are POSTed, signed with {@code secret}, to {@code url}; null stops callbacks. */
    void to(URI url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    /** The next callback carries this signature instead of the right one (or none, for null). */
    void corruptNext(String signature) {
        this.nextSignature = signature == null ? "" : signature;
    }

    /** The next callback's timestamp is this far off the clock. */
    void skewNext(Duration skew) {
        this.nextSkewSeconds = skew.toSeconds();
    }

    /** Callbacks the hub answered, whatever the answer. */
    int sent() {
        return sent.get();
    }

    void reset() {
        sent.set(0);
        url = null;
        nextSignature = null;
        nextSkewSeconds = 0;
    }

    /** Queues a callback; the body is only made while a callback URL is set. */
    void send(Supplier<byte[]> bodyOfChange) {
        URI url = this.url;
        String secret = this.secret;
        if (url == null || secret == null) {
            return;
        }
        byte[] body = bodyOfChange.get();
        long timestamp = clock.instant().getEpochSecond() + nextSkewSeconds;
        nextSkewSeconds = 0;
        String signature = CallbackSignature.of(secret, timestamp, body);
        String corrupt = nextSignature;
        nextSignature = null;
        sender.submit(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", JSON_TYPE).header("X-Govhub-Timestamp", Long.toString(timestamp))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (corrupt == null) {
                request.header("X-Govhub-Signature", signature);
            } else if (!corrupt.isEmpty()) {
                request.header("X-Govhub-Signature", corrupt);
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                    sent.incrementAndGet();
                    if (response.statusCode() / 100 == 2 || response.statusCode() == 401) {
                        return; // delivered, or refused for good (a wrong signature is not retried)
                    }
                } catch (IOException e) {
                    // retried below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }
}
