package vn.govhub.connectors.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgencyFieldMappingTest {

    static AgencyFeedback feedback(boolean anonymous) {
        return new AgencyFeedback("fb-0001", "PA-261128-0001", "MT.01", "Môi trường", "Rác thải ùn ứ",
                "Rác để lâu ngày trước chợ, bốc mùi.", Instant.parse("2026-11-28T02:30:00Z"),
                Instant.parse("2026-12-05T10:00:00Z"),
                new AgencyFeedback.Location(11.3101, 106.0983, "Chợ Long Hoa, Hòa Thành", "25459"),
                List.of(new AgencyFeedback.Photo("p1", "image/jpeg", 52_000, "https://hub/files/p1?sig=abc")),
                new AgencyFeedback.Citizen("Trần Thị Bình", "84912345678"), anonymous);
    }

    @Test
    void defaultMappingWritesEveryHubFieldInNestedObjects() {
        JsonNode json = AgencyFieldMapping.DEFAULT.write(feedback(false));

        assertThat(json.path("id").asText()).isEqualTo("fb-0001");
        assertThat(json.path("code").asText()).isEqualTo("PA-261128-0001");
        assertThat(json.path("category").path("code").asText()).isEqualTo("MT.01");
        assertThat(json.path("category").path("name").asText()).isEqualTo("Môi trường");
        assertThat(json.path("title").asText()).isEqualTo("Rác thải ùn ứ");
        assertThat(json.path("submittedAt").asText()).isEqualTo("2026-11-28T09:30:00+07:00");
        assertThat(json.path("dueAt").asText()).isEqualTo("2026-12-05T17:00:00+07:00");
        assertThat(json.path("location").path("lat").asDouble()).isEqualTo(11.3101);
        assertThat(json.path("location").path("lon").isNumber()).isTrue();
        assertThat(json.path("location").path("areaCode").asText()).isEqualTo("25459");
        assertThat(json.path("photos").get(0).path("url").asText()).isEqualTo("https://hub/files/p1?sig=abc");
        assertThat(json.path("photos").get(0).path("size").asLong()).isEqualTo(52_000);
        assertThat(json.path("reporter").path("name").asText()).isEqualTo("Trần Thị Bình");
        assertThat(json.path("reporter").path("phone").asText()).isEqualTo("84912345678");
        assertThat(json.path("reporter").path("anonymous").asBoolean()).isFalse();
    }

    @Test
    void anonymousFeedbackForwardsNoIdentityEvenWhenTheCallerPassedOne() {
        AgencyFeedback anonymous = feedback(true);
        assertThat(anonymous.citizen()).isNull();

        JsonNode json = AgencyFieldMapping.DEFAULT.write(anonymous);
        assertThat(json.path("reporter").path("name").isNull()).isTrue();
        assertThat(json.path("reporter").path("phone").isNull()).isTrue();
        assertThat(json.path("reporter").path("anonymous").asBoolean()).isTrue();
    }

    @Test
    void customMappingWritesOnlyItsFieldsInItsOrderWithConstants() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("maPhanAnh", "code");
        fields.put("noiDung.tieuDe", "title");
        fields.put("noiDung.chiTiet", "description");
        fields.put("viTri.diaChi", "address");
        fields.put("nguoiGui.soDienThoai", "citizenPhone");
        fields.put("kenh", "const:zalo");
        AgencyFieldMapping mapping = AgencyFieldMapping.of(fields);

        JsonNode json = mapping.write(feedback(false));

        assertThat(json.fieldNames()).toIterable().containsExactly("maPhanAnh", "noiDung", "viTri", "nguoiGui", "kenh");
        assertThat(json.path("noiDung").path("tieuDe").asText()).isEqualTo("Rác thải ùn ứ");
        assertThat(json.path("noiDung").path("chiTiet").asText()).startsWith("Rác để lâu");
        assertThat(json.path("viTri").path("diaChi").asText()).isEqualTo("Chợ Long Hoa, Hòa Thành");
        assertThat(json.path("nguoiGui").path("soDienThoai").asText()).isEqualTo("84912345678");
        assertThat(json.path("kenh").asText()).isEqualTo("zalo");
        assertThat(json.has("id")).isFalse();
    }

    @Test
    void missingValuesAreWrittenAsNull() {
        AgencyFeedback bare = new AgencyFeedback("fb-2", "PA-2", "GT.01", null, "Ổ gà", null, Instant.EPOCH, null, null,
                null, null, false);
        JsonNode json = AgencyFieldMapping.DEFAULT.write(bare);
        assertThat(json.path("dueAt").isNull()).isTrue();
        assertThat(json.path("location").path("lat").isNull()).isTrue();
        assertThat(json.path("photos").isArray()).isTrue();
        assertThat(json.path("reporter").path("phone").isNull()).isTrue();
    }

    @Test
    void noConfiguredFieldsMeansTheDefault() {
        assertThat(AgencyFieldMapping.of(null)).isSameAs(AgencyFieldMapping.DEFAULT);
        assertThat(AgencyFieldMapping.of(Map.of())).isSameAs(AgencyFieldMapping.DEFAULT);
        assertThat(AgencySystemSettings.of("sotnmt", "http://x", null).fields()).isEqualTo(AgencyFieldMapping.DEFAULT.fields());
    }

    @Test
    void anUnknownSourceIsRefusedNamingTheFieldAndTheKnownSources() {
        assertThatThrownBy(() -> new AgencySystemSettings("sotnmt", "http://x", null, null, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1), Map.of("reporter.phone", "phone"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agency sotnmt")
                .hasMessageContaining("unknown source 'phone' for field 'reporter.phone'")
                .hasMessageContaining("citizenPhone");
    }

    @Test
    void malformedOrOverlappingTargetsAreRefused() {
        assertThatThrownBy(() -> AgencyFieldMapping.of(Map.of("a..b", "id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a..b'");
        assertThatThrownBy(() -> AgencyFieldMapping.of(Map.of(" ", "id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank target");
        Map<String, String> overlapping = new LinkedHashMap<>();
        overlapping.put("reporter", "citizenName");
        overlapping.put("reporter.phone", "citizenPhone");
        assertThatThrownBy(() -> AgencyFieldMapping.of(overlapping))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'reporter.phone' lies inside 'reporter'");
    }

    @Test
    void personalDataAndSecretsStayOutOfToString() {
        assertThat(feedback(false).toString()).doesNotContain("Bình", "84912345678", "Long Hoa", "sig=abc", "bốc mùi");
        AgencySystemSettings settings = AgencySystemSettings.of("sotnmt", "http://x/", AgencySystemSettings.Auth.bearer("s3cret"));
        assertThat(settings.toString()).doesNotContain("s3cret").contains("BEARER", "http://x/api/feedback");
        assertThat(AgencySystemSettings.Auth.basic("govhub", "pw").toString()).doesNotContain("pw");
    }
}
