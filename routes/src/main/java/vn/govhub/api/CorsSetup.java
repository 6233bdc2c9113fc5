package vn.govhub.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import vn.govhub.config.ProvinceRegistry;

import java.time.Duration;
import java.util.List;

/**
 * Browser access to {@code /api/v1}: each province names its mini app's origin(s) under {@code api.cors-origins};
 * the hub allows those of the enabled provinces, read from the running configuration at each request.
 */
@Configuration(proxyBeanMethods = false)
class CorsSetup {

    @Bean
    FilterRegistrationBean<CorsFilter> apiCorsFilter(ProvinceRegistry provinces) {
        CorsConfigurationSource source = request -> {
            if (!request.getRequestURI().startsWith("/api/")) {
                return null;
            }
            List<String> origins = provinces.enabled().stream()
                    .flatMap(p -> p.api().corsOrigins().stream()).distinct().toList();
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of("*"));
            cors.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Location", "ETag"));
            cors.setMaxAge(Duration.ofHours(1));
            return cors;
        };
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

}
