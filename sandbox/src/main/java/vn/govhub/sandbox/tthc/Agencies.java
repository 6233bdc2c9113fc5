package vn.govhub.sandbox.tthc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated province's agencies (cơ quan, đơn vị) after the 2025 reorganisation: departments (sở) at
 * province level and communes / wards (xã, phường) below them, with no district level in between.
 */
final class Agencies {

    /** The province code the agency identifiers end with. */
    static final String PROVINCE = "H22";
    static final String PROVINCE_NAME = "tỉnh Tây Ninh";
    /** The provincial People's Committee, which publishes the provincial procedure lists. */
    static final Agency PEOPLES_COMMITTEE = new Agency("000.00.00." + PROVINCE, "Ủy ban nhân dân " + PROVINCE_NAME);
    static final Agency PUBLIC_SERVICE_CENTRE = new Agency("000.00.40." + PROVINCE,
            "Trung tâm Phục vụ hành chính công " + PROVINCE_NAME);

    private static final Map<String, Agency> DEPARTMENT_BY_SECTOR = new LinkedHashMap<>();
    static final List<Agency> DEPARTMENTS;
    static final List<Agency> COMMUNES;

    static {
        Agency justice = department(7, "Sở Tư pháp");
        Agency agriculture = department(11, "Sở Nông nghiệp và Môi trường");
        Agency construction = department(12, "Sở Xây dựng");
        Agency finance = department(9, "Sở Tài chính");
        Agency home = department(5, "Sở Nội vụ");
        Agency education = department(14, "Sở Giáo dục và Đào tạo");
        Agency health = department(15, "Sở Y tế");
        Agency culture = department(16, "Sở Văn hóa, Thể thao và Du lịch");
        Agency trade = department(10, "Sở Công Thương");
        Agency police = department(20, "Công an tỉnh");
        Agency insurance = new Agency("000.00.30." + PROVINCE, "Bảo hiểm xã hội tỉnh Tây Ninh");
        bind(justice, "Hộ tịch", "Chứng thực", "Tư pháp");
        bind(agriculture, "Đất đai", "Tài nguyên nước", "Môi trường", "Nông nghiệp");
        bind(construction, "Xây dựng", "Đường bộ");
        bind(finance, "Thành lập và hoạt động doanh nghiệp", "Thành lập và hoạt động của hộ kinh doanh");
        bind(home, "Lao động", "Người có công", "Bảo trợ xã hội", "Thi đua khen thưởng", "Tín ngưỡng, tôn giáo");
        bind(education, "Giáo dục và Đào tạo");
        bind(health, "Y tế");
        bind(culture, "Văn hóa");
        bind(trade, "Thương mại");
        bind(police, "Cư trú");
        bind(insurance, "Bảo hiểm xã hội");
        DEPARTMENTS = List.of(justice, agriculture, construction, finance, home, education, health, culture, trade,
                police, insurance);

        String[] communes = {"phường Tân Ninh", "phường Bình Minh", "phường Ninh Thạnh", "phường Long Hoa",
                "phường Hòa Thành", "phường Thanh Điền", "phường Trảng Bàng", "phường An Tịnh", "phường Gò Dầu",
                "phường Gia Lộc", "xã Hưng Thuận", "xã Phước Chỉ", "xã Thạnh Đức", "xã Phước Thạnh", "xã Truông Mít",
                "xã Lộc Ninh", "xã Cầu Khởi", "xã Dương Minh Châu", "xã Tân Đông", "xã Tân Châu", "xã Tân Phú",
                "xã Tân Hội", "xã Tân Thành", "xã Tân Hòa", "xã Tân Lập", "xã Tân Biên", "xã Thạnh Bình",
                "xã Trà Vong", "xã Phước Vinh", "xã Hòa Hội"};
        List<Agency> list = new ArrayList<>();
        for (int i = 0; i < communes.length; i++) {
            list.add(new Agency(String.format("000.%02d.%02d.%s", 31 + i / 10, 1 + i % 10, PROVINCE),
                    "Ủy ban nhân dân " + communes[i]));
        }
        COMMUNES = List.copyOf(list);
    }

    private Agencies() {
    }

    record Agency(String code, String name) {
    }

    /** The department in charge of the sector; the People's Committee for a sector nobody claimed. */
    static Agency department(String sector) {
        return DEPARTMENT_BY_SECTOR.getOrDefault(sector, PEOPLES_COMMITTEE);
    }

    /** Every agency the catalogue names, for {@code LayDanhMucCoQuan}. */
    static List<Agency> all() {
        List<Agency> all = new ArrayList<>();
        all.add(PEOPLES_COMMITTEE);
        all.add(PUBLIC_SERVICE_CENTRE);
        all.addAll(DEPARTMENTS);
        all.addAll(COMMUNES);
        return all;
    }

    private static Agency department(int number, String name) {
        return new Agency(String.format("000.00.%02d.%s", number, PROVINCE), name + " " + PROVINCE_NAME);
    }

    private static void bind(Agency agency, String... sectors) {
        for (String sector : sectors) {
            DEPARTMENT_BY_SECTOR.put(sector, agency);
        }
    }
}
