package vn.govhub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The attackers of {@link HostileInputBench}: raw sockets that lie about bodies, drip them, or send pictures that are not what they say. */
final class HostileClients {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HostileClients() {
    }

    static String chunkedUpload(int port, int bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/uploads?name=a.pdf HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Zalo-Access-Token: demo-citizen-token\r\n"
                    + "Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            chunk[0] = '%';
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException refused) {
                // the hub stopped reading: its answer follows
            }
            return status(socket.getInputStream());
        }
    }

    static String declaredUpload(int port, long bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/uploads?name=a.pdf HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "X-Zalo-Access-Token: demo-citizen-token\r\nContent-Type: application/pdf\r\nContent-Length: " + bytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return status(socket.getInputStream());
        }
    }

    static String drippingWebhook(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/cases/demo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < 100_000; i++) {
                    out.write('{');
                    out.flush();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    if (socket.getInputStream().available() > 0) {
                        break;
                    }
                }
            } catch (IOException refused) {
                // the hub gave up on us
            }
            return status(socket.getInputStream());
        }
    }

    static String photo(int port, byte[] picture) throws Exception {
        String boundary = "----hostile";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"feedback\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"category\":\"moi-truong\",\"title\":\"Rác\",\"description\":\"Rác ven kênh\",\"location\":{\"lat\":11.31,\"long\":106.10}}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + picture.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(picture, 0, body, head.length, picture.length);
        System.arraycopy(tail, 0, body, head.length + picture.length, tail.length);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback?province=demo"))
                .header("X-Zalo-Access-Token", "demo-citizen-token").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return "HTTP " + answer.statusCode();
    }

    static String status(InputStream in) throws IOException {
        byte[] line = in.readNBytes(12);
        String text = new String(line, StandardCharsets.US_ASCII);
        return text.startsWith("HTTP/1.1 ") ? "HTTP " + text.substring(9, 12) : "no answer";
    }

    static byte[] pngBomb() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        int side = 100_000;
        byte[] chunk = {'I', 'H', 'D', 'R', (byte) (side >>> 24), (byte) (side >>> 16), (byte) (side >>> 8), (byte) side,
                (byte) (side >>> 24), (byte) (side >>> 16), (byte) (side >>> 8), (byte) side, 8, 2, 0, 0, 0};
        out.writeBytes(chunk);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }

    static byte[] polyglot() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        out.writeBytes("PK\u0003\u0004<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    // --- hostile news sources
}
