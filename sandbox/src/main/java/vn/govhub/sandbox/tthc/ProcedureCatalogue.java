package vn.govhub.sandbox.tthc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The simulated national catalogue: procedures generated from the seed names × variants, and the changes each
 * revision makes. Every procedure's content follows from its generation index alone, so two catalogues of
 * different sizes agree on the procedures they share. Not thread-safe: {@link TthcServices} holds its monitor.
 */
final class ProcedureCatalogue {

    /** The fixed seed every generated value derives from. */
    static final long SEED = 20_250_701L;

    static final String SEED_RESOURCE = "/tthc/procedure-names.tsv";

    /** The variants that turn one seed name into several catalogue entries; "" is the plain name. */
    static final List<String> SUFFIXES = List.of("", " (cấp tỉnh)", " (cấp xã)",
            " - trường hợp thực hiện trực tuyến", " - trường hợp người yêu cầu ủy quyền cho người khác",
            " - trường hợp người yêu cầu là người nước ngoài", " (thủ tục liên thông)",
            " - trường hợp đối tượng thuộc hộ nghèo, hộ cận nghèo", " - trường hợp nộp hồ sơ qua bưu chính công ích",
            " (thực hiện tại Trung tâm Phục vụ hành chính công)", " - trường hợp bổ sung, điều chỉnh");

    /** A second variant dimension, so names stay distinct up to 88 variants of a seed (8 184 procedures). */
    static final List<String> CASES = List.of("", " - trường hợp cấp lần đầu", " - trường hợp thay đổi thông tin",
            " - trường hợp người yêu cầu là người cao tuổi", " - trường hợp khẩn cấp",
            " - trường hợp người yêu cầu là người khuyết tật", " - trường hợp liên thông điện tử",
            " - trường hợp gia hạn");

    /** Codes are {@code <prefix>.<6 digits>}; multiplying by a prime spreads them without collisions. */
    private static final int CODE_SPAN = 998_000;
    private static final long CODE_STRIDE = 7_919;

    record Seed(String sector, String level, String name) {
    }

    /** One procedure with the changes revisions made to it. */
    static final class Procedure {
        final int index;
        final String code;
        final Seed seed;
        final String baseName;
        final int variant;
        final int revisionAdded;
        int status = 1;
        boolean listed = true;
        boolean renamed;
        long feeIncrease;
        int addedDocuments;
        int decision;

        Procedure(int index, Seed seed, int variant, int revisionAdded) {
            this.index = index;
            this.seed = seed;
            this.variant = variant;
            this.revisionAdded = revisionAdded;
            this.baseName = seed.name() + SUFFIXES.get(variant % SUFFIXES.size())
                    + CASES.get(variant / SUFFIXES.size() % CASES.size());
            this.code = code(index, level());
            this.decision = 24_000 + index % 500;
        }

        String name() {
            return renamed ? baseName + " (sửa đổi, bổ sung năm 2025)" : baseName;
        }

        /** 1 province, 3 commune (the 2025 reorganisation left no district level). */
        int level() {
            String suffix = SUFFIXES.get(variant % SUFFIXES.size());
            if (suffix.contains("cấp tỉnh")) {
                return 1;
            }
            if (suffix.contains("cấp xã")) {
                return 3;
            }
            return seed.level().equals("xã") ? 3 : 1;
        }
    }

    /** What one {@code nextRevision()} did, by procedure code. */
    record Revision(int number, List<String> amended, List<String> withdrawn, List<String> removed,
                    List<String> added) {
    }

    private final List<Seed> seeds;
    private final Map<String, String> sectorCodes = new LinkedHashMap<>();
    private final int initialCount;
    private final Map<String, Procedure> byCode = new LinkedHashMap<>();
    private final List<Procedure> byIndex = new ArrayList<>();
    private int revision;

    ProcedureCatalogue(int initialCount) {
        if (initialCount < 1 || initialCount > CODE_SPAN) {
            throw new IllegalArgumentException("procedure count must be between 1 and " + CODE_SPAN);
        }
        this.seeds = loadSeeds();
        for (Seed seed : seeds) {
            sectorCodes.computeIfAbsent(seed.sector(), s -> String.format("LV%03d", sectorCodes.size() + 1));
        }
        this.initialCount = initialCount;
        reset();
    }

    void reset() {
        byCode.clear();
        byIndex.clear();
        revision = 0;
        for (int i = 0; i < initialCount; i++) {
            add(0);
        }
    }

    int revision() {
        return revision;
    }

    /** Listed procedures, in catalogue order (withdrawn ones that stay listed included). */
    List<Procedure> listed() {
        return byCode.values().stream().filter(p -> p.listed).toList();
    }

    Optional<Procedure> find(String code) {
        return Optional.ofNullable(byCode.get(code)).filter(p -> p.listed);
    }

    /** Any procedure ever generated, listed or not, by generation index (form downloads outlive listings). */
    Optional<Procedure> byIndex(int index) {
        return index >= 0 && index < byIndex.size() ? Optional.of(byIndex.get(index)) : Optional.empty();
    }

    Map<String, String> sectorCodes() {
        return sectorCodes;
    }

    /**
     * Amends about 1.5 % of the active procedures (a name tweak, a fee increase or one more document, under a
     * new publishing decision), withdraws about 0.5 % (TRANGTHAI 0, still listed) and drops another 0.5 % from
     * the list, then adds new procedures (0.5 % of the catalogue, at least one). Deterministic per revision.
     */
    Revision next() {
        revision++;
        Random random = new Random(SEED * 31 + revision);
        List<String> amended = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int active = 0;
        for (Procedure p : byCode.values()) {
            if (!p.listed || p.status != 1) {
                continue;
            }
            active++;
            int draw = random.nextInt(1000);
            if (draw < 15) {
                switch (random.nextInt(3)) {
                    case 0 -> p.renamed = true;
                    case 1 -> p.feeIncrease += 10_000;
                    default -> p.addedDocuments++;
                }
                p.decision = 30_000 + revision * 1_000 + amended.size();
                amended.add(p.code);
            } else if (draw < 20) {
                p.status = 0;
                withdrawn.add(p.code);
            } else if (draw < 25) {
                p.listed = false;
                removed.add(p.code);
            }
        }
        List<String> added = new ArrayList<>();
        for (int i = 0; i < Math.max(1, active / 200); i++) {
            added.add(add(revision).code);
        }
        return new Revision(revision, List.copyOf(amended), List.copyOf(withdrawn), List.copyOf(removed),
                List.copyOf(added));
    }

    private Procedure add(int revisionAdded) {
        int index = byIndex.size();
        Procedure p = new Procedure(index, seeds.get(index % seeds.size()), index / seeds.size(), revisionAdded);
        byIndex.add(p);
        byCode.put(p.code, p);
        return p;
    }

    /** Province procedures {@code 1.xxxxxx}, commune ones {@code 2.xxxxxx}; the digits alone are unique. */
    static String code(int index, int level) {
        long number = 1_000 + (index * CODE_STRIDE) % CODE_SPAN;
        return (level == 1 ? "1." : "2.") + String.format("%06d", number);
    }

    private static List<Seed> loadSeeds() {
        InputStream in = ProcedureCatalogue.class.getResourceAsStream(SEED_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + SEED_RESOURCE);
        }
        List<Seed> seeds = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine(); // header: sector, level, name
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split("\t");
                if (columns.length == 3 && !columns[2].isBlank()) {
                    seeds.add(new Seed(columns[0].strip(), columns[1].strip(), columns[2].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no procedure names in " + SEED_RESOURCE);
        }
        return List.copyOf(seeds);
    }
}
