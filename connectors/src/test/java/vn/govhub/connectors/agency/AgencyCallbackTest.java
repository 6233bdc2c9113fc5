package vn.govhub.connectors.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgencyCallbackTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSingleUpdateIsRead() {
        List<AgencyUpdate> updates = AgencyCallback.parseCallback(utf8("""
                {"feedbackId":"fb-1","ticketId":"PA-000001","state":10,"note":"Đã thu gom rác.","handler":"Phòng TN&MT",
                 "at":"2026-11-28T09:30:00+07:00"}"""));
        assertThat(updates).containsExactly(new AgencyUpdate("fb-1", "PA-000001", AgencyUpdate.RESOLVED, "Đã thu gom rác.",
                "Phòng TN&MT", Instant.parse("2026-11-28T02:30:00Z"), null));
    }

    @Test
    void anArrayAndATextualStateAndATransferAreRead() {
        List<AgencyUpdate> updates = AgencyCallback.parseCallback(utf8("""
                [{"feedbackId":"fb-1","state":"7"},{"feedbackId":"fb-2","state":2,"transferTo":"ubnd-hoa-thanh","at":"2026-11-28T02:30:00Z"}]"""));
        assertThat(updates).extracting(AgencyUpdate::state).containsExactly(7, 2);
        assertThat(updates.get(1).transferTo()).isEqualTo("ubnd-hoa-thanh");
        assertThat(updates.get(0).at()).isNull();
    }

    @Test
    void unreadableCallbacksArePermanentWithTheReason() {
        assertThatThrownBy(() -> AgencyCallback.parseCallback(utf8("nope")))
                .isInstanceOf(AgencySystemException.Permanent.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> AgencyCallback.parseCallback(utf8("{\"state\":4}")))
                .isInstanceOf(AgencySystemException.Permanent.class).hasMessageContaining("no feedbackId");
        assertThatThrownBy(() -> AgencyCallback.parseCallback(utf8("{\"feedbackId\":\"x\",\"state\":11}")))
                .isInstanceOf(AgencySystemException.Permanent.class).hasMessageContaining("state 11");
        assertThatThrownBy(() -> AgencyCallback.parseCallback(utf8("{\"feedbackId\":\"x\",\"state\":\"resolved\"}")))
                .isInstanceOf(AgencySystemException.Permanent.class).hasMessageContaining("no numeric state");
        assertThatThrownBy(() -> AgencyCallback.parseCallback(utf8("{\"feedbackId\":\"x\",\"state\":4,\"at\":\"28/11/2026\"}")))
                .isInstanceOf(AgencySystemException.Permanent.class).hasMessageContaining("'at'");
        assertThatThrownBy(() -> AgencyCallback.parseCallback(utf8("[]")))
                .isInstanceOf(AgencySystemException.Permanent.class).hasMessageContaining("no update");
    }

    @Test
    void theNoteStaysOutOfToString() {
        AgencyUpdate update = new AgencyUpdate("fb-1", "t", 10, "Gửi chị Bình 0912345678", null, null, null);
        assertThat(update.toString()).doesNotContain("0912345678", "Bình");
    }
}
