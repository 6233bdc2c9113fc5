package vn.govhub.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counters that start again every day, one series per use: the numbers of dossiers' tracking codes
 * ({@code <agency>-<yyMMdd>-<n>}) and of feedback references ({@code PA-<yyMMdd>-<n>}). The row of a series and day is
 * locked while it is counted, so two nodes never hand out the same number; call it inside the caller's transaction.
 * The table keeps the name it had when only dossiers counted ({@code dossier_counter}, series in {@code agency}), so
 * nodes of the previous version keep working during a rolling upgrade.
 */
@Repository
public class DailyCounters {

    private final JdbcTemplate jdbc;

    public DailyCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of {@code series} on {@code day} (1 for the first). */
    public int next(String series, String day) {
        jdbc.update("INSERT INTO dossier_counter (agency, day_key, counter) VALUES (?, ?, 0) ON CONFLICT DO NOTHING", series, day);
        jdbc.update("UPDATE dossier_counter SET counter = counter + 1 WHERE agency = ? AND day_key = ?", series, day);
        return jdbc.queryForObject("SELECT counter FROM dossier_counter WHERE agency = ? AND day_key = ?", Integer.class, series, day);
    }
}
