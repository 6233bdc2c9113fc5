package vn.govhub.sandbox.tthc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import vn.govhub.sandbox.tthc.Agencies.Agency;
import vn.govhub.sandbox.tthc.ProcedureCatalogue.Procedure;

/**
 * Writes one procedure as the national database's {@code LayThuTuc} item, with the upper-case keys and the
 * irregularities of the real data: fees inside {@code THOIGIAN} or directly under the channel, the form link
 * as {@code URL} or {@code Url}, the processing time as a number or a string.
 */
final class ProcedureWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int FORM_MASK = 0x5A17C3E9;

    /** A required document; {@code formName} is empty when the document has no template to download. */
    record Document(int number, String name, String formName, boolean pdf) {
        boolean hasForm() {
            return !formName.isEmpty();
        }
    }

    /** A downloadable form: file name, content type and bytes. */
    record Form(String fileName, String contentType, byte[] bytes) {
    }

    private ProcedureWriter() {
    }

    static ObjectNode write(Procedure p, String baseUrl, String sectorCode) {
        Random random = random(p);
        String name = p.name();
        String lower = p.seed.name().toLowerCase(Locale.ROOT);
        Agency agency = agency(p);
        int level = p.level();

        ObjectNode item = NODES.objectNode();
        item.put("ID", Integer.toString(100_000 + p.index));
        item.put("MATTHC", p.code);
        item.put("TENTTHC", name);
        item.put("LOAITTHC", p.index % 50 == 7 ? 2 : 1);
        item.put("TRANGTHAI", p.status);
        item.put("MACOQUANCONGBO", Agencies.PEOPLES_COMMITTEE.code());
        item.put("IDQUYETDINHCONGBO", Integer.toString(p.decision));

        item.putArray("LINHVUCTHUCHIEN").addObject()
                .put("MALINHVUC", sectorCode).put("TENLINHVUC", p.seed.sector());
        item.putArray("CAPTHUCHIEN").addObject()
                .put("CAPTHUCHIEN", level)
                .put("MOTACOQUANTHUCHIEN", level == 1 ? "Cấp tỉnh" : "Cấp xã")
                .put("DIACHITIEPNHAN", level == 1
                        ? "Trung tâm Phục vụ hành chính công tỉnh, số 83 đường Phạm Tung, phường Tân Ninh, "
                                + Agencies.PROVINCE_NAME
                        : "Bộ phận Một cửa " + agency.name().replace("Ủy ban nhân dân ", "") + ", "
                                + Agencies.PROVINCE_NAME);
        ArrayNode agencies = item.putArray("COQUANTHUCHIEN");
        agencies.addObject().put("MADONVI", agency.code()).put("TENDONVI", agency.name());
        if (level == 1 && random.nextInt(4) == 0) {
            agencies.addObject().put("MADONVI", Agencies.PUBLIC_SERVICE_CENTRE.code())
                    .put("TENDONVI", Agencies.PUBLIC_SERVICE_CENTRE.name());
        }
        ArrayNode subjects = item.putArray("DOITUONGTHUCHIEN");
        for (String subject : subjects(p.seed.sector(), lower)) {
            subjects.addObject().put("TENDOITUONG", subject);
        }

        ArrayNode procedureSteps = item.putArray("TRINHTUTHUCHIEN");
        steps(procedureSteps.addObject().put("TRUONGHOP", ""), level, false);
        if (p.index % 3 == 0) {
            steps(procedureSteps.addObject().put("TRUONGHOP", "Trường hợp nộp hồ sơ trực tuyến"), level, true);
        }

        channels(item.putArray("CACHTHUCTHUCHIEN"), p, random, lower);

        ObjectNode dossier = item.putArray("THANHPHANHOSO").addObject().put("TRUONGHOP", "");
        ArrayNode papers = dossier.putArray("GIAYTO");
        for (Document d : documents(p)) {
            ObjectNode paper = papers.addObject()
                    .put("MAGIAYTO", p.code + "-GT" + String.format("%02d", d.number()))
                    .put("TENGIAYTO", d.name())
                    .put("TENMAUDON", d.formName());
            // some publishing units wrote the link key in a different case; the hub must read both
            paper.put(p.index % 4 == 1 ? "Url" : "URL", d.hasForm() ? formUrl(baseUrl, p.index, d.number()) : "");
            paper.put("SOBANCHINH", d.number() == 1 ? 1 : random.nextInt(2));
            paper.put("SOBANSAO", d.number() == 1 ? 0 : 1);
        }

        item.putArray("KETQUATHUCHIEN").addObject()
                .put("MAKETQUA", p.code + "-KQ01").put("TENKETQUA", result(lower, p.seed.name()));
        ArrayNode legal = item.putArray("CANCUPHAPLY");
        for (String[] law : legalBasis(p.seed.sector())) {
            legal.addObject().put("SOVANBAN", law[0]).put("TENVANBAN", law[1]);
        }
        item.put("YEUCAU", p.index % 5 == 0 ? "Không"
                : "Người yêu cầu phải xuất trình Căn cước hoặc giấy tờ tùy thân còn giá trị sử dụng; "
                        + "hồ sơ đầy đủ, hợp lệ theo quy định.");
        return item;
    }

    /** The implementing agency: the sector's department, or a commune for commune-level procedures. */
    static Agency agency(Procedure p) {
        if (p.level() == 3) {
            return Agencies.COMMUNES.get((p.variant + p.index) % Agencies.COMMUNES.size());
        }
        return Agencies.department(p.seed.sector());
    }

    static List<Document> documents(Procedure p) {
        String lower = p.seed.name().toLowerCase(Locale.ROOT);
        List<Document> docs = new ArrayList<>();
        String form = formTitle(p.seed);
        boolean pdf = p.index % 3 == 0;
        docs.add(new Document(1, form + " (theo mẫu)", FormFiles.ascii(form).replace(' ', '_')
                + (pdf ? ".pdf" : ".docx"), pdf));
        for (String paper : sectorPapers(p.seed.sector(), lower)) {
            docs.add(new Document(docs.size() + 1, paper, "", false));
        }
        if (p.index % 2 == 0) {
            docs.add(new Document(docs.size() + 1,
                    "Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền thực hiện thủ tục)", "", false));
        }
        for (int i = 0; i < p.addedDocuments; i++) {
            docs.add(new Document(docs.size() + 1, "Giấy tờ chứng minh bổ sung theo quyết định công bố số "
                    + p.decision + "/QĐ-UBND", "", false));
        }
        return docs;
    }

    static String formUrl(String baseUrl, int index, int document) {
        return baseUrl + "/download_file.jsp?ma=" + formKey(index, document);
    }

    static String formKey(int index, int document) {
        return HexFormat.of().toHexDigits(index ^ FORM_MASK) + HexFormat.of().toHexDigits((short) document);
    }

    /** The generation index and document number a form key stands for; empty when it is not one of ours. */
    static Optional<int[]> parseFormKey(String key) {
        if (key == null || !key.matches("[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        int index = (int) Long.parseLong(key.substring(0, 8), 16) ^ FORM_MASK;
        int document = Integer.parseInt(key.substring(8), 16);
        return Optional.of(new int[] {index, document});
    }

    static Optional<Form> form(Procedure p, int document) {
        return documents(p).stream().filter(d -> d.number() == document && d.hasForm()).findFirst()
                .map(d -> {
                    String title = d.name().replace(" (theo mẫu)", "").toUpperCase(Locale.ROOT);
                    return d.pdf() ? new Form(d.formName(), FormFiles.PDF_TYPE, FormFiles.pdf(title))
                            : new Form(d.formName(), FormFiles.DOCX_TYPE, FormFiles.docx(title));
                });
    }

    /** The fee in đồng for the direct channel; online submissions often pay half (a 2025 incentive). */
    static long fee(Procedure p) {
        return baseFee(p.seed.name().toLowerCase(Locale.ROOT)) + p.feeIncrease;
    }

    // ---- content tables

    private static Random random(Procedure p) {
        return new Random(ProcedureCatalogue.SEED ^ (p.index * 0x9E3779B97F4A7C15L));
    }

    private static void steps(ObjectNode group, int level, boolean online) {
        String desk = level == 1 ? "Trung tâm Phục vụ hành chính công tỉnh" : "Bộ phận Một cửa Ủy ban nhân dân cấp xã";
        ArrayNode steps = group.putArray("TRINHTU");
        steps.addObject().put("TENTRINHTU", online
                ? "Bước 1: Tổ chức, cá nhân đăng nhập Cổng Dịch vụ công quốc gia, điền tờ khai điện tử và đính kèm "
                        + "bản điện tử của thành phần hồ sơ"
                : "Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ đầy đủ theo quy định và nộp tại " + desk);
        steps.addObject().put("TENTRINHTU", "Bước 2: Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; "
                + "trường hợp hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản");
        steps.addObject().put("TENTRINHTU", "Bước 3: Cơ quan có thẩm quyền thẩm định, xem xét và giải quyết hồ sơ");
        steps.addObject().put("TENTRINHTU", "Bước 4: Trả kết quả tại " + desk
                + ", qua dịch vụ bưu chính công ích hoặc trên Cổng Dịch vụ công quốc gia");
    }

    private static void channels(ArrayNode channels, Procedure p, Random random, String lower) {
        long fee = fee(p);
        int days = days(p.seed.sector(), lower, random);
        boolean feeUnderChannel = p.index % 5 == 2;
        boolean timeAsString = p.index % 7 == 3;
        for (int kenh = 1; kenh <= 3; kenh++) {
            if (kenh == 2 && p.index % 10 == 9) {
                continue; // not every procedure is offered online
            }
            long channelFee = kenh == 2 && fee > 0 && p.index % 2 == 0 ? fee / 2 : fee;
            ObjectNode channel = channels.addObject().put("KENH", kenh);
            ObjectNode time = channel.putArray("THOIGIAN").addObject();
            if (timeAsString) {
                time.put("THOIGIANGIAIQUYET", Integer.toString(days));
            } else {
                time.put("THOIGIANGIAIQUYET", days);
            }
            time.put("DONVITINH", "Ngày làm việc");
            time.put("MOTA", days + " ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
                    + (kenh == 3 ? " (không tính thời gian chuyển phát)" : ""));
            ArrayNode fees = feeUnderChannel ? channel.putArray("PHILEPHI") : time.putArray("PHILEPHI");
            fees.addObject()
                    .put("MAPHILEPHI", p.code + "-LP0" + kenh)
                    .put("SOTIEN", channelFee)
                    .put("DONVI", "Đồng")
                    .put("MOTA", feeDescription(lower, channelFee, kenh == 2 && channelFee != fee));
        }
    }

    private static String feeDescription(String lower, long fee, boolean halved) {
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

    private static int days(String sector, String lower, Random random) {
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

    private static String formTitle(ProcedureCatalogue.Seed seed) {
        String n = seed.name();
        if (seed.sector().equals("Hộ tịch") || seed.sector().equals("Cư trú")
                || seed.sector().startsWith("Thành lập")) {
            return "Tờ khai " + Character.toLowerCase(n.charAt(0)) + n.substring(1);
        }
        return "Đơn đề nghị " + Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    private static List<String> sectorPapers(String sector, String lower) {
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

    private static List<String> subjects(String sector, String lower) {
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

    private static String result(String lower, String name) {
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

    private static List<String[]> legalBasis(String sector) {
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
