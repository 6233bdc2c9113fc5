package vn.govhub.sandbox.agency;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Plays the hub's {@code /webhooks/agencies/{agency}} endpoint on loopback: keeps each callback for the test to take. */
final class HubReceiver implements AutoCloseable {

    static final String PATH = "/webhooks/agencies/sotnmt";
    private static final long WAIT_SECONDS = 10;

    record Callback(String timestamp, String signature, byte[] body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Callback> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    HubReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Callback(exchange.getRequestHeaders().getFirst("X-Govhub-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Govhub-Signature"), body));
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The next callbacks are answered with these statuses, then 204 again. */
    void answerNext(int... codes) {
        for (int code : codes) {
            statuses.add(code);
        }
    }

    /** The next callback received, waiting a bounded time for it. */
    Callback next() throws InterruptedException {
        Callback callback = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (callback == null) {
            throw new AssertionError("no callback within " + WAIT_SECONDS + " s");
        }
        return callback;
    }

    /** Whatever has arrived and not been taken yet. */
    int pending() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
