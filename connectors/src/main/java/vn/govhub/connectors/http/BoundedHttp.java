package vn.govhub.connectors.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How every connector reads an answer: the whole exchange (connect, headers, body) within one deadline, and the body
 * at most {@code maxBytes} — refused at once when its {@code Content-Length} says more, cut off when it keeps coming.
 * The JDK client's own request timeout ends at the headers; a sender that then drips its body one byte a second
 * would hold the caller for as long as it liked. Here the caller waits for the complete answer or the deadline, and
 * the exchange is cancelled (its connection closed) when either limit is passed.
 */
public final class BoundedHttp {

    /** A complete answer. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /** The answer's body passed {@code maxBytes}. */
    public static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("answer larger than " + maxBytes + " bytes: cut off");
        }
    }

    private BoundedHttp() {
    }

    public static Answer send(HttpClient client, HttpRequest request, long maxBytes, Duration deadline)
            throws IOException, InterruptedException {
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> limited(info, maxBytes, subscription));
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            cancel(exchange, subscription);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            cancel(exchange, subscription);
            throw e;
        } catch (ExecutionException e) {
            cancel(exchange, subscription);
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "exchange failed" : cause.toString(), cause);
        }
    }

    private static void cancel(CompletableFuture<?> exchange, AtomicReference<Flow.Subscription> subscription) {
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
        exchange.cancel(true);
    }

    private static HttpResponse.BodySubscriber<byte[]> limited(HttpResponse.ResponseInfo info, long maxBytes,
                                                               AtomicReference<Flow.Subscription> holder) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new HttpResponse.BodySubscriber<>() {
            private final CompletableFuture<byte[]> body = new CompletableFuture<>();
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public CompletionStage<byte[]> getBody() {
                return body;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                holder.set(subscription);
                if (declared > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge(maxBytes));
                    return;
                }
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                if (body.isDone()) {
                    return;
                }
                for (ByteBuffer buffer : buffers) {
                    if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                        holder.get().cancel();
                        body.completeExceptionally(new TooLarge(maxBytes));
                        return;
                    }
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable failure) {
                body.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                body.complete(bytes.toByteArray());
            }
        };
    }
}
