package vn.govhub.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An administrative procedure (thủ tục hành chính, TTHC) as the national TTHC database publishes it: what a
 * citizen must bring, how long it takes, what it costs and who handles it.
 *
 * @param code              national code, e.g. {@code 1.001193}
 * @param localCode         the province's suffixed code when the upstream gives one, else null
 * @param active            published and in force ({@code TRANGTHAI = 1})
 */
public record Procedure(
        String code,
        String localCode,
        String name,
        String type,
        List<Ref> sectors,
        List<Level> levels,
        List<Ref> agencies,
        List<String> targetGroups,
        List<StepCase> steps,
        List<Channel> channels,
        List<DocumentCase> documents,
        List<Ref> results,
        List<LegalBasis> legalBasis,
        String conditions,
        String publishingDecision,
        String publishingAgency,
        boolean active) {

    public static final Pattern CODE = Pattern.compile("^\\d+\\.\\d{4,}$");

    public Procedure {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code '" + code + "' is not a national procedure code (1.001234)");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name of " + code + " must not be blank");
        }
        sectors = List.copyOf(sectors);
        levels = List.copyOf(levels);
        agencies = List.copyOf(agencies);
        targetGroups = List.copyOf(targetGroups);
        steps = List.copyOf(steps);
        channels = List.copyOf(channels);
        documents = List.copyOf(documents);
        results = List.copyOf(results);
        legalBasis = List.copyOf(legalBasis);
    }

    /** A code and its name (sector, agency, result). */
    public record Ref(String code, String name) {
    }

    /** Government level that carries the procedure out. */
    public enum Tier { CENTRAL, PROVINCE, DISTRICT, COMMUNE }

    public record Level(Tier tier, String agencyDescription, String receptionAddress) {
    }

    /** The steps of one case (trường hợp) of the procedure. */
    public record StepCase(String caseName, List<String> steps) {
        public StepCase {
            steps = List.copyOf(steps);
        }
    }

    /** How the dossier can be submitted. */
    public enum ChannelKind { DIRECT, ONLINE, POSTAL }

    public record Channel(ChannelKind kind, List<Duration> durations) {
        public Channel {
            durations = List.copyOf(durations);
        }
    }

    /** A processing time with the fees that go with it. */
    public record Duration(BigDecimal amount, String unit, String description, List<Fee> fees) {
        public Duration {
            fees = List.copyOf(fees);
        }
    }

    public record Fee(String code, BigDecimal amount, String unit, String description) {
    }

    /** The documents required in one case. */
    public record DocumentCase(String caseName, List<Document> documents) {
        public DocumentCase {
            documents = List.copyOf(documents);
        }
    }

    /**
     * One required document (giấy tờ) and its form template, if any.
     *
     * @param originals originals to bring ({@code SOBANCHINH})
     * @param copies    copies to bring ({@code SOBANSAO})
     */
    public record Document(String code, String name, String formName, String formUrl, int originals, int copies) {
    }

    public record LegalBasis(String number, String title) {
    }

    /** The shortest stated processing time, e.g. "5 Ngày làm việc"; null when none is stated. */
    public String processingTimeSummary() {
        return channels.stream().flatMap(c -> c.durations().stream())
                .filter(d -> d.amount() != null && d.amount().signum() > 0)
                .min((a, b) -> a.amount().compareTo(b.amount()))
                .map(d -> d.amount().stripTrailingZeros().toPlainString() + (d.unit() == null ? "" : " " + d.unit()))
                .orElse(null);
    }

    /** "Không thu phí" when nothing is charged, else the lowest non-zero fee, e.g. "75.000 đồng". */
    public String feeSummary() {
        return channels.stream().flatMap(c -> c.durations().stream()).flatMap(d -> d.fees().stream())
                .filter(f -> f.amount() != null && f.amount().signum() > 0)
                .min((a, b) -> a.amount().compareTo(b.amount()))
                .map(f -> vnd(f.amount()) + " " + (f.unit() == null || f.unit().isBlank() ? "đồng" : f.unit()))
                .orElse("Không thu phí");
    }

    private static String vnd(BigDecimal amount) {
        String digits = amount.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
