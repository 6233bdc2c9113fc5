package vn.govhub.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import vn.govhub.text.VietnameseText;

/**
 * Test catalogue: the real procedure names of {@code search/procedure-names.tsv} with generated codes
 * ({@code 1.001193} is "Đăng ký khai sinh"), required documents, agencies and online levels, plus a few
 * constructed procedures for cases the real names lack (old tone placement, a withdrawn procedure, a name that
 * folds onto another word).
 */
final class ProcedureCatalogue {

    static final String WITHDRAWN = "Đăng ký khai sinh lưu động";
    /** Old tone placement ("oá") on purpose; the real list has "Xóa đăng ký thường trú". */
    static final String OLD_TONE_PLACEMENT = "Xoá đăng ký tạm trú";
    /** "ban" (board) folds onto "bán" (sell) of the retail licences. */
    static final String BAN_QUAN_LY = "Thành lập ban quản lý chợ";

    private static final String[] ONLINE_LEVELS = {"FULL", "PARTIAL", "INFO_ONLY"};

    /** Required documents particular to some procedures, on top of the form and the citizen ID. */
    private static final Map<String, List<String>> EXTRA_DOCUMENTS = Map.of(
            "Đăng ký khai sinh", List.of("Giấy chứng sinh"),
            "Đăng ký khai tử", List.of("Giấy báo tử"),
            "Đăng ký kết hôn", List.of("Giấy xác nhận tình trạng hôn nhân"),
            "Cấp giấy phép hoạt động đối với phòng khám đa khoa",
            List.of("Bản sao chứng chỉ hành nghề khám bệnh, chữa bệnh của người phụ trách chuyên môn"),
            "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", List.of("Bản vẽ thiết kế xây dựng"),
            "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", List.of("Giấy khám sức khỏe của người lái xe"));

    private ProcedureCatalogue() {
    }

    static List<SearchDocument> documents() {
        List<SearchDocument> documents = new ArrayList<>();
        List<String[]> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            documents.add(document(i, row[0], row[1], row[2], true));
        }
        int next = rows.size();
        documents.add(document(next++, "Hộ tịch", "xã", WITHDRAWN, false));
        documents.add(document(next++, "Cư trú", "xã", OLD_TONE_PLACEMENT, true));
        documents.add(document(next, "Thương mại", "xã", BAN_QUAN_LY, true));
        return documents;
    }

    static String code(int ordinal) {
        return "1.%06d".formatted(1193 + ordinal * 17);
    }

    static String sectorCode(String sectorName) {
        return VietnameseText.fold(sectorName).replaceAll("[^a-z0-9]+", "-");
    }

    static SearchDocument byName(List<SearchDocument> documents, String name) {
        return documents.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no procedure named " + name));
    }

    private static SearchDocument document(int ordinal, String sector, String level, String name, boolean active) {
        String sectorCode = sectorCode(sector);
        String agency = level.equals("xã") ? "ubnd-xa" : "so-" + sectorCode;
        List<String> documentNames = Stream.concat(
                Stream.of("Tờ khai " + name.toLowerCase() + " theo mẫu", "Căn cước công dân"),
                EXTRA_DOCUMENTS.getOrDefault(name, List.of()).stream()).toList();
        return new SearchDocument(code(ordinal), name, List.of(sectorCode), sector, List.of(level), List.of(agency),
                ONLINE_LEVELS[ordinal % ONLINE_LEVELS.length], documentNames, (3 + ordinal % 10) + " ngày làm việc",
                ordinal % 4 == 0 ? "Miễn phí" : (ordinal % 5 + 1) * 10_000 + " đồng", active);
    }

    private static List<String[]> rows() {
        try (InputStream in = Objects.requireNonNull(
                ProcedureCatalogue.class.getResourceAsStream("/search/procedure-names.tsv"), "procedure-names.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
