package vn.govhub.api;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

import java.util.List;

/**
 * The mini app API's conventions (base path, JSON, OpenAPI at {@code /api/v1/openapi.json}) and its first
 * resource: the provinces this hub serves.
 */
@Component
public class ApiRoutes extends RouteBuilder {

    /** What the mini app needs of a province. */
    public record ProvinceView(String id, String name) {
        static ProvinceView of(ProvinceProperties p) {
            return new ProvinceView(p.id(), p.name());
        }
    }

    private final ProvinceRegistry provinces;

    public ApiRoutes(ProvinceRegistry provinces) {
        this.provinces = provinces;
    }

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .contextPath("/api/v1")
                .bindingMode(RestBindingMode.json)
                .skipBindingOnErrorCode(true)
                .dataFormatProperty("prettyPrint", "false")
                .apiContextPath("/openapi.json")
                .apiProperty("api.title", "govhub mini app API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "What a provincial Zalo mini app reads from and sends to govhub.")
                .apiProperty("openapi.version", "3.0.3");

        rest("/provinces").description("Provinces served by this hub")
                .get().id("api-provinces-list").description("The enabled provinces")
                    .produces("application/json").outType(ProvinceView[].class)
                    .to("direct:api-provinces-list")
                .get("/{id}").id("api-provinces-get").description("One province by id")
                    .param().name("id").type(org.apache.camel.model.rest.RestParamType.path).description("province id").endParam()
                    .produces("application/json").outType(ProvinceView.class)
                    .responseMessage().code(404).message("No such province").endResponseMessage()
                    .to("direct:api-provinces-get");

        from("direct:api-provinces-list").routeId("api-provinces-list").routeConfigurationId(ProblemResponses.API_ERRORS)
                .process(e -> e.getMessage().setBody(listProvinces()));

        from("direct:api-provinces-get").routeId("api-provinces-get").routeConfigurationId(ProblemResponses.API_ERRORS)
                .process(e -> e.getMessage().setBody(province(e.getMessage().getHeader("id", String.class))));
    }

    List<ProvinceView> listProvinces() {
        return provinces.enabled().stream().map(ProvinceView::of).toList();
    }

    ProvinceView province(String id) {
        return provinces.find(id).filter(ProvinceProperties::enabled).map(ProvinceView::of)
                .orElseThrow(() -> ApiException.notFound("No province '" + id + "' is served here."));
    }
}
