package vn.govhub.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: a body that drips in, a chunked body with
 * no declared length, a request that stops half way. The answer is read until the server closes or the answer ends.
 */
public final class RawHttp implements AutoCloseable {

    /** Status line and the rest of the answer. */
    public record Answer(int status, String text) {
    }

    private final Socket socket;
    private final OutputStream out;

    public RawHttp(int port) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request line and headers (Host and Connection: close added). */
    public RawHttp head(String method, String target, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        return write(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** One chunk of a chunked body ({@code Transfer-Encoding: chunked}); an empty one ends the body. */
    public RawHttp chunk(byte[] bytes) {
        write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        write(bytes);
        return write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Drips {@code bytes} one at a time, one every {@code every}, on a scheduler, until written or the server stops
     * taking them; returns at once.
     */
    public CompletableFuture<Void> drip(byte[] bytes, Duration every) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] next = {0};
        scheduler.scheduleAtFixedRate(() -> {
            try {
                if (next[0] >= bytes.length) {
                    done.complete(null);
                    scheduler.shutdown();
                    return;
                }
                out.write(bytes[next[0]++]);
                out.flush();
            } catch (IOException closed) {
                done.complete(null);
                scheduler.shutdown();
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    /** Reads the answer to its end (the server closes: Connection: close). */
    public Answer answer() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) != -1) {
                    text.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // the server may reset a connection whose body it refused to read: what arrived is the answer
            }
            String s = text.toString(StandardCharsets.UTF_8);
            int status = s.startsWith("HTTP/1.1 ") ? Integer.parseInt(s.substring(9, 12)) : -1;
            return new Answer(status, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
