package vn.govhub.search;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.govhub.text.VietnameseText;

/**
 * One administrative procedure (thủ tục hành chính) as the search index sees it, taken from the national
 * catalogue sync. Texts are stored in NFC whatever form they arrived in.
 *
 * @param code           catalogue code, e.g. {@code 1.001193}; unique within an index
 * @param name           procedure name, e.g. "Đăng ký khai sinh"
 * @param sectorCodes    sector (lĩnh vực) codes, used as filter keys
 * @param sectorName     sector name shown in results
 * @param levels         administrative levels that handle it (e.g. "tỉnh", "xã"), used as filter keys
 * @param agencyCodes    codes of the agencies that handle it, used as filter keys
 * @param onlineLevel    {@code FULL}, {@code PARTIAL} or {@code INFO_ONLY} online service level
 * @param documentNames  names of the required documents (thành phần hồ sơ); searched with a low weight
 * @param processingTime processing time as published, free text
 * @param fee            fee as published, free text
 * @param active         false once the procedure is withdrawn (bãi bỏ); withdrawn ones are hidden by default
 */
public record SearchDocument(String code, String name, List<String> sectorCodes, String sectorName,
                             List<String> levels, List<String> agencyCodes, String onlineLevel,
                             List<String> documentNames, String processingTime, String fee, boolean active) {

    static final Set<String> ONLINE_LEVELS = Set.of("FULL", "PARTIAL", "INFO_ONLY");

    public SearchDocument {
        code = requireText(code, "code").strip();
        name = VietnameseText.collapseWhitespace(VietnameseText.nfc(requireText(name, "name")));
        sectorCodes = nfcList(sectorCodes);
        sectorName = sectorName == null ? "" : VietnameseText.nfc(sectorName);
        levels = nfcList(levels);
        agencyCodes = nfcList(agencyCodes);
        Objects.requireNonNull(onlineLevel, "onlineLevel");
        if (!ONLINE_LEVELS.contains(onlineLevel)) {
            throw new IllegalArgumentException("onlineLevel must be one of " + ONLINE_LEVELS + ": " + onlineLevel);
        }
        documentNames = nfcList(documentNames);
        processingTime = processingTime == null ? "" : VietnameseText.nfc(processingTime);
        fee = fee == null ? "" : VietnameseText.nfc(fee);
    }

    private static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    private static List<String> nfcList(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(VietnameseText::nfc).toList();
    }
}
