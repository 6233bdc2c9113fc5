package vn.govhub.sandbox.portal;

import java.util.Objects;

/**
 * What an editor types to publish a news item; the portal adds id, address, image and dates.
 *
 * @param title    the headline
 * @param summary  one or two sentences, plain text
 * @param category a category slug such as {@code chinh-quyen}, {@code canh-bao}, {@code du-lich},
 *                 {@code nong-san} (see {@link NewsItem#categoryLabel()})
 */
public record NewsItemSeed(String title, String summary, String category) {

    public NewsItemSeed {
        title = Text.clean(Objects.requireNonNull(title, "title"));
        summary = Text.clean(Objects.requireNonNull(summary, "summary"));
        category = Objects.requireNonNull(category, "category").strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("title is blank");
        }
        if (!category.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("category must be a slug: " + category);
        }
    }
}
