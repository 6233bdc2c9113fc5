package vn.govhub.sandbox.cases;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vn.govhub.connectors.cases.CaseDossier;

/** A dossier as the hub forwards it, and a loopback receiver of the simulators' signed callbacks. */
public final class CaseSamples {

    private CaseSamples() {
    }

    public static CaseDossier dossier(String code) {
        return new CaseDossier("9b2c0a3e-0000-4000-8000-00000000000" + code.charAt(code.length() - 1), code, "2.008919",
                "Đăng ký kết hôn", "HT", "Hộ tịch", "000.00.01.H56",
                new CaseDossier.Applicant("Nguyễn Văn An", "079203001234", 1, "84912345678", null, "12 Lê Lợi"),
                "Đăng ký kết hôn - Nguyễn Văn An", Instant.parse("2026-11-28T02:30:00Z"), null, CaseDossier.ReturnMethod.POSTAL,
                "12 Lê Lợi, Tây Ninh", Map.of("ngayDangKy", "2026-12-01"),
                List.of(new CaseDossier.Document("f1", "to-khai.pdf", "2.008919-GT01", "application/pdf", 1000, "https://hub/files/f1")),
                List.of(new CaseDossier.Fee("LP1", "Lệ phí", 0)), List.of());
    }

    static CaseDossier withSupplement(CaseDossier d, String id) {
        CaseDossier.Supplement s = new CaseDossier.Supplement(id, Instant.parse("2026-11-29T02:00:00Z"), "Bản sao giấy xác nhận",
                List.of(new CaseDossier.Document("f9", "xac-nhan.pdf", "2.008919-GT02", "application/pdf", 900, "https://hub/files/f9")));
        return new CaseDossier(d.dossierId(), d.code(), d.procedureCode(), d.procedureName(), d.sectorCode(), d.sectorName(),
                d.agencyCode(), d.applicant(), d.summary(), d.submittedAt(), d.appointmentAt(), d.returnMethod(), d.postalAddress(),
                d.answers(), d.documents(), d.fees(), List.of(s));
    }

    /** A callback as received: its signature headers and raw body. */
    record Callback(String timestamp, String signature, byte[] body) {
    }

    /** Listens on loopback for the simulators' callbacks and answers 200. */
    static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final BlockingQueue<Callback> received = new LinkedBlockingQueue<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Callback(exchange.getRequestHeaders().getFirst("X-Govhub-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Govhub-Signature"), body));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/cases/test");
        }

        /** The next callback, waiting at most five seconds. */
        Callback next() throws InterruptedException {
            Callback c = received.poll(5, TimeUnit.SECONDS);
            if (c == null) {
                throw new AssertionError("no callback within 5 s");
            }
            return c;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
