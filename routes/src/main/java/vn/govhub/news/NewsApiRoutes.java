package vn.govhub.news;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import vn.govhub.api.ProblemResponses;

/** {@code /api/v1/news}: the mini app's news screens. */
@Component
public class NewsApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/news").description("Official news from the provincial portals")
                .get().description("Newest first, a page at a time (keyset cursor)")
                    .param().name("province").type(RestParamType.query).description("province id").endParam()
                    .param().name("category").type(RestParamType.query).description("e.g. chinh-quyen, canh-bao, du-lich, nong-san").endParam()
                    .param().name("q").type(RestParamType.query).description("words to find in title and excerpt, accents optional").endParam()
                    .param().name("cursor").type(RestParamType.query).description("nextCursor of the previous page").endParam()
                    .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("20").description("1 to 50").endParam()
                    .produces("application/json").outType(NewsApi.NewsPage.class)
                    .responseMessage().code(400).message("Invalid parameters (problem+json)").endResponseMessage()
                    .to("direct:api-news-list")
                .get("/sources").description("Each source's last success, last error, failures in a row and items stored")
                    .produces("application/json").outType(NewsApi.SourceView[].class)
                    .to("direct:api-news-sources")
                .get("/{id}").description("One item, with the card for Zalo's share sheet")
                    .param().name("id").type(RestParamType.path).dataType("integer").endParam()
                    .produces("application/json").outType(NewsApi.NewsDetail.class)
                    .responseMessage().code(404).message("No such item").endResponseMessage()
                    .to("direct:api-news-get");

        from("direct:api-news-list").routeId("api-news-list").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("newsApi", "list");
        from("direct:api-news-sources").routeId("api-news-sources").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("newsApi", "sources");
        from("direct:api-news-get").routeId("api-news-get").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("newsApi", "get");
    }
}
