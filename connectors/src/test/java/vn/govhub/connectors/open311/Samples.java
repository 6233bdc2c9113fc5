package vn.govhub.connectors.open311;

import java.time.Instant;
import java.util.List;

/** Objects every Open311 test renders: one of each shape, with every optional field filled, and a bare one. */
final class Samples {

    private Samples() {
    }

    static Service pothole() {
        return new Service("ORG-HOLE", "Ổ gà, hư hỏng mặt đường", "Mặt đường bị lún, nứt, ổ gà", true,
                Service.Type.REALTIME, List.of("đường", "ổ gà", "giao thông"), "Giao thông");
    }

    static Service bareService() {
        return new Service("LIGHT", "Đèn đường không sáng", null, false, Service.Type.BATCH, null, null);
    }

    static ServiceDefinition potholeDefinition() {
        return new ServiceDefinition("ORG-HOLE", List.of(
                new ServiceDefinition.Attribute(true, "SIZE", ServiceDefinition.Datatype.SINGLEVALUELIST, true,
                        "Chọn một", 1, "Kích thước ổ gà", List.of(
                        new ServiceDefinition.Value("S", "Nhỏ hơn 30 cm"),
                        new ServiceDefinition.Value("L", "Từ 30 cm trở lên"))),
                new ServiceDefinition.Attribute(true, "LANES", ServiceDefinition.Datatype.MULTIVALUELIST, false,
                        null, 2, "Làn đường bị ảnh hưởng", List.of(
                        new ServiceDefinition.Value("CAR", "Ô tô"),
                        new ServiceDefinition.Value("MOTO", "Xe máy"),
                        new ServiceDefinition.Value("WALK", "Vỉa hè"))),
                new ServiceDefinition.Attribute(true, "DEPTH", ServiceDefinition.Datatype.NUMBER, false,
                        "Số, đơn vị cm", 3, "Độ sâu", null),
                new ServiceDefinition.Attribute(true, "SEEN", ServiceDefinition.Datatype.DATETIME, false,
                        null, 4, "Phát hiện lúc", null),
                new ServiceDefinition.Attribute(false, "NOTE", ServiceDefinition.Datatype.TEXT, false,
                        null, 5, "Ảnh chụp rõ giúp xử lý nhanh hơn", null),
                new ServiceDefinition.Attribute(true, "PLATE", ServiceDefinition.Datatype.STRING, false,
                        null, null, "Biển số xe gây hư hỏng (nếu biết)", null)));
    }

    /** 2026-11-28T10:15:30+07:00. */
    static final Instant REQUESTED = Instant.parse("2026-11-28T03:15:30Z");

    static ServiceRequest fullRequest() {
        return new ServiceRequest("HUE-2026-000123", ServiceRequest.Status.CLOSED, "Đã vá xong", "Ổ gà, hư hỏng mặt đường",
                "ORG-HOLE", "Ổ gà lớn trước số 12 Lê Lợi & <không có> biển báo", "Sở Xây dựng",
                "Xử lý trong 48 giờ", REQUESTED, Instant.parse("2026-11-29T01:00:00Z"),
                Instant.parse("2026-11-30T03:15:30Z"), "12 Lê Lợi, phường Thuận Hóa, Huế", "ADDR-7781", "530000",
                16.4637, 107.5909, "https://hub.example.vn/media/abc.jpg");
    }

    static ServiceRequest bareRequest() {
        return new ServiceRequest("HUE-2026-000124", ServiceRequest.Status.OPEN, null, null, "LIGHT", null, null,
                null, REQUESTED, null, null, null, null, null, null, null, null);
    }
}
