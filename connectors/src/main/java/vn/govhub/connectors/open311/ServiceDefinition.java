package vn.govhub.connectors.open311;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The extra fields ({@code attribute[CODE]}) a service asks for, as answered by {@code GET services/{code}.{fmt}}.
 * A service whose {@link Service#metadata()} is false has the definition {@link #none(String)}.
 *
 * @param serviceCode the service these attributes belong to
 * @param attributes  in presentation order ({@link Attribute#order()}, then as given)
 */
public record ServiceDefinition(String serviceCode, List<Attribute> attributes) {

    public ServiceDefinition {
        Wire.required(serviceCode, "service_code");
        attributes = attributes == null ? List.of() : attributes.stream()
                .sorted(Comparator.comparing(Attribute::order, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (attributes.stream().map(Attribute::code).distinct().count() != attributes.size()) {
            throw new IllegalArgumentException("attribute codes must be unique within service " + serviceCode);
        }
    }

    /** The definition of a service without attributes. */
    public static ServiceDefinition none(String serviceCode) {
        return new ServiceDefinition(serviceCode, List.of());
    }

    public Optional<Attribute> attribute(String code) {
        return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /**
     * One attribute of a service.
     *
     * @param variable            true if the client asks the citizen for a value; false if the attribute only shows
     *                            {@code description} as information
     * @param code                unique within the service; clients send the value as {@code attribute[code]}
     * @param datatype            the kind of value
     * @param required            whether a request without a value is refused
     * @param datatypeDescription optional help on the expected format
     * @param order               optional position, 1 first
     * @param description         the question put to the citizen
     * @param values              the choices of a {@code singlevaluelist} or {@code multivaluelist}; empty otherwise
     */
    public record Attribute(boolean variable, String code, Datatype datatype, boolean required,
                            String datatypeDescription, Integer order, String description, List<Value> values) {

        public Attribute {
            Wire.required(code, "attribute code");
            if (datatype == null) {
                throw new IllegalArgumentException("datatype is required (attribute " + code + ")");
            }
            if (order != null && order < 0) {
                throw new IllegalArgumentException("order must not be negative (attribute " + code + ")");
            }
            datatypeDescription = Wire.optional(datatypeDescription);
            description = Wire.optional(description);
            values = values == null ? List.of() : List.copyOf(values);
            if (datatype.isList() && values.isEmpty()) {
                throw new IllegalArgumentException("a " + datatype.wire() + " needs values (attribute " + code + ")");
            }
            if (!datatype.isList() && !values.isEmpty()) {
                throw new IllegalArgumentException("only list datatypes have values (attribute " + code + ")");
            }
            if (values.stream().map(Value::key).distinct().count() != values.size()) {
                throw new IllegalArgumentException("value keys must be unique (attribute " + code + ")");
            }
        }

        /** Whether {@code key} is one of this attribute's value keys. */
        public boolean hasKey(String key) {
            return values.stream().anyMatch(v -> v.key().equals(key));
        }
    }

    /**
     * One choice of a list attribute.
     *
     * @param key  what the client sends
     * @param name what the citizen sees
     */
    public record Value(String key, String name) {
        public Value {
            Wire.required(key, "value key");
            Wire.required(name, "value name");
        }
    }

    /** The kind of an attribute's value. */
    public enum Datatype {
        STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the value is chosen among {@link Attribute#values()}. */
        public boolean isList() {
            return this == SINGLEVALUELIST || this == MULTIVALUELIST;
        }
    }
}
