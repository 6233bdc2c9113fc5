package vn.govhub.connectors.portal;

import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Where the news items are on a portal's HTML list page, as CSS selectors (jsoup syntax). {@code item} selects
 * one element per news item; the others are evaluated inside it.
 *
 * @param item        one element per news item, e.g. {@code ".news-list .item"}; required
 * @param title       the title element, whose text is the title; required
 * @param link        the element carrying the article's {@code href} (itself, else its first {@code a[href]});
 *                    null: the title's own or enclosing link
 * @param date        the date element: its {@code datetime} attribute, else its text; may be null
 * @param summary     the element whose inner HTML is the summary; may be null
 * @param image       the image element ({@code data-src}, {@code data-original}, then {@code src}, for
 *                    lazy-loaded thumbnails; itself or its first {@code img}); may be null
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern tried before the built-in date forms;
 *                    may be null
 */
public record HtmlSelectors(
        String item,
        String title,
        String link,
        String date,
        String summary,
        String image,
        String datePattern) {

    /** @throws IllegalArgumentException naming the component whose selector or pattern is invalid */
    public HtmlSelectors {
        requireSelector(item, "item", true);
        requireSelector(title, "title", true);
        requireSelector(link, "link", false);
        requireSelector(date, "date", false);
        requireSelector(summary, "summary", false);
        requireSelector(image, "image", false);
        if (datePattern != null) {
            try {
                VietnameseDates.compilePattern(datePattern);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("datePattern '" + datePattern + "' is invalid: " + e.getMessage(), e);
            }
        }
    }

    private static void requireSelector(String selector, String name, boolean required) {
        if (selector == null) {
            if (required) {
                throw new IllegalArgumentException(name + " selector is required");
            }
            return;
        }
        if (selector.isBlank()) {
            throw new IllegalArgumentException(name + " selector must not be blank");
        }
        try {
            QueryParser.parse(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException(name + " selector '" + selector + "' is invalid: " + e.getMessage(), e);
        }
    }
}
