package vn.govhub.dossier;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.govhub.testing.Upstreams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files of each accepted kind, HTTP helpers and the properties that point a hub at the simulators. */
final class DossierTestSupport {

    static final String DATA_KEY = Base64.getEncoder().encodeToString("5".repeat(32).getBytes());
    /** 2.008919 Đăng ký kết hôn: fully online, two required documents. */
    static final String MARRIAGE = "2.008919";
    static final List<String> MARRIAGE_DOCS = List.of("2.008919-GT01", "2.008919-GT02");

    private DossierTestSupport() {
    }

    static void register(DynamicPropertyRegistry registry, Upstreams upstreams) {
        upstreams.register(registry);
        registry.add("govhub.security.data-key", () -> DATA_KEY);
        registry.add("govhub.files.link-secret", () -> "test-file-link-secret");
    }

    static byte[] pdf(int size) {
        byte[] head = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[Math.max(size, head.length + 8)];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < bytes.length - 6; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        System.arraycopy("%%EOF\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, bytes.length - 6, 6);
        return bytes;
    }

    /** A real JPEG of at least {@code size} bytes. */
    static byte[] jpeg(int size) {
        return vn.govhub.testing.TestImages.noisyJpeg(size);
    }

    static byte[] png() {
        return vn.govhub.testing.TestImages.png(40, 30);
    }

    static byte[] heic() {
        return new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
    }

    static byte[] zip(String... entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] docx() {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    static String submission(String procedure, List<Map.Entry<String, String>> documents, String idNumber, String phone,
                             String returnMethod, String postal) {
        StringBuilder docs = new StringBuilder();
        for (Map.Entry<String, String> d : documents) {
            docs.append(docs.isEmpty() ? "" : ",").append("{\"requirementCode\":\"").append(d.getKey())
                    .append("\",\"uploadId\":\"").append(d.getValue()).append("\"}");
        }
        return "{\"procedureCode\":\"" + procedure + "\",\"applicant\":{\"name\":\"Nguyễn Văn An\",\"idNumber\":\"" + idNumber
                + "\",\"phone\":\"" + phone + "\",\"email\":\"an@example.org\",\"address\":\"12 Lê Lợi, phường 1\"},"
                + "\"answers\":{\"ngayDangKy\":\"2026-12-01\"},\"documents\":[" + docs + "],\"returnMethod\":\"" + returnMethod
                + "\"" + (postal == null ? "" : ",\"postalAddress\":\"" + postal + "\"") + "}";
    }

    /** A multipart/form-data body: a JSON part, then files (name = requirement code). */
    record Multipart(String contentType, byte[] body) {
        static Multipart of(String jsonPartName, String json, Map<String, byte[]> files, String fileType) {
            String boundary = "----govhub" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPartName
                    + "\"\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n");
            files.forEach((name, bytes) -> {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + name + ".pdf\"\r\nContent-Type: " + fileType + "\r\n\r\n");
                out.writeBytes(bytes);
                write(out, "\r\n");
            });
            write(out, "--" + boundary + "--\r\n");
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        private static void write(ByteArrayOutputStream out, String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A marriage registration (multipart, both required documents as PDFs) sent as the citizen of {@code token}. */
    static HttpResponse<String> submitMarriage(HttpClient http, int port, String token, String query) throws IOException, InterruptedException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(MARRIAGE_DOCS.get(0), pdf(20_000));
        files.put(MARRIAGE_DOCS.get(1), pdf(30_000));
        Multipart multipart = Multipart.of("dossier", submission(MARRIAGE, List.of(), "079203001234", "0912345678", "DESK", null),
                files, "application/pdf");
        return send(http, port, "POST", "/api/v1/dossiers" + query, Map.of("X-Zalo-Access-Token", token, "Content-Type",
                multipart.contentType()), multipart.body());
    }

    /** A file uploaded ahead of a submission; its id. */
    static String upload(HttpClient http, int port, String token, String query, byte[] content) throws IOException, InterruptedException {
        HttpResponse<String> response = send(http, port, "POST", "/api/v1/uploads?name=bs.pdf" + query.replace('?', '&'),
                Map.of("X-Zalo-Access-Token", token, "Content-Type", "application/pdf"), content);
        if (response.statusCode() != 201) {
            throw new AssertionError("upload refused: " + response.statusCode() + " " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("id").asText();
    }

    static HttpResponse<String> send(HttpClient http, int port, String method, String path, Map<String, String> headers,
                                     byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
