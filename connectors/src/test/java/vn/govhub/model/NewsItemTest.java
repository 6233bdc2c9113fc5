package vn.govhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewsItemTest {

    private static final String HASH = "a".repeat(64);
    private static final Instant AT = Instant.parse("2024-02-09T08:00:00Z");

    private static NewsItem item(String title, String link, String excerpt, String imageUrl) {
        return new NewsItem("qt-tintuc", "quang-tri", "thoi-su", "guid-1", title, link, "<p>x</p>", excerpt,
                imageUrl, AT, false, HASH);
    }

    @Test
    void validItemIsCreated() {
        NewsItem item = item("Tiêu đề", "https://quangtri.gov.vn/tin/1", "x", "https://quangtri.gov.vn/a.jpg");
        assertThat(item.title()).isEqualTo("Tiêu đề");
        assertThat(item.dateFlagged()).isFalse();
    }

    @Test
    void blankTitleIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> item("  ", "https://quangtri.gov.vn/tin/1", "x", null))
                .withMessageContaining("title");
    }

    @Test
    void relativeOrNonHttpLinkIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> item("t", "/tin/1", "x", null))
                .withMessageContaining("link");
        assertThatIllegalArgumentException().isThrownBy(() -> item("t", "javascript:alert(1)", "x", null))
                .withMessageContaining("link");
        assertThatIllegalArgumentException().isThrownBy(() -> item("t", "https://x.vn/a", "x", "ftp://x.vn/a.jpg"))
                .withMessageContaining("imageUrl");
    }

    @Test
    void overlongExcerptIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> item("t", "https://x.vn/a", "a".repeat(301), null))
                .withMessageContaining("excerpt");
    }

    @Test
    void missingPublishedAtIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> new NewsItem("s", "p", null, "k", "t", "https://x.vn/",
                "", "", null, null, true, HASH));
    }

    @Test
    void nullCategoryIsAllowedButBlankIsNot() {
        assertThat(new NewsItem("s", "p", null, "k", "t", "https://x.vn/", "", "", null, AT, true, HASH).category())
                .isNull();
        assertThatIllegalArgumentException().isThrownBy(
                () -> new NewsItem("s", "p", " ", "k", "t", "https://x.vn/", "", "", null, AT, true, HASH));
    }
}
