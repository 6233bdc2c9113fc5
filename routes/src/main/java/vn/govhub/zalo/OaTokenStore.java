package vn.govhub.zalo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.govhub.connectors.zalo.OaTokens;
import vn.govhub.security.DataCipher;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code zalo_oa} table: one row per province's OA, tokens encrypted with {@link DataCipher}. Reads and writes
 * only; the refresh protocol (lock, re-read, call, commit) is {@link OaTokenService}'s.
 */
@Repository
public class OaTokenStore {

    public enum Status { NEW, AUTHORISED, UNAUTHORISED }

    /** A row, tokens decrypted. */
    public record OaRow(String province, Status status, String statusDetail, String accessToken, String refreshToken,
                        Instant accessExpiresAt, long version, Instant refreshedAt) {
        @Override
        public String toString() {
            return "OaRow[" + province + ", " + status + ", v" + version + ", expires " + accessExpiresAt + "]";
        }
    }

    /** A pending consent: the PKCE verifier waiting for Zalo's code. */
    public record Consent(String province, String verifier, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final Clock clock;

    public OaTokenStore(JdbcTemplate jdbc, DataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Optional<OaRow> find(String province) {
        return read("SELECT * FROM zalo_oa WHERE province = ?", province);
    }

    /** The row, locked until the surrounding transaction ends (the refresh's mutual exclusion in the database). */
    public Optional<OaRow> findForUpdate(String province) {
        return read("SELECT * FROM zalo_oa WHERE province = ? FOR UPDATE", province);
    }

    private Optional<OaRow> read(String sql, String province) {
        List<OaRow> rows = jdbc.query(sql, (rs, i) -> new OaRow(rs.getString("province"),
                Status.valueOf(rs.getString("status")), rs.getString("status_detail"),
                cipher.decrypt(rs.getString("access_token"), "zalo_oa.access_token"),
                cipher.decrypt(rs.getString("refresh_token"), "zalo_oa.refresh_token"),
                instant(rs.getTimestamp("access_expires_at")), rs.getLong("version"),
                instant(rs.getTimestamp("refreshed_at"))), province);
        return rows.stream().findFirst();
    }

    /** Stores a new token pair (bootstrap or refresh), bumping the version. */
    public void saveTokens(String province, OaTokens tokens) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("UPDATE zalo_oa SET status = 'AUTHORISED', status_detail = NULL, access_token = ?, "
                        + "refresh_token = ?, access_expires_at = ?, version = version + 1, refreshed_at = ?, updated_at = ? "
                        + "WHERE province = ?",
                cipher.encrypt(tokens.accessToken(), "zalo_oa.access_token"),
                cipher.encrypt(tokens.refreshToken(), "zalo_oa.refresh_token"),
                Timestamp.from(tokens.accessExpiresAt()), now, now, province);
        if (updated == 0) {
            jdbc.update("INSERT INTO zalo_oa (province, status, access_token, refresh_token, access_expires_at, version, "
                            + "refreshed_at, updated_at) VALUES (?, 'AUTHORISED', ?, ?, ?, 1, ?, ?)", province,
                    cipher.encrypt(tokens.accessToken(), "zalo_oa.access_token"),
                    cipher.encrypt(tokens.refreshToken(), "zalo_oa.refresh_token"),
                    Timestamp.from(tokens.accessExpiresAt()), now, now);
        }
    }

    public void markUnauthorised(String province, String detail) {
        jdbc.update("UPDATE zalo_oa SET status = 'UNAUTHORISED', status_detail = ?, updated_at = ? WHERE province = ?",
                detail, Timestamp.from(clock.instant()), province);
    }

    public void saveConsent(String province, String state, String verifier) {
        Timestamp now = Timestamp.from(clock.instant());
        String sealed = cipher.encrypt(verifier, "zalo_oa.pkce_verifier");
        int updated = jdbc.update("UPDATE zalo_oa SET pkce_state = ?, pkce_verifier = ?, pkce_created_at = ?, updated_at = ? "
                + "WHERE province = ?", state, sealed, now, now, province);
        if (updated == 0) {
            jdbc.update("INSERT INTO zalo_oa (province, status, pkce_state, pkce_verifier, pkce_created_at, updated_at) "
                    + "VALUES (?, 'NEW', ?, ?, ?, ?)", province, state, sealed, now, now);
        }
    }

    /** The consent started with {@code state}, consumed: a state works once. */
    public Optional<Consent> takeConsent(String state) {
        List<Consent> found = jdbc.query("SELECT province, pkce_verifier, pkce_created_at FROM zalo_oa WHERE pkce_state = ?",
                (rs, i) -> new Consent(rs.getString(1), cipher.decrypt(rs.getString(2), "zalo_oa.pkce_verifier"),
                        instant(rs.getTimestamp(3))), state);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int cleared = jdbc.update("UPDATE zalo_oa SET pkce_state = NULL, pkce_verifier = NULL WHERE pkce_state = ?", state);
        return cleared == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
