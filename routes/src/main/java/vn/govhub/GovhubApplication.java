package vn.govhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The hub: one binary, Camel routes per flow, configured per province from {@code ./config}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovhubApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovhubApplication.class, args);
    }
}
