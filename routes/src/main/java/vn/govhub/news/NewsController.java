package vn.govhub.news;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.Params;

import java.util.List;

/** {@code /api/v1/news}: the mini app's news screens. */
@RestController
@RequestMapping("/api/v1/news")
@Tag(name = "News", description = "Official news from the provincial portals")
class NewsController {

    private final NewsApi news;

    NewsController(NewsApi news) {
        this.news = news;
    }

    @GetMapping
    @Operation(summary = "Newest first, a page at a time (keyset cursor)")
    NewsApi.NewsPage list(HttpServletRequest request,
                          @Parameter(description = "province id") @RequestParam(required = false) String province,
                          @Parameter(description = "e.g. chinh-quyen, canh-bao, du-lich, nong-san") @RequestParam(required = false) String category,
                          @Parameter(description = "words to find in title and excerpt, accents optional") @RequestParam(required = false) String q,
                          @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
                          @Parameter(description = "1 to 50 (20)") @RequestParam(required = false) String limit) {
        return news.list(Params.of(request));
    }

    @GetMapping("/sources")
    @Operation(summary = "Each source's last success, last error, failures in a row and items stored")
    List<NewsApi.SourceView> sources() {
        return news.sources();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One item, with the card for Zalo's share sheet")
    NewsApi.NewsDetail one(@PathVariable String id) {
        return news.get(id);
    }
}
