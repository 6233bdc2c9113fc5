package vn.govhub.ops;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;
import vn.govhub.config.GovhubProperties;
import vn.govhub.config.ProvinceRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /actuator/info}: which configuration this node runs (the operators' label and a hash of the files). */
@Component
class ConfigInfoContributor implements InfoContributor {

    private final GovhubProperties properties;
    private final ProvinceRegistry provinces;

    ConfigInfoContributor(GovhubProperties properties, ProvinceRegistry provinces) {
        this.properties = properties;
        this.provinces = provinces;
    }

    @Override
    public void contribute(Info.Builder builder) {
        ProvinceRegistry.Snapshot snapshot = provinces.snapshot();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("version", properties.configVersion());
        config.put("hash", snapshot.hash());
        config.put("loadedAt", snapshot.loadedAt().toString());
        config.put("provinces", snapshot.provinces().stream()
                .map(p -> Map.of("id", p.id(), "enabled", p.enabled())).toList());
        builder.withDetail("config", config);
    }

}
