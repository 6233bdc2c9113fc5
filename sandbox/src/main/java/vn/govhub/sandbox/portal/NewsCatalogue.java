package vn.govhub.sandbox.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The portals the simulator plays and their initial news, generated from a fixed seed and a base instant
 * so that every run serves the same feeds. {@code {tinh}} in a template is the province's name.
 */
final class NewsCatalogue {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    /**
     * @param cdata     whether its RSS wraps descriptions in CDATA (many portals do, many do not)
     * @param quirkyRss whether its RSS is valid but careless, as older portal software writes it: relative
     *                  links, guids on few items, a missing pubDate, numeric character references
     *                  (see {@link FeedWriter#rss})
     * @param listDates how its HTML news list writes dates
     */
    record Portal(String id, String name, String province, long seed, int itemCount, long firstId,
                  boolean cdata, boolean quirkyRss, HtmlListWriter.DateForm listDates,
                  List<NewsItemSeed> ownNews) {
    }

    static final List<Portal> PORTALS = List.of(
            new Portal("tayninh", "Cổng thông tin điện tử tỉnh Tây Ninh", "Tây Ninh", 72L, 18, 10_421L,
                    true, false, HtmlListWriter.DateForm.TIME_THEN_DAY,
                    List.of(
                            seed("Núi Bà Đen đón hơn 1 triệu lượt khách dịp Xuân",
                                    "Khu du lịch quốc gia Núi Bà Đen tăng cường cáp treo, bố trí lực lượng "
                                            + "hướng dẫn và bảo đảm an ninh trật tự cho du khách hành hương.",
                                    "du-lich"),
                            seed("Hồ Dầu Tiếng: bảo đảm an toàn công trình trong mùa mưa lũ",
                                    "Đơn vị quản lý hồ chứa chủ động vận hành xả tràn theo quy trình, thông báo "
                                            + "trước cho người dân vùng hạ du.",
                                    "canh-bao"),
                            seed("Giá mì tại Tây Ninh giảm nhẹ, nông dân cân nhắc xuống giống",
                                    "Củ mì tươi được các nhà máy thu mua 2.600–2.900 đồng/kg tùy trữ lượng bột, "
                                            + "giảm khoảng 100 đồng/kg so với đầu vụ.",
                                    "nong-san"))),
            new Portal("dongnai", "Cổng thông tin điện tử tỉnh Đồng Nai", "Đồng Nai", 75L, 16, 88_150L,
                    false, false, HtmlListWriter.DateForm.WEEKDAY_DAY_TIME,
                    List.of(
                            seed("Đẩy nhanh tiến độ Cảng hàng không quốc tế Long Thành",
                                    "Các nhà thầu tăng ca, huy động thêm nhân lực và thiết bị để hoàn thành hạng "
                                            + "mục nhà ga hành khách theo kế hoạch.",
                                    "kinh-te"),
                            seed("Khu du lịch Bửu Long đón khách dịp nghỉ lễ",
                                    "Ban quản lý bố trí thêm bãi giữ xe, niêm yết giá dịch vụ và tăng cường lực "
                                            + "lượng cứu hộ tại khu vực hồ.",
                                    "du-lich"),
                            seed("Giá sầu riêng tại Đồng Nai biến động mạnh đầu vụ",
                                    "Sầu riêng Ri6 loại A được thu mua 60.000–65.000 đồng/kg; nhà vườn được "
                                            + "khuyến cáo không cắt non để giữ uy tín thị trường.",
                                    "nong-san"))),
            new Portal("longan", "Cổng thông tin điện tử tỉnh Long An", "Long An", 62L, 20, 205_733L,
                    false, false, HtmlListWriter.DateForm.DAY_DASH_TIME,
                    List.of(
                            seed("Thanh long Châu Thành được mùa, được giá",
                                    "Thanh long ruột đỏ đạt chuẩn VietGAP được doanh nghiệp bao tiêu với giá "
                                            + "cao hơn thị trường 10–15%.",
                                    "nong-san"),
                            seed("Làng nổi Tân Lập vào mùa tràm xanh",
                                    "Khu du lịch sinh thái mở thêm tuyến xuồng ba lá và đài quan sát, phục vụ "
                                            + "du khách cuối tuần.",
                                    "du-lich"),
                            seed("Mặn xâm nhập sâu trên sông Vàm Cỏ",
                                    "Độ mặn 4‰ vào sâu hơn 60 km; nông dân cần kiểm tra nước trước khi bơm tưới "
                                            + "cho lúa và cây ăn trái.",
                                    "canh-bao"))),
            new Portal("binhphuoc", "Cổng thông tin điện tử tỉnh Bình Phước", "Bình Phước", 180L, 15, 31_502L,
                    true, true, HtmlListWriter.DateForm.UPDATED_DAY_TIME,
                    List.of(
                            seed("Hạt điều & hồ tiêu Bình Phước vào vụ thu hoạch",
                                    "Điều thô được thu mua 32.000–35.000 đồng/kg; Sở NN&PTNT khuyến cáo nông dân "
                                            + "phơi khô, bảo quản đúng cách để giữ giá.",
                                    "nong-san"),
                            seed("Vườn quốc gia Bù Gia Mập tăng cường phòng cháy rừng mùa khô",
                                    "Lực lượng kiểm lâm trực 24/24 giờ tại các chòi canh, cấm đốt lửa trong rừng "
                                            + "và vùng giáp ranh.",
                                    "canh-bao"),
                            seed("Trảng cỏ Bù Lạch vào mùa đẹp nhất năm",
                                    "Huyện Bù Đăng mở tuyến du lịch trải nghiệm văn hóa đồng bào S'tiêng, "
                                            + "M'nông gắn với trảng cỏ.",
                                    "du-lich"))));

    /** News any province's portal could carry. */
    static final List<NewsItemSeed> COMMON_NEWS = List.of(
            seed("UBND tỉnh {tinh} chỉ đạo khắc phục hậu quả mưa lớn",
                    "Chủ tịch UBND tỉnh yêu cầu các sở, ngành và địa phương khẩn trương kiểm tra, hỗ trợ người dân "
                            + "bị ảnh hưởng, bảo đảm an toàn tính mạng và tài sản.",
                    "chinh-quyen"),
            seed("{tinh} triển khai dịch vụ công trực tuyến toàn trình",
                    "Người dân có thể nộp hồ sơ, thanh toán phí và nhận kết quả của hơn 300 thủ tục hành chính "
                            + "hoàn toàn qua mạng.",
                    "dich-vu-cong"),
            seed("Cảnh báo thời tiết nguy hiểm trên biển",
                    "Gió mạnh cấp 6, giật cấp 8, sóng cao 2–3 m; tàu thuyền hoạt động trên biển cần chủ động "
                            + "phòng tránh.",
                    "canh-bao"),
            seed("Giá lúa tăng nhẹ tại {tinh}",
                    "Lúa tươi IR 50404 được thương lái thu mua 7.200–7.400 đồng/kg, tăng khoảng 200 đồng/kg so "
                            + "với tuần trước.",
                    "nong-san"),
            seed("Hỏi & đáp: cấp đổi giấy phép lái xe trên Cổng Dịch vụ công quốc gia",
                    "Hướng dẫn các bước \"cấp đổi giấy phép lái xe\" trực tuyến, thành phần hồ sơ, lệ phí và thời "
                            + "gian trả kết quả.",
                    "dich-vu-cong"),
            seed("Khai mạc Tuần lễ Văn hóa – Du lịch {tinh} năm 2025",
                    "Chuỗi hoạt động gồm lễ hội ẩm thực, triển lãm ảnh và nghệ thuật đường phố, dự kiến thu hút "
                            + "hàng chục nghìn lượt khách.",
                    "du-lich"),
            seed("Cảnh báo triều cường, sạt lở bờ sông",
                    "Mực nước trên các sông chính đang lên; người dân ven sông không neo đậu ghe xuồng gần khu vực "
                            + "có nguy cơ sạt lở.",
                    "canh-bao"),
            seed("HĐND tỉnh {tinh} tổ chức kỳ họp chuyên đề",
                    "Kỳ họp xem xét các nghị quyết về đầu tư công trung hạn, chính sách hỗ trợ nông nghiệp và "
                            + "sắp xếp đơn vị hành chính.",
                    "chinh-quyen"),
            seed("Tiêm chủng mở rộng: hơn 95% trẻ em được tiêm đủ mũi",
                    "Ngành y tế rà soát, tiêm bù vắc-xin sởi, bạch hầu, ho gà cho trẻ chưa tiêm đủ mũi tại các "
                            + "trạm y tế xã, phường.",
                    "y-te"),
            seed("Thông báo lịch tiếp công dân của Chủ tịch UBND tỉnh",
                    "Chủ tịch UBND tỉnh tiếp công dân định kỳ ngày 15 hằng tháng tại Ban Tiếp công dân tỉnh.",
                    "chinh-quyen"),
            seed("Kỳ thi tốt nghiệp THPT: {tinh} có hơn 15.000 thí sinh đăng ký",
                    "Sở Giáo dục và Đào tạo bố trí 40 điểm thi, bảo đảm an toàn và hỗ trợ thí sinh có hoàn cảnh "
                            + "khó khăn.",
                    "giao-duc"),
            seed("Nắng nóng gay gắt, nhiệt độ cao nhất trên 37°C",
                    "Chỉ số tia UV ở mức nguy cơ gây hại cao; người dân hạn chế ra ngoài từ 10 giờ đến 16 giờ.",
                    "canh-bao"),
            seed("{tinh} trao chủ trương đầu tư cho 5 dự án khu công nghiệp",
                    "Tổng vốn đăng ký hơn 1,2 tỉ USD, tập trung vào chế biến, logistics và năng lượng tái tạo.",
                    "kinh-te"),
            seed("Đẩy mạnh thanh toán không dùng tiền mặt trong thủ tục hành chính",
                    "Bộ phận một cửa các cấp triển khai mã QR và thanh toán qua Cổng dịch vụ công, giảm thời gian "
                            + "chờ của người dân.",
                    "dich-vu-cong"),
            seed("Giá heo hơi ổn định, người chăn nuôi tái đàn",
                    "Giá heo hơi dao động 62.000–65.000 đồng/kg; ngành nông nghiệp khuyến cáo tái đàn có kiểm "
                            + "soát, bảo đảm an toàn sinh học.",
                    "nong-san"),
            seed("Chủ động phòng chống sốt xuất huyết trong mùa mưa",
                    "Số ca mắc tăng so với cùng kỳ; người dân diệt lăng quăng, ngủ màn và đến cơ sở y tế khi sốt "
                            + "cao.",
                    "y-te"),
            seed("Công bố Quy hoạch tỉnh {tinh} thời kỳ 2021–2030, tầm nhìn đến năm 2050",
                    "Quy hoạch xác định các hành lang kinh tế, vùng phát triển đô thị và hạ tầng giao thông kết "
                            + "nối vùng.",
                    "chinh-quyen"),
            seed("Cảnh báo lừa đảo mạo danh cơ quan nhà nước qua điện thoại",
                    "Công an tỉnh khuyến cáo không cung cấp mã OTP, không cài ứng dụng lạ theo yêu cầu của người "
                            + "tự xưng là cán bộ.",
                    "canh-bao"),
            seed("Ra mắt Zalo Mini App \"Chính quyền số {tinh}\"",
                    "Người dân tra cứu thủ tục, nộp hồ sơ, theo dõi tiến độ và phản ánh hiện trường ngay trên "
                            + "Zalo.",
                    "dich-vu-cong"),
            seed("Phát triển du lịch cộng đồng gắn với nông nghiệp xanh",
                    "Nhiều hộ dân chuyển vườn cây ăn trái thành điểm du lịch trải nghiệm, tăng thu nhập bền vững.",
                    "du-lich"),
            seed("Tuyển sinh lớp 10 năm học 2025–2026: chỉ tiêu và lịch đăng ký",
                    "Thí sinh đăng ký nguyện vọng trực tuyến; Sở GD&ĐT công bố chỉ tiêu từng trường trên cổng "
                            + "thông tin.",
                    "giao-duc"),
            seed("Khởi công tuyến đường tỉnh kết nối cao tốc",
                    "Dự án dài 18 km, tổng vốn hơn 2.000 tỉ đồng, dự kiến hoàn thành năm 2027.",
                    "kinh-te"),
            seed("Hỗ trợ người dân bị ảnh hưởng bởi dông lốc",
                    "UBND các xã thống kê thiệt hại, cấp gạo, tôn lợp và tiền hỗ trợ các hộ có nhà bị tốc mái.",
                    "chinh-quyen"),
            seed("Lịch tạm ngừng cung cấp điện để bảo trì lưới điện",
                    "Công ty Điện lực tạm ngừng cấp điện từ 7 giờ đến 16 giờ ở một số khu vực; đề nghị khách "
                            + "hàng chủ động sắp xếp.",
                    "canh-bao"),
            seed("Đưa sản phẩm OCOP lên sàn thương mại điện tử",
                    "Hơn 200 sản phẩm OCOP của tỉnh có mặt trên các sàn, giúp nông dân tiếp cận người tiêu dùng "
                            + "cả nước.",
                    "nong-san"),
            seed("Nâng chỉ số hài lòng của người dân với cải cách hành chính",
                    "Tỉnh đặt mục tiêu 100% hồ sơ được số hóa và trên 98% hồ sơ giải quyết đúng hạn trong năm.",
                    "chinh-quyen"));

    private NewsCatalogue() {
    }

    /** The portal's initial items, newest first, the newest published at most at {@code base}. */
    static List<NewsItem> initialItems(Portal portal, Instant base) {
        Random random = new Random(portal.seed());
        List<NewsItemSeed> pool = new ArrayList<>(portal.ownNews());
        for (NewsItemSeed common : COMMON_NEWS) {
            pool.add(new NewsItemSeed(common.title().replace("{tinh}", portal.province()),
                    common.summary().replace("{tinh}", portal.province()), common.category()));
        }
        Collections.shuffle(pool, random);

        List<NewsItem> items = new ArrayList<>();
        Instant at = base;
        long id = portal.firstId() + 37L * portal.itemCount();
        for (int i = 0; i < portal.itemCount(); i++) {
            at = at.minus(Duration.ofMinutes(20 + random.nextInt(8 * 60)));
            id -= 1 + random.nextInt(37);
            items.add(item(portal, id, pool.get(i), at, i % 3 == 1));
        }
        return items;
    }

    static NewsItem item(Portal portal, long id, NewsItemSeed seed, Instant published, boolean relativeImage) {
        Instant at = published.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String month = DateTimeFormatter.ofPattern("yyyy/MM").format(at.atOffset(VIETNAM));
        return new NewsItem(portal.id(), id, Text.slug(seed.title()), seed.title(), seed.summary(), seed.category(),
                "/" + portal.id() + "/uploads/" + month + "/anh-" + id + ".jpg", relativeImage, at, at);
    }

    /**
     * Whether a portal shows this item without a date, in its HTML list and (when {@code quirkyRss}) in its
     * RSS: some editors never fill the field in. Decided by the id, so an item keeps its look when others
     * are published.
     */
    static boolean undated(NewsItem item) {
        return item.id() % 7 == 3;
    }

    private static NewsItemSeed seed(String title, String summary, String category) {
        return new NewsItemSeed(title, summary, category);
    }
}
