package vn.govhub.sandbox.portal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One news item as a portal holds it. Addresses are paths; the simulator's base URL makes them absolute
 * ({@link PortalSimulator#link(NewsItem)}), and that absolute link is also the item's guid / Atom id.
 *
 * @param portal        the portal id, e.g. {@code tayninh}
 * @param id            the portal's numeric article id
 * @param slug          the ASCII slug of the original title (kept when the title is edited, as portals do)
 * @param title         the headline
 * @param summary       plain-text summary
 * @param category      category slug
 * @param imagePath     path of the illustration, e.g. {@code /tayninh/uploads/2025/06/anh-10421.jpg}
 * @param relativeImage whether the description refers to the image by a relative URL
 * @param published     first publication
 * @param updated       last edit; equals {@code published} until edited
 */
public record NewsItem(String portal, long id, String slug, String title, String summary, String category,
                       String imagePath, boolean relativeImage, Instant published, Instant updated) {

    private static final Map<String, String> CATEGORY_LABELS = Map.of(
            "chinh-quyen", "Chính quyền",
            "canh-bao", "Cảnh báo",
            "du-lich", "Du lịch",
            "nong-san", "Nông sản",
            "dich-vu-cong", "Dịch vụ công",
            "y-te", "Y tế",
            "giao-duc", "Giáo dục",
            "kinh-te", "Kinh tế - Đầu tư");

    public NewsItem {
        Objects.requireNonNull(portal, "portal");
        Objects.requireNonNull(slug, "slug");
        title = Text.clean(Objects.requireNonNull(title, "title"));
        summary = Text.clean(Objects.requireNonNull(summary, "summary"));
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(imagePath, "imagePath");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
    }

    /** The article's path on the portal, e.g. {@code /tayninh/tin-tuc/gia-lua-tang-nhe-10421.html}. */
    public String path() {
        return "/" + portal + "/tin-tuc/" + slug + "-" + id + ".html";
    }

    /** The category's Vietnamese name, e.g. "Chính quyền"; the slug itself when unknown. */
    public String categoryLabel() {
        return CATEGORY_LABELS.getOrDefault(category, category);
    }

    NewsItem withTitle(String newTitle, Instant at) {
        return new NewsItem(portal, id, slug, newTitle, summary, category, imagePath, relativeImage, published, at);
    }
}
