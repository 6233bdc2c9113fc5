package vn.govhub.news;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NewsApiTest {

    @Test
    void cursorRoundTripsWithMicrosecondPrecision() {
        Instant at = Instant.parse("2026-11-28T08:00:00.123456Z");
        String cursor = NewsApi.encodeCursor(new NewsStore.StoredNews(42, "p", "s", "c", "t", null, null, null, null,
                at, false, at, at));
        assertThat(NewsApi.decodeCursor(cursor)).isEqualTo(new NewsStore.Cursor(at, 42));
    }

    @Test
    void foreignCursorsAreRefused() {
        assertThat(NewsApi.decodeCursor("not-base64!")).isNull();
        assertThat(NewsApi.decodeCursor("YWJj")).isNull();
    }

    @Test
    void shareDescriptionIsCutAtAWordWithAnEllipsis() {
        String text = "Ủy ban nhân dân tỉnh ".repeat(20);
        String shortened = NewsApi.shorten(text, 200);
        assertThat(shortened).hasSizeLessThanOrEqualTo(200).endsWith("…");
        assertThat(shortened.substring(0, shortened.length() - 1)).doesNotEndWith(" ");
        assertThat(NewsApi.shorten("ngắn", 200)).isEqualTo("ngắn");
    }
}
