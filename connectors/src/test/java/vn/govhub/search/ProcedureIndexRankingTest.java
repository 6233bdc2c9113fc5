package vn.govhub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a citizen types, and the procedure(s) that must come first. */
class ProcedureIndexRankingTest {

    private static List<SearchDocument> catalogue;
    private static ProcedureIndex index;

    @BeforeAll
    static void buildIndex() {
        catalogue = ProcedureCatalogue.documents();
        index = ProcedureIndex.build(catalogue);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                // accents, none, mixed case
                top("Đăng ký khai sinh", "Đăng ký khai sinh"),
                top("dang ky khai sinh", "Đăng ký khai sinh"),
                top("đăng ký kết hôn", "Đăng ký kết hôn"),
                top("dang ky ket hon", "Đăng ký kết hôn"),
                top("DANG KY KET HON", "Đăng ký kết hôn"),
                top("ĐĂNG KÝ KHAI TỬ", "Đăng ký khai tử"),
                top("Đang ky khai tu", "Đăng ký khai tử"),
                top("dăng ký khai tử", "Đăng ký khai tử"),
                top("  đăng   ký   kết\u00a0hôn  ", "Đăng ký kết hôn"),
                top("THỜ CÚNG LIỆT SĨ", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ"),
                // decomposed input and the Icelandic Ð typed for Đ
                top(nfd("Đăng ký kết hôn"), "Đăng ký kết hôn"),
                top(nfd("cấp lại giấy phép lái xe"), "Cấp lại giấy phép lái xe"),
                top("\u00d0ĂNG KÝ KHAI TỬ", "Đăng ký khai tử"),
                top("\u00f0ăng ký giám hộ", "Đăng ký giám hộ"),
                // one typo per word
                top("dang ky kest hon", "Đăng ký kết hôn"),
                top("dang ky khai sinnh", "Đăng ký khai sinh"),
                top("chung thuc di chuuc", "Chứng thực di chúc"),
                top("thein tai", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai"),
                top("giai thee doanh nghiep", "Giải thể doanh nghiệp"),
                top("dang ki ket hon", "Đăng ký kết hôn"),
                // the last word is still being typed
                top("dang ky kh", "Đăng ký khai sinh", "Đăng ký khai tử"),
                top("đăng ký thường tr", "Đăng ký thường trú"),
                top("giai the doanh", "Giải thể doanh nghiệp"),
                top("cap giay phep moi tr", "Cấp giấy phép môi trường"),
                // old and new tone placement
                top("thoả thuận phân chia di sản", "Chứng thực văn bản thỏa thuận phân chia di sản"),
                top("xóa đăng ký tạm trú", ProcedureCatalogue.OLD_TONE_PLACEMENT),
                top("xoá đăng ký thường trú", "Xóa đăng ký thường trú"),
                top("thuỷ sản", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản"),
                // accent-exact above folded-only: ban (board) / bán (sell), lữ / lưu
                top("ban", ProcedureCatalogue.BAN_QUAN_LY),
                top("bán", "Cấp giấy phép bán lẻ sản phẩm rượu"),
                top("ban quan ly cho", ProcedureCatalogue.BAN_QUAN_LY),
                top("lu hanh", "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa"),
                top("luu hanh xe", "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ"),
                top("lễ hội", "Cấp giấy phép tổ chức lễ hội"),
                top("le hoi", "Cấp giấy phép tổ chức lễ hội"),
                // codes
                top("1.001193", "Đăng ký khai sinh"),
                top(" 1.001210 ", "Đăng ký kết hôn"),
                // all words and proximity
                top("gia han giay phep xay dung", "Gia hạn giấy phép xây dựng"),
                top("sua chua cai tao nha o", "Cấp giấy phép sửa chữa, cải tạo đối với công trình, nhà ở riêng lẻ"),
                top("yeu to nuoc ngoai ket hon", "Đăng ký kết hôn có yếu tố nước ngoài"),
                top("phieu ly lich tu phap cong dan",
                        "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam"),
                top("hoc nghe that nghiep", "Hỗ trợ học nghề cho người đang hưởng trợ cấp thất nghiệp"),
                top("tro cap that nghiep", "Giải quyết hưởng trợ cấp thất nghiệp"),
                top("cong ty co phan", "Đăng ký thành lập công ty cổ phần"),
                top("cong ty trach nhiem huu han", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên"),
                top("bảo hiểm y tế", "Cấp lại, đổi thẻ bảo hiểm y tế"),
                top("cap ma so vung trong", "Cấp mã số vùng trồng"),
                top("kiem dich dong vat", "Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển"
                        + " ra khỏi địa bàn cấp tỉnh"),
                top("cham dut giam ho", "Đăng ký chấm dứt giám hộ"),
                top("nhan cha me con", "Đăng ký nhận cha, mẹ, con"),
                top("phong kham da khoa", "Cấp giấy phép hoạt động đối với phòng khám đa khoa"),
                top("cong ten no", "Cấp phù hiệu xe taxi, xe hợp đồng, xe vận tải hàng hóa bằng công-ten-nơ"),
                top("nuoc duoi dat", "Cấp giấy phép khai thác, sử dụng nước dưới đất"),
                top("xang dau", "Cấp giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu"),
                top("tin nguong", "Đăng ký hoạt động tín ngưỡng"),
                top("khai bao tam vang", "Khai báo tạm vắng"),
                // a name match beats a match in the required documents only
                top("khám bệnh chữa bệnh", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh"),
                top("giấy khám sức khỏe", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("queries")
    void firstHitIsTheExpectedProcedure(String text, List<String> expectedFirst) {
        SearchResult result = index.search(SearchQuery.text(text, 10));

        assertThat(result.hits()).as("hits for \"%s\"", text).isNotEmpty();
        assertThat(result.hits().get(0).name()).as("first hit for \"%s\" among %s", text, names(result))
                .isIn(expectedFirst);
    }

    /** The clause cache is an optimisation only: a search answers the same with it, cold or warm, as without. */
    @org.junit.jupiter.api.Test
    void cachedAndUncachedSearchesAnswerTheSame() {
        ProcedureIndex uncached = ProcedureIndex.build(catalogue, 0);
        ProcedureIndex cached = ProcedureIndex.build(catalogue);
        List<String> texts = queries().map(arguments -> (String) arguments.get()[0]).toList();
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                SearchQuery query = SearchQuery.text(text, 20);
                assertThat(cached.search(query)).as("\"%s\", round %d", text, round).isEqualTo(uncached.search(query));
            }
        }
    }

    private static Arguments top(String text, String... expectedFirst) {
        return arguments(text, List.of(expectedFirst));
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    private static List<String> names(SearchResult result) {
        return result.hits().stream().map(Hit::name).toList();
    }
}
