package vn.govhub.sandbox.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Many similar sources for load tests: feed {@code n} is a portal-like RSS 2.0 feed of exactly
 * {@value #ITEMS} items, its content a function of {@code n} and the base instant only. Titles are common
 * provincial news prefixed by a district, so no two items of a feed share a title; links and guids carry
 * {@code n}, so no two feeds share an item.
 */
final class BenchFeeds {

    static final int ITEMS = 50;
    static final int DEFAULT_COUNT = 100;

    private static final List<String> PROVINCES = List.of("An Giang", "Bắc Ninh", "Cà Mau", "Cần Thơ",
            "Đà Nẵng", "Đắk Lắk", "Đồng Tháp", "Gia Lai", "Hà Tĩnh", "Hưng Yên", "Khánh Hòa", "Lâm Đồng",
            "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Trị", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long");

    private static final List<String> DISTRICTS = List.of("Châu Thành", "Tân Phú", "Phú Hòa", "Bình Minh",
            "Long Hồ", "Vĩnh Thạnh", "Tân Hiệp", "Hòa Bình", "An Phú", "Phước Long", "Thạnh Phú", "Mỹ Xuyên");

    private BenchFeeds() {
    }

    /** Feed {@code n}'s channel, as a portal whose id is {@code bench/n}, so that paths read {@code /bench/n/...}. */
    static NewsCatalogue.Portal portal(int n) {
        String province = PROVINCES.get(n % PROVINCES.size());
        return new NewsCatalogue.Portal("bench/" + n, "Nguồn tin thử tải số " + n + " (" + province + ")", province,
                n, ITEMS, 1_000_000L + 1_000L * n, n % 2 == 0, false, HtmlListWriter.DateForm.TIME_THEN_DAY,
                List.of());
    }

    /** Feed {@code n}'s items, newest first, the newest published at {@code base} minus {@code n} minutes. */
    static List<NewsItem> items(int n, Instant base) {
        NewsCatalogue.Portal portal = portal(n);
        List<NewsItemSeed> common = NewsCatalogue.COMMON_NEWS;
        List<NewsItem> items = new ArrayList<>(ITEMS);
        for (int k = 0; k < ITEMS; k++) {
            NewsItemSeed seed = common.get((n + k) % common.size());
            // k and k + common.size() share a seed but never a district
            String district = DISTRICTS.get((n + k / common.size()) % DISTRICTS.size());
            NewsItemSeed titled = new NewsItemSeed(
                    district + ": " + seed.title().replace("{tinh}", portal.province()),
                    seed.summary().replace("{tinh}", portal.province()), seed.category());
            Instant published = base.minus(Duration.ofMinutes(n + 17L * k));
            items.add(NewsCatalogue.item(portal, portal.firstId() + ITEMS - k, titled, published, k % 3 == 1));
        }
        return items;
    }
}
