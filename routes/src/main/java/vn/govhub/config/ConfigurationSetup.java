package vn.govhub.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.Validator;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class ConfigurationSetup {

    @Bean
    ProvinceConfigLoader provinceConfigLoader(ConfigurableEnvironment environment,
                                              @Qualifier("defaultValidator") Validator validator,
                                              List<ProvinceSection<?>> sections) {
        return new ProvinceConfigLoader(environment, validator, sections);
    }

    @Bean
    ProvinceRegistry provinceRegistry(GovhubProperties properties, ProvinceConfigLoader loader) {
        return new ProvinceRegistry(properties.configDir(), loader);
    }
}
