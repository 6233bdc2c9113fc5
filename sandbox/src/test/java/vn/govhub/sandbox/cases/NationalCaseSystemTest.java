package vn.govhub.sandbox.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.sandbox.Fault;
import vn.govhub.connectors.cases.CaseDossier;
import vn.govhub.connectors.cases.CaseStatus;
import vn.govhub.connectors.cases.CaseSystemException;
import vn.govhub.connectors.cases.CaseSystemSettings;
import vn.govhub.connectors.cases.Forwarded;
import vn.govhub.connectors.cases.NationalCaseSystem;

/** The national envelope adapter against its simulator: wire fields, exactly once, sessions, errors. */
class NationalCaseSystemTest {

    private static CaseDossier dossier(String code) {
        return CaseSamples.dossier(code);
    }


    private static final NationalCaseSimulator SIMULATOR = start();

    private static NationalCaseSimulator start() {
        NationalCaseSimulator simulator = new NationalCaseSimulator(0);
        simulator.start();
        return simulator;
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    private NationalCaseSystem cases;

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
        cases = system(CaseSystemSettings.FieldMapping.NONE, SIMULATOR.password());
    }

    private static NationalCaseSystem system(CaseSystemSettings.FieldMapping fields, String password) {
        return new NationalCaseSystem(new CaseSystemSettings(CaseSystemSettings.Shape.NATIONAL, SIMULATOR.baseUrl(), Map.of(),
                SIMULATOR.unitCode(), SIMULATOR.username(), password, null, null, Duration.ofSeconds(2), Duration.ofSeconds(1), fields));
    }

    @Test
    void forwardWritesTheWireFieldsAndAResendUpdatesInsteadOfDuplicating() {
        Forwarded first = cases.forward(dossier("H56.14-261128-0001"));
        assertThat(first.alreadyPresent()).isFalse();
        assertThat(first.status().statusCode()).isEqualTo("1");
        var wire = SIMULATOR.dossier("H56.14-261128-0001").dossier();
        assertThat(wire.path("MaTTHC").asText()).isEqualTo("2.008919");
        assertThat(wire.path("TenLinhVuc").asText()).isEqualTo("Hộ tịch");
        assertThat(wire.path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(wire.path("SoGiayToChuHoSo").asText()).isEqualTo("079203001234");
        assertThat(wire.path("LoaiDoiTuong").asInt()).isEqualTo(1);
        assertThat(wire.path("KenhThucHien").asInt()).isEqualTo(2);
        assertThat(wire.path("HinhThuc").asInt()).isEqualTo(1);
        assertThat(wire.path("NgayTiepNhan").asText()).isEqualTo("20261128093000"); // 02:30 UTC = 09:30 in Vietnam
        assertThat(wire.path("TaiLieuNop").get(0).path("MaThanhPhanHoSo").asText()).isEqualTo("2.008919-GT01");
        assertThat(wire.path("TaiLieuNop").get(0).path("DuongDanTaiTepTin").asText()).isEqualTo("https://hub/files/f1");
        assertThat(wire.path("DanhSachLePhi").get(0).path("MaPhiLePhi").asText()).isEqualTo("LP1");
        assertThat(SIMULATOR.received("/api/integration").get(1).header("Idempotency-Key")).isPresent();

        Forwarded again = cases.forward(dossier("H56.14-261128-0001"));
        assertThat(again.alreadyPresent()).isTrue();
        assertThat(SIMULATOR.count()).isEqualTo(1);
        assertThat(SIMULATOR.dossier("H56.14-261128-0001").pushes()).isEqualTo(2);
        assertThat(SIMULATOR.duplicatesRefused()).isZero();
    }

    @Test
    void lookupReportsStatusResultsAndTheSupplementRequest() {
        cases.forward(dossier("H56.14-261128-0002"));
        SIMULATOR.setStatus("H56.14-261128-0002", "5", "Bổ sung giấy tờ");
        CaseStatus status = cases.lookup("H56.14-261128-0002").orElseThrow();
        assertThat(status.statusCode()).isEqualTo("5");
        assertThat(status.supplementRequest()).isEqualTo("Bổ sung giấy tờ");
        assertThat(status.appointmentAt()).isNotNull();
        SIMULATOR.setStatus("H56.14-261128-0002", "9", null);
        assertThat(cases.lookup("H56.14-261128-0002").orElseThrow().results()).hasSize(1);
        assertThat(cases.lookup("H56.14-000000-0000")).isEmpty();
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndBadCredentialsArePermanent() {
        cases.forward(dossier("H56.14-261128-0003"));
        int logins = SIMULATOR.logins();
        SIMULATOR.expireSessions();
        assertThat(cases.lookup("H56.14-261128-0003")).isPresent();
        assertThat(SIMULATOR.logins()).isEqualTo(logins + 1);
        assertThatThrownBy(() -> system(CaseSystemSettings.FieldMapping.NONE, "wrong").lookup("x"))
                .isInstanceOf(CaseSystemException.Permanent.class).hasMessageContaining("login refused");
    }

    @Test
    void failuresAreSortedIntoTransientAndPermanent() {
        SIMULATOR.failNext(1, Fault.status(503));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Transient.class);
        SIMULATOR.failNext(1, Fault.connectionReset());
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Transient.class);
        SIMULATOR.failNext(1, Fault.delay(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Transient.class).hasMessageContaining("timed out");
        SIMULATOR.failNext(1, Fault.status(400));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Permanent.class);
        SIMULATOR.failNext(1, Fault.malformed("<html>", "text/html"));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Permanent.class);
        CaseDossier incomplete = new CaseDossier("id", "H56.14-261128-0009", "2.008919", null, null, null, null,
                new CaseDossier.Applicant("", "1", 1, null, null, null), null, Instant.now(), null, CaseDossier.ReturnMethod.DESK,
                null, null, null, null, null);
        assertThatThrownBy(() -> cases.forward(incomplete)).isInstanceOf(CaseSystemException.Permanent.class)
                .hasMessageContaining("error_code 400");
    }

    @Test
    void fieldMappingRenamesAndAddsFields() {
        NationalCaseSystem mapped = system(new CaseSystemSettings.FieldMapping(Map.of("DiaChi", "DiaChiChuHoSo"),
                Map.of("MaDonViTiepNhan", "000.00.01.H56")), SIMULATOR.password());
        mapped.forward(dossier("H56.14-261128-0004"));
        var wire = SIMULATOR.dossier("H56.14-261128-0004").dossier();
        assertThat(wire.has("DiaChi")).isFalse();
        assertThat(wire.path("DiaChiChuHoSo").asText()).isEqualTo("12 Lê Lợi");
        assertThat(wire.path("MaDonViTiepNhan").asText()).isEqualTo("000.00.01.H56");
    }

    @Test
    void callbacksAreReadAndWithdrawalIsAnUpdate() {
        byte[] body = ("{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"A-1\",\"TrangThai\":\"4\",\"NoiDungXuLy\":\"Thẩm định\","
                + "\"ThoiDiemXuLy\":\"20261128100000\",\"NgayHenTra\":\"20261205160000\"}]}").getBytes(StandardCharsets.UTF_8);
        CaseStatus status = cases.parseCallback(body).get(0);
        assertThat(status.code()).isEqualTo("A-1");
        assertThat(status.statusCode()).isEqualTo("4");
        assertThat(status.progress().get(0).content()).isEqualTo("Thẩm định");
        assertThat(status.appointmentAt()).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
        assertThatThrownBy(() -> cases.parseCallback("nope".getBytes(StandardCharsets.UTF_8))).isInstanceOf(CaseSystemException.Permanent.class);
        assertThatThrownBy(() -> cases.parseCallback("{\"data\":[{}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CaseSystemException.Permanent.class);

        cases.forward(dossier("H56.14-261128-0005"));
        cases.withdraw("H56.14-261128-0005", "Nộp nhầm");
        assertThat(SIMULATOR.dossier("H56.14-261128-0005").status()).isEqualTo("7");
        assertThat(SIMULATOR.dossier("H56.14-261128-0005").dossier().path("MaTTHC").asText()).isEqualTo("2.008919");
    }
}
