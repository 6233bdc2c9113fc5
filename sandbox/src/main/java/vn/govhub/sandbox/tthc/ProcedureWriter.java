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
 * as {@code URL} or {@code Url}, the processing time as a number or a string. The texts that go in come from
 * {@link ProcedureTexts}; the form templates a document links to are keyed and served from here.
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
        for (String subject : ProcedureTexts.subjects(p.seed.sector(), lower)) {
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
                .put("MAKETQUA", p.code + "-KQ01").put("TENKETQUA", ProcedureTexts.result(lower, p.seed.name()));
        ArrayNode legal = item.putArray("CANCUPHAPLY");
        for (String[] law : ProcedureTexts.legalBasis(p.seed.sector())) {
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
        String form = ProcedureTexts.formTitle(p.seed);
        boolean pdf = p.index % 3 == 0;
        docs.add(new Document(1, form + " (theo mẫu)", FormFiles.ascii(form).replace(' ', '_')
                + (pdf ? ".pdf" : ".docx"), pdf));
        for (String paper : ProcedureTexts.sectorPapers(p.seed.sector(), lower)) {
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

    // ---- parts of the item

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
        long fee = ProcedureTexts.fee(p);
        int days = ProcedureTexts.days(p.seed.sector(), lower, random);
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
                    .put("MOTA", ProcedureTexts.feeDescription(lower, channelFee, kenh == 2 && channelFee != fee));
        }
    }
}
