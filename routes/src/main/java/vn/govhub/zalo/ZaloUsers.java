package vn.govhub.zalo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Citizens on Zalo, per province ({@code zalo_user}): the mini app's user id, the OA's follower id (linked by the
 * webhooks' {@code user_id_by_app}), whether they follow the OA, when they last interacted, and the phone number
 * they consented to share.
 */
@Repository
public class ZaloUsers {

    public record ZaloUser(long id, String province, String appUserId, String oaUserId, boolean following,
                           Instant lastInteractionAt, String phone, Instant phoneConsentedAt, String displayName) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ZaloUsers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<ZaloUser> byAppUser(String province, String appUserId) {
        return one("SELECT * FROM zalo_user WHERE province = ? AND app_user_id = ?", province, appUserId);
    }

    public Optional<ZaloUser> byOaUser(String province, String oaUserId) {
        return one("SELECT * FROM zalo_user WHERE province = ? AND oa_user_id = ?", province, oaUserId);
    }

    /** The row for this citizen, created or linked: by OA id, else by app id, merging the two ids when both are known. */
    public ZaloUser upsert(String province, String oaUserId, String appUserId) {
        Optional<ZaloUser> byOa = oaUserId == null ? Optional.empty() : byOaUser(province, oaUserId);
        Optional<ZaloUser> byApp = appUserId == null ? Optional.empty() : byAppUser(province, appUserId);
        Timestamp now = Timestamp.from(clock.instant());
        if (byOa.isPresent() && byApp.isPresent() && byOa.get().id() != byApp.get().id()) {
            // the mini app user and the follower turned out to be one citizen: keep the app row, move the OA side over
            ZaloUser oa = byOa.get();
            jdbc.update("DELETE FROM zalo_user WHERE id = ?", oa.id());
            jdbc.update("UPDATE zalo_user SET oa_user_id = ?, following = ?, last_interaction_at = ?, updated_at = ? WHERE id = ?",
                    oaUserId, oa.following(), ts(oa.lastInteractionAt()), now, byApp.get().id());
            return byAppUser(province, appUserId).orElseThrow();
        }
        Optional<ZaloUser> existing = byOa.or(() -> byApp);
        if (existing.isPresent()) {
            ZaloUser user = existing.get();
            if ((oaUserId != null && user.oaUserId() == null) || (appUserId != null && user.appUserId() == null)) {
                jdbc.update("UPDATE zalo_user SET oa_user_id = COALESCE(oa_user_id, ?), app_user_id = COALESCE(app_user_id, ?), "
                        + "updated_at = ? WHERE id = ?", oaUserId, appUserId, now, user.id());
                return one("SELECT * FROM zalo_user WHERE id = ?", user.id()).orElseThrow();
            }
            return user;
        }
        jdbc.update("INSERT INTO zalo_user (province, app_user_id, oa_user_id, updated_at) VALUES (?, ?, ?, ?)",
                province, appUserId, oaUserId, now);
        return (oaUserId != null ? byOaUser(province, oaUserId) : byAppUser(province, appUserId)).orElseThrow();
    }

    public void following(long id, boolean following, Instant at) {
        jdbc.update("UPDATE zalo_user SET following = ?, last_interaction_at = CASE WHEN ? THEN ? ELSE last_interaction_at END, "
                + "updated_at = ? WHERE id = ?", following, following, Timestamp.from(at), Timestamp.from(clock.instant()), id);
    }

    public void interacted(long id, Instant at) {
        jdbc.update("UPDATE zalo_user SET last_interaction_at = ?, updated_at = ? WHERE id = ? "
                + "AND (last_interaction_at IS NULL OR last_interaction_at < ?)", Timestamp.from(at),
                Timestamp.from(clock.instant()), id, Timestamp.from(at));
    }

    public void consentedPhone(long id, String phone84, String name, Instant at) {
        jdbc.update("UPDATE zalo_user SET phone = ?, phone_consented_at = ?, display_name = COALESCE(?, display_name), "
                + "updated_at = ? WHERE id = ?", phone84, Timestamp.from(at), name, Timestamp.from(clock.instant()), id);
    }

    private Optional<ZaloUser> one(String sql, Object... args) {
        List<ZaloUser> rows = jdbc.query(sql, (rs, i) -> new ZaloUser(rs.getLong("id"), rs.getString("province"),
                rs.getString("app_user_id"), rs.getString("oa_user_id"), rs.getBoolean("following"),
                instant(rs.getTimestamp("last_interaction_at")), rs.getString("phone"),
                instant(rs.getTimestamp("phone_consented_at")), rs.getString("display_name")), args);
        return rows.stream().findFirst();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
