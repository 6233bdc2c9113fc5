package vn.govhub.sandbox.tthc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.govhub.sandbox.tthc.ProcedureCatalogue.Procedure;

/**
 * The Vietnamese content of a procedure that follows from its name and sector: fees, processing times, the
 * papers to bring, who may apply, what the citizen gets and the laws it rests on. Kept apart from the JSON
 * writing because these tables are what a reviewer checks against real procedures, and they change for that
 * reason alone. Every value is a function of the procedure (and its seeded random), so runs agree.
 */
final class ProcedureTexts {

    private ProcedureTexts() {
    }

    /** The fee in đồng for the direct channel; online submissions often pay half (a 2025 incentive). */
    static long fee(Procedure p) {
        return baseFee(p.seed.name().toLowerCase(Locale.ROOT)) + p.feeIncrease;
    }

    /** The fee's MOTA: exempt, per page for copies, or the amount, noting the online halving. */
    static String feeDescription(String lower, long fee, boolean halved) {
        if (fee == 0) {
            return lower.contains("khai sinh") || lower.contains("kết hôn") || lower.contains("khai tử")
                    ? "Miễn lệ phí" : "Không";
        }
        String amount = String.format(Locale.ROOT, "%,d", fee).replace(',', '.') + " đồng";
        if (lower.contains("bản sao từ bản chính")) {
            return "Lệ phí: " + amount + "/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang";
        }
        return "Lệ phí: " + amount + (halved ? " (giảm 50% khi nộp hồ sơ trực tuyến)" : "");
    }

    private static long baseFee(String n) {
        if (n.contains("yếu tố nước ngoài")) {
            return n.contains("kết hôn") ? 1_000_000 : 100_000;
        }
        if (n.contains("khai sinh") || n.contains("kết hôn") || n.contains("khai tử") || n.contains("giám hộ")) {
            return 0;
        }
        if (n.contains("trích lục")) {
            return 8_000;
        }
        if (n.contains("bản sao từ bản chính")) {
            return 2_000;
        }
        if (n.contains("chữ ký")) {
            return 10_000;
        }
        if (n.startsWith("chứng thực") || n.contains("đã được chứng thực")) {
            return 50_000;
        }
        if (n.contains("gia hạn giấy phép xây dựng")) {
            return 15_000;
        }
        if (n.contains("giấy phép") && (n.contains("xây dựng") || n.contains("công trình"))) {
            return 75_000;
        }
        if (n.contains("chứng chỉ hành nghề hoạt động xây dựng")) {
            return 300_000;
        }
        if (n.contains("đăng ký thành lập doanh nghiệp") || n.contains("đăng ký thành lập công ty")
                || n.contains("thay đổi người đại diện")) {
            return 50_000;
        }
        if (n.contains("thành lập hộ kinh doanh")) {
            return 100_000;
        }
        if (n.contains("hộ kinh doanh") && (n.contains("thay đổi") || n.contains("cấp lại"))) {
            return 50_000;
        }
        if (n.contains("giấy phép lái xe")) {
            return 135_000;
        }
        if (n.contains("kinh doanh vận tải")) {
            return 200_000;
        }
        if (n.contains("lý lịch tư pháp cho công dân")) {
            return 200_000;
        }
        if (n.contains("đăng ký thường trú")) {
            return 20_000;
        }
        if (n.contains("đăng ký tạm trú")) {
            return 15_000;
        }
        if (n.contains("giấy phép lao động")) {
            return 600_000;
        }
        if (n.contains("chứng chỉ hành nghề khám bệnh")) {
            return 360_000;
        }
        if (n.contains("an toàn thực phẩm")) {
            return 700_000;
        }
        if (n.contains("lữ hành")) {
            return 3_000_000;
        }
        if (n.contains("rượu") || n.contains("xăng dầu")) {
            return 1_200_000;
        }
        if (n.contains("đăng ký đất đai") || n.contains("cấp đổi giấy chứng nhận") || n.contains("cấp lại giấy chứng nhận quyền")) {
            return 100_000;
        }
        if (n.contains("biến động")) {
            return 30_000;
        }
        return 0;
    }

    /** Working days to decide, by sector; some sectors vary within a range. */
    static int days(String sector, String lower, Random random) {
        return switch (sector) {
            case "Hộ tịch", "Chứng thực", "Cư trú" -> 1 + random.nextInt(5);
            case "Xây dựng" -> lower.contains("giấy phép") ? 15 : 20;
            case "Đất đai" -> 10 + random.nextInt(21);
            case "Thành lập và hoạt động doanh nghiệp", "Thành lập và hoạt động của hộ kinh doanh" -> 3;
            case "Đường bộ" -> lower.contains("lái xe") ? 5 : 10;
            case "Tư pháp" -> 10;
            default -> 5 + random.nextInt(16);
        };
    }

    /** The application form: a declaration (tờ khai) where the law names one, else a request (đơn đề nghị). */
    static String formTitle(ProcedureCatalogue.Seed seed) {
        String n = seed.name();
        if (seed.sector().equals("Hộ tịch") || seed.sector().equals("Cư trú")
                || seed.sector().startsWith("Thành lập")) {
            return "Tờ khai " + Character.toLowerCase(n.charAt(0)) + n.substring(1);
        }
        return "Đơn đề nghị " + Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    /** The papers to bring besides the form, by the kind of procedure, else by sector. */
    static List<String> sectorPapers(String sector, String lower) {
        if (lower.contains("khai sinh")) {
            return List.of("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh",
                    "Giấy chứng nhận kết hôn của cha, mẹ (nếu có)");
        }
        if (lower.contains("khai tử")) {
            return List.of("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp");
        }
        if (lower.contains("kết hôn")) {
            return List.of("Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại nơi không thường trú)");
        }
        return switch (sector) {
            case "Hộ tịch", "Chứng thực", "Tư pháp" -> List.of("Bản sao giấy tờ tùy thân của người yêu cầu");
            case "Đất đai" -> List.of("Giấy chứng nhận quyền sử dụng đất đã cấp (bản gốc)",
                    "Mảnh trích đo bản đồ địa chính thửa đất (nếu có)",
                    "Chứng từ thực hiện nghĩa vụ tài chính về đất đai");
            case "Xây dựng" -> lower.contains("giấy phép")
                    ? List.of("Bản sao giấy tờ chứng minh quyền sử dụng đất",
                            "Hai bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)")
                    : List.of("Bản sao văn bằng, chứng chỉ chuyên môn", "Ảnh màu cỡ 4x6 cm nền trắng (02 ảnh)");
            case "Thành lập và hoạt động doanh nghiệp" -> List.of("Điều lệ công ty",
                    "Danh sách thành viên, cổ đông sáng lập", "Bản sao giấy tờ pháp lý của cá nhân là người đại diện");
            case "Thành lập và hoạt động của hộ kinh doanh" -> List.of(
                    "Bản sao giấy tờ pháp lý của cá nhân chủ hộ kinh doanh",
                    "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu có)");
            case "Đường bộ" -> lower.contains("lái xe")
                    ? List.of("Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp",
                            "Bản sao giấy phép lái xe sắp hết hạn")
                    : List.of("Bản sao giấy đăng ký xe", "Phương án kinh doanh vận tải");
            case "Y tế" -> List.of("Bản sao văn bằng chuyên môn", "Giấy chứng nhận đủ sức khỏe hành nghề");
            case "Lao động", "Bảo hiểm xã hội" -> List.of("Sổ bảo hiểm xã hội",
                    "Bản sao quyết định chấm dứt hợp đồng lao động hoặc hợp đồng làm việc");
            case "Bảo trợ xã hội", "Người có công" -> List.of("Giấy xác nhận khuyết tật hoặc giấy tờ chứng minh đối tượng",
                    "Bản sao giấy khai sinh (đối với trẻ em)");
            case "Cư trú" -> List.of("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp");
            default -> List.of("Bản sao giấy tờ pháp lý của tổ chức, cá nhân đề nghị");
        };
    }

    /** Who may apply. */
    static List<String> subjects(String sector, String lower) {
        if (lower.contains("nước ngoài")) {
            return List.of("Công dân Việt Nam", "Người nước ngoài");
        }
        return switch (sector) {
            case "Thành lập và hoạt động doanh nghiệp", "Thương mại" -> List.of("Doanh nghiệp");
            case "Thành lập và hoạt động của hộ kinh doanh" -> List.of("Hộ kinh doanh", "Công dân Việt Nam");
            case "Xây dựng", "Đất đai", "Đường bộ", "Y tế", "Văn hóa", "Môi trường", "Tài nguyên nước" ->
                    List.of("Công dân Việt Nam", "Doanh nghiệp", "Tổ chức (không bao gồm doanh nghiệp, HTX)");
            default -> List.of("Công dân Việt Nam");
        };
    }

    /** What the citizen receives at the end. */
    static String result(String lower, String name) {
        if (lower.contains("khai sinh")) {
            return "Giấy khai sinh (bản chính) và bản sao Giấy khai sinh (nếu có yêu cầu)";
        }
        if (lower.contains("kết hôn")) {
            return "Giấy chứng nhận kết hôn";
        }
        if (lower.contains("khai tử")) {
            return "Trích lục khai tử";
        }
        if (lower.contains("giấy phép xây dựng") || lower.contains("cấp giấy phép sửa chữa")
                || lower.contains("cấp giấy phép di dời")) {
            return "Giấy phép xây dựng";
        }
        if (lower.contains("thành lập doanh nghiệp") || lower.contains("thành lập công ty")) {
            return "Giấy chứng nhận đăng ký doanh nghiệp";
        }
        if (lower.contains("hộ kinh doanh")) {
            return "Giấy chứng nhận đăng ký hộ kinh doanh";
        }
        if (lower.contains("lái xe")) {
            return "Giấy phép lái xe";
        }
        if (lower.contains("lý lịch tư pháp")) {
            return "Phiếu lý lịch tư pháp";
        }
        if (lower.startsWith("chứng thực")) {
            return "Giấy tờ, văn bản đã được chứng thực";
        }
        return "Văn bản giải quyết của cơ quan có thẩm quyền về việc " + Character.toLowerCase(name.charAt(0))
                + name.substring(1);
    }

    /** The laws it rests on, as {number, title}: the sector's own, then the one-stop decree every one shares. */
    static List<String[]> legalBasis(String sector) {
        List<String[]> laws = new ArrayList<>(switch (sector) {
            case "Hộ tịch" -> List.of(new String[] {"60/2014/QH13", "Luật Hộ tịch"},
                    new String[] {"123/2015/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành "
                            + "Luật Hộ tịch"});
            case "Chứng thực" -> List.<String[]>of(new String[] {"23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc, "
                    + "chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"});
            case "Đất đai" -> List.of(new String[] {"31/2024/QH15", "Luật Đất đai"},
                    new String[] {"101/2024/NĐ-CP", "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp "
                            + "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"});
            case "Xây dựng" -> List.of(new String[] {"50/2014/QH13", "Luật Xây dựng"},
                    new String[] {"62/2020/QH14", "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng"});
            case "Thành lập và hoạt động doanh nghiệp", "Thành lập và hoạt động của hộ kinh doanh" ->
                    List.<String[]>of(new String[] {"59/2020/QH14", "Luật Doanh nghiệp"});
            case "Đường bộ" -> List.<String[]>of(new String[] {"36/2024/QH15", "Luật Trật tự, an toàn giao thông "
                    + "đường bộ"});
            case "Cư trú" -> List.<String[]>of(new String[] {"68/2020/QH14", "Luật Cư trú"});
            case "Tư pháp" -> List.<String[]>of(new String[] {"28/2009/QH12", "Luật Lý lịch tư pháp"});
            case "Lao động" -> List.<String[]>of(new String[] {"45/2019/QH14", "Bộ luật Lao động"});
            case "Y tế" -> List.<String[]>of(new String[] {"15/2023/QH15", "Luật Khám bệnh, chữa bệnh"});
            case "Giáo dục và Đào tạo" -> List.<String[]>of(new String[] {"43/2019/QH14", "Luật Giáo dục"});
            default -> List.<String[]>of();
        });
        laws.add(new String[] {"118/2025/NĐ-CP", "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, "
                + "một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia"});
        return laws;
    }
}
