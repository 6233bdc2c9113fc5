package vn.govhub.config;

import java.util.Objects;

/**
 * A top-level section of the province files that one flow owns ({@code news}, {@code dossiers}, ...). The flow
 * declares it as a bean; the loader binds the section strictly (an unknown key is an error), validates it, and gives
 * it defaults when the file leaves it out. The flow reads it back with {@link ProvinceProperties#section}.
 *
 * @param key  the section's key in the file
 * @param type the record it binds to
 */
public record ProvinceSection<T>(String key, Class<T> type) {

    public ProvinceSection {
        Objects.requireNonNull(type, "type");
        if (key == null || !key.matches(ProvinceProperties.ID) || ProvinceProperties.CORE_KEYS.contains(key)) {
            throw new IllegalArgumentException("not a usable section key: " + key);
        }
    }
}
