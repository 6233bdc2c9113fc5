package vn.govhub.upstream;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies {@link HttpProperties} to Camel's http component, which every outbound call goes through. */
@Configuration(proxyBeanMethods = false)
class HttpClientSetup {

    @Bean
    ComponentCustomizer httpTimeouts(HttpProperties properties) {
        return ComponentCustomizer.builder(HttpComponent.class).build(http -> {
            http.setConnectTimeout(properties.connectTimeout().toMillis());
            http.setConnectionRequestTimeout(properties.connectTimeout().toMillis());
            http.setResponseTimeout(properties.responseTimeout().toMillis());
            http.setSoTimeout(properties.responseTimeout().toMillis());
        });
    }
}
