package vn.govhub.sandbox.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a portal's "Tin tức" list page, as portals without a feed publish their news: page chrome (header,
 * menu, breadcrumb, a most-read sidebar, footer, scripts) around one {@code <article class="news-item">} per
 * item. Every address is relative to the site, as portals write them. The selectors a scraper needs:
 * <pre>
 * item    article.news-item        summary p.sapo
 * title   h3.title a               image   img.thumb (src)
 * link    h3.title a (href)        date    span.date, written as the portal's {@link DateForm}
 * </pre>
 * Items the portal left {@link NewsCatalogue#undated undated} have no {@code span.date}.
 */
final class HtmlListWriter {

    /** Items per list page; {@code ?page=2} shows the next ones. */
    static final int PAGE_SIZE = 10;

    private static final String[] WEEKDAYS = {"Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy",
        "Chủ nhật"};

    /** The ways Vietnamese portals print a publication time, always in Vietnam time. */
    enum DateForm {
        /** {@code 15:00 ngày 09/02/2024} */
        TIME_THEN_DAY("HH:mm 'ngày' dd/MM/yyyy"),
        /** {@code Thứ sáu, 09/02/2024 15:00}: no pattern, the weekday needs the hub's built-in forms */
        WEEKDAY_DAY_TIME(null),
        /** {@code 09/02/2024 - 15:00} */
        DAY_DASH_TIME("dd/MM/yyyy - HH:mm"),
        /** {@code Cập nhật: 09-02-2024 15:00:00} */
        UPDATED_DAY_TIME("'Cập nhật:' dd-MM-yyyy HH:mm:ss");

        /** The {@link DateTimeFormatter} pattern that reads the form back, or null when none does. */
        final String pattern;

        DateForm(String pattern) {
            this.pattern = pattern;
        }

        String format(Instant instant) {
            LocalDateTime local = instant.atOffset(NewsCatalogue.VIETNAM).toLocalDateTime();
            if (pattern == null) {
                return WEEKDAYS[local.getDayOfWeek().ordinal()] + ", "
                        + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(local);
            }
            return DateTimeFormatter.ofPattern(pattern).format(local);
        }
    }

    private HtmlListWriter() {
    }

    /** How many list pages the items fill; an empty portal still shows one (empty) page. */
    static int pageCount(int itemCount) {
        return Math.max(1, (itemCount + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /**
     * @param items all the portal's items, newest first
     * @param page  1-based, at most {@link #pageCount(int)}
     */
    static byte[] render(NewsCatalogue.Portal portal, List<NewsItem> items, int page) {
        int pages = pageCount(items.size());
        if (page < 1 || page > pages) {
            throw new IllegalArgumentException("page " + page + " of " + pages);
        }
        String home = "/" + portal.id() + "/";
        String list = home + "tin-tuc";
        StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Tin tức").append(page > 1 ? " - Trang " + page : "").append(" - ")
                .append(Text.html(portal.name())).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(home).append("css/style.css?v=2.3\">\n")
                .append("</head>\n<body class=\"page-news-list\">\n");

        html.append("<header class=\"site-header\">\n<div class=\"logo\"><a href=\"").append(home).append("\">")
                .append(Text.html(portal.name())).append("</a></div>\n")
                .append("<form class=\"search\" action=\"").append(home)
                .append("tim-kiem\"><input name=\"q\" placeholder=\"Tìm kiếm...\"></form>\n</header>\n")
                .append("<nav class=\"menu\"><ul>\n")
                .append("<li><a href=\"").append(home).append("\">Trang chủ</a></li>\n")
                .append("<li><a href=\"").append(home).append("gioi-thieu\">Giới thiệu</a></li>\n")
                .append("<li class=\"active\"><a href=\"").append(list).append("\">Tin tức &amp; Sự kiện</a></li>\n")
                .append("<li><a href=\"").append(home).append("van-ban\">Văn bản chỉ đạo điều hành</a></li>\n")
                .append("<li><a href=\"https://dichvucong.gov.vn\">Dịch vụ công</a></li>\n")
                .append("</ul></nav>\n")
                .append("<div class=\"breadcrumb\"><a href=\"").append(home).append("\">Trang chủ</a> &raquo; ")
                .append("<span>Tin tức</span></div>\n");

        html.append("<main class=\"content\">\n<h2 class=\"page-title\">Tin tức</h2>\n<div class=\"news-list\">\n");
        int from = (page - 1) * PAGE_SIZE;
        for (NewsItem item : items.subList(from, Math.min(items.size(), from + PAGE_SIZE))) {
            item(html, portal, item);
        }
        html.append("</div>\n");
        pagination(html, list, page, pages);
        html.append("</main>\n");

        // a sidebar repeats some titles outside any news-item, as portals do: a scraper must not count them
        html.append("<aside class=\"sidebar\">\n<h3>Tin xem nhiều</h3>\n<ul class=\"most-read\">\n");
        for (NewsItem item : items.subList(0, Math.min(5, items.size()))) {
            html.append("<li><a href=\"").append(Text.html(item.path())).append("\">").append(Text.html(item.title()))
                    .append("</a></li>\n");
        }
        html.append("</ul>\n</aside>\n");

        html.append("<footer class=\"site-footer\">\n<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh ")
                .append(Text.html(portal.province())).append("</p>\n")
                .append("<p>Ghi rõ nguồn &quot;").append(Text.html(portal.name()))
                .append("&quot; khi phát hành lại thông tin từ cổng thông tin này.</p>\n</footer>\n")
                .append("<script src=\"").append(home).append("js/jquery.min.js\"></script>\n")
                .append("<script>\n  window.dataLayer = window.dataLayer || [];\n")
                .append("  function gtag(){dataLayer.push(arguments);}\n")
                .append("  $('.news-item img.thumb').on('error', function () {\n")
                .append("    this.src = '/images/no-image.jpg';\n  });\n")
                .append("</script>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void item(StringBuilder html, NewsCatalogue.Portal portal, NewsItem item) {
        String href = Text.html(item.path());
        html.append("<article class=\"news-item\">\n")
                .append("  <a class=\"thumb-link\" href=\"").append(href).append("\"><img class=\"thumb\" src=\"")
                .append(Text.html(item.imagePath())).append("\" alt=\"").append(Text.html(item.title()))
                .append("\" width=\"240\" height=\"160\"></a>\n")
                .append("  <div class=\"info\">\n")
                .append("    <h3 class=\"title\"><a href=\"").append(href).append("\" title=\"")
                .append(Text.html(item.title())).append("\">").append(Text.html(item.title())).append("</a></h3>\n");
        if (!NewsCatalogue.undated(item)) {
            html.append("    <span class=\"date\">").append(Text.html(portal.listDates().format(item.published())))
                    .append("</span>\n");
        }
        html.append("    <span class=\"category\"><a href=\"/").append(portal.id()).append("/chuyen-muc/")
                .append(item.category()).append("\">").append(Text.html(item.categoryLabel())).append("</a></span>\n")
                .append("    <p class=\"sapo\">").append(editorHtml(item.summary())).append("</p>\n")
                .append("  </div>\n</article>\n");
    }

    /** Escaped as the portals' rich-text editors write it: named entities for dashes and degrees too. */
    private static String editorHtml(String text) {
        return Text.html(text).replace("–", "&ndash;").replace("°", "&deg;");
    }

    private static void pagination(StringBuilder html, String list, int page, int pages) {
        if (pages == 1) {
            return;
        }
        html.append("<ul class=\"pagination\">\n");
        if (page > 1) {
            html.append("<li><a class=\"prev\" rel=\"prev\" href=\"").append(pageHref(list, page - 1))
                    .append("\">&laquo; Trang trước</a></li>\n");
        }
        for (int p = 1; p <= pages; p++) {
            html.append(p == page ? "<li class=\"active\"><span>" + p + "</span></li>\n"
                    : "<li><a href=\"" + pageHref(list, p) + "\">" + p + "</a></li>\n");
        }
        if (page < pages) {
            html.append("<li><a class=\"next\" rel=\"next\" href=\"").append(pageHref(list, page + 1))
                    .append("\">Trang sau &raquo;</a></li>\n");
        }
        html.append("</ul>\n");
    }

    private static String pageHref(String list, int page) {
        return page == 1 ? list : list + "?page=" + page;
    }
}
