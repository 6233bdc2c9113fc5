package vn.govhub.connectors.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach one province's case-handling system; everything comes from the province's configuration.
 *
 * @param shape       which of the three wire shapes it speaks
 * @param paths       path overrides by name (see each shape's adapter for the names and defaults), e.g.
 *                    {@code auth}, {@code integration} (national envelope); {@code token}, {@code dossiers},
 *                    {@code search} (iGate); {@code token}, {@code sync}, {@code traces} (LGSP)
 * @param unitCode    national envelope: the {@code dstcode} header and {@code madonvi}; iGate: the Keycloak realm;
 *                    LGSP: the agency code sent with each document
 * @param username    national envelope / LGSP login user (null for iGate)
 * @param password    its password (from the environment)
 * @param clientId    iGate / LGSP OAuth2 client id (null for the national envelope)
 * @param clientSecret its secret (from the environment)
 * @param fields      renames and constant fields applied to every outgoing dossier
 */
public record CaseSystemSettings(Shape shape, String baseUrl, Map<String, String> paths, String unitCode,
                                 String username, String password, String clientId, String clientSecret,
                                 Duration connectTimeout, Duration readTimeout, FieldMapping fields) {

    public enum Shape { NATIONAL, IGATE, LGSP }

    public CaseSystemSettings {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        paths = paths == null ? Map.of() : Map.copyOf(paths);
        fields = fields == null ? FieldMapping.NONE : fields;
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String path(String name, String fallback) {
        return paths.getOrDefault(name, fallback);
    }

    @Override
    public String toString() { // no credentials
        return "CaseSystemSettings[" + shape + " " + baseUrl + ", unit " + unitCode + "]";
    }

    /**
     * Field mapping from configuration: {@code rename} maps a default wire field name to the name this backend
     * expects (top-level fields of the dossier object); {@code constants} adds fixed fields (e.g. a unit code the
     * backend wants on every dossier), overriding a default field of the same name.
     */
    public record FieldMapping(Map<String, String> rename, Map<String, String> constants) {
        public static final FieldMapping NONE = new FieldMapping(Map.of(), Map.of());

        public FieldMapping {
            rename = rename == null ? Map.of() : Map.copyOf(rename);
            constants = constants == null ? Map.of() : Map.copyOf(constants);
        }

        /** Renames top-level fields of an outgoing dossier object, then adds the constants. */
        public void applyTo(ObjectNode dossier) {
            rename.forEach((from, to) -> {
                JsonNode value = dossier.remove(from);
                if (value != null) {
                    dossier.set(to, value);
                }
            });
            constants.forEach(dossier::put);
        }
    }
}
