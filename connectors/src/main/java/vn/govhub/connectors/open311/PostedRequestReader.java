package vn.govhub.connectors.open311;

import static vn.govhub.connectors.open311.FormFields.MAX_SHORT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.govhub.text.VietnameseText;

/**
 * Reads a posted service request ({@code POST requests.{fmt}}): the standard fields, each checked on its own, and
 * the {@code attribute[CODE]} fields checked against the service's definition. The attribute rules are the
 * part that differs from service to service, and what a client most often gets wrong, so every attribute
 * problem is reported with the attribute's code.
 */
final class PostedRequestReader {

    /** Longest accepted {@code address_string}. */
    private static final int MAX_ADDRESS = 1000;

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)](?:\\[])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,30}");

    private final FieldValues values;

    /** @param values reads the datetimes of {@code datetime} attributes */
    PostedRequestReader(FieldValues values) {
        this.values = values;
    }

    /** As {@link GeoReportRequests#parseCreate}. */
    Parsed<PostedRequest> read(Map<String, List<String>> form,
                               Function<String, Optional<ServiceDefinition>> definitions) {
        Objects.requireNonNull(form, "form");
        List<Open311Error> errors = new ArrayList<>();
        FormFields fields = new FormFields(form, errors);

        String apiKey = fields.single("api_key", MAX_SHORT);
        String serviceCode = fields.single("service_code", MAX_SHORT);
        ServiceDefinition definition = null;
        if (serviceCode == null) {
            if (!fields.refused("service_code")) {
                errors.add(Open311Error.badRequest("service_code is required"));
            }
        } else {
            definition = definitions.apply(serviceCode).orElse(null);
            if (definition == null) {
                errors.add(Open311Error.badRequest("service_code " + serviceCode + " is not a service of this jurisdiction"));
            }
        }

        String latText = fields.single("lat", MAX_SHORT);
        String longText = fields.single("long", MAX_SHORT);
        String addressString = fields.single("address_string", MAX_ADDRESS);
        String addressId = fields.single("address_id", MAX_SHORT);
        Double lat = null;
        Double lon = null;
        if (latText != null || longText != null) {
            if (latText == null || longText == null) {
                errors.add(Open311Error.badRequest("lat and long go together: " + (latText == null ? "lat" : "long")
                        + " is missing"));
            } else {
                lat = FieldValues.coordinate("lat", latText, 90, errors);
                lon = FieldValues.coordinate("long", longText, 180, errors);
                if (lat == null || lon == null) {
                    lat = null;
                    lon = null;
                }
            }
        } else if (addressString == null && addressId == null) {
            errors.add(Open311Error.badRequest(
                    "a location is required: lat and long, address_string or address_id"));
        }

        String description = fields.single("description", Integer.MAX_VALUE);
        if (description != null) {
            description = VietnameseText.nfc(description);
            int length = description.codePointCount(0, description.length());
            if (length > ServiceRequest.MAX_DESCRIPTION) {
                errors.add(Open311Error.badRequest("description is " + length + " characters long; at most "
                        + ServiceRequest.MAX_DESCRIPTION + " are accepted"));
            }
        }
        String mediaUrl = fields.single("media_url", 2048);
        if (mediaUrl != null && !Wire.isWebUri(mediaUrl)) {
            errors.add(Open311Error.badRequest("media_url must be an absolute http or https URL"));
        }
        String email = fields.single("email", MAX_SHORT);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(Open311Error.badRequest("email is not an email address"));
        }
        String phone = fields.single("phone", MAX_SHORT);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(Open311Error.badRequest("phone is not a phone number"));
        }
        String deviceId = fields.single("device_id", MAX_SHORT);
        String accountId = fields.single("account_id", MAX_SHORT);
        String firstName = fields.single("first_name", MAX_SHORT);
        String lastName = fields.single("last_name", MAX_SHORT);

        Map<String, List<String>> attributes = definition == null ? Map.of()
                : attributes(form, definition, errors);

        if (!errors.isEmpty()) {
            return new Parsed.Invalid<>(errors);
        }
        return new Parsed.Valid<>(new PostedRequest(apiKey, serviceCode, lat, lon, addressString, addressId,
                description, mediaUrl, email, deviceId, accountId, firstName, lastName, phone, attributes));
    }

    /**
     * The form's {@code attribute[CODE]} values checked against the definition: every variable required attribute
     * present, one value unless a multivaluelist, numbers and datetimes readable, list values among the keys, no
     * code the service does not have. Values sent for a non-variable (information-only) attribute are dropped.
     */
    private Map<String, List<String>> attributes(Map<String, List<String>> form, ServiceDefinition definition,
                                                 List<Open311Error> errors) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                List<String> nonBlank = values == null ? List.of()
                        : values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
                sent.merge(m.group(1), nonBlank, (a, b) -> {
                    List<String> both = new ArrayList<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        });
        for (String code : sent.keySet()) {
            if (definition.attribute(code).isEmpty()) {
                errors.add(Open311Error.badRequest("attribute[" + code + "] is not an attribute of service "
                        + definition.serviceCode()));
            }
        }
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (ServiceDefinition.Attribute attribute : definition.attributes()) {
            if (!attribute.variable()) {
                continue;
            }
            String field = "attribute[" + attribute.code() + "]";
            List<String> values = List.copyOf(new LinkedHashSet<>(sent.getOrDefault(attribute.code(), List.of())));
            if (values.isEmpty()) {
                if (attribute.required()) {
                    errors.add(Open311Error.badRequest(field + " is required"));
                }
                continue;
            }
            if (values.size() > 1 && attribute.datatype() != ServiceDefinition.Datatype.MULTIVALUELIST) {
                errors.add(Open311Error.badRequest(field + " takes one value, not " + values.size()));
                continue;
            }
            boolean ok = true;
            for (String value : values) {
                ok &= checkValue(field, attribute, value, errors);
            }
            if (ok) {
                accepted.put(attribute.code(), values);
            }
        }
        return accepted;
    }

    private boolean checkValue(String field, ServiceDefinition.Attribute attribute, String value,
                               List<Open311Error> errors) {
        switch (attribute.datatype()) {
            case NUMBER -> {
                try {
                    new BigDecimal(value);
                } catch (NumberFormatException e) {
                    errors.add(Open311Error.badRequest(field + " must be a number"));
                    return false;
                }
            }
            case DATETIME -> {
                if (values.datetime(field, value, false, errors) == null) {
                    return false;
                }
            }
            case SINGLEVALUELIST, MULTIVALUELIST -> {
                if (!attribute.hasKey(value)) {
                    errors.add(Open311Error.badRequest(field + ": " + value + " is not one of "
                            + attribute.values().stream().map(ServiceDefinition.Value::key)
                            .collect(Collectors.joining(", "))));
                    return false;
                }
            }
            case STRING, TEXT -> {
                if (value.length() > (attribute.datatype() == ServiceDefinition.Datatype.STRING ? MAX_SHORT
                        : ServiceRequest.MAX_DESCRIPTION)) {
                    errors.add(Open311Error.badRequest(field + " is too long"));
                    return false;
                }
            }
        }
        return true;
    }
}
