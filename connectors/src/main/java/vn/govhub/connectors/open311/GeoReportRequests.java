package vn.govhub.connectors.open311;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.govhub.text.VietnameseText;

/**
 * Reads what Open311 clients send: the form of {@code POST requests.{fmt}} and the filters of
 * {@code GET requests.{fmt}}, both already URL-decoded by the caller into name → values. Every problem is reported
 * (not only the first) as a 400 {@link Open311Error} naming the field; nothing here authenticates the
 * {@code api_key} or looks anything up besides the service definition the caller supplies.
 *
 * <p>Datetimes are ISO 8601. One with an offset is taken as is; one without (or a bare date) is read in the
 * jurisdiction's zone. A {@code +} of an offset that a client forgot to percent-encode arrives decoded as a space
 * and is read as {@code +}.
 */
public final class GeoReportRequests {

    /** Longest accepted value of the short fields (names, phone, email, ids). */
    static final int MAX_SHORT = 255;
    /** Longest accepted {@code address_string}. */
    static final int MAX_ADDRESS = 1000;

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)](?:\\[])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,30}");
    /** A datetime whose offset sign was decoded from {@code +} to a space. */
    private static final Pattern SPACED_OFFSET = Pattern.compile("(.*T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}:?\\d{2})");

    private final ZoneId zone;
    private final Clock clock;

    /** Reads local datetimes in {@link GeoReportWriter#VIETNAM}; the default window ends now. */
    public GeoReportRequests() {
        this(GeoReportWriter.VIETNAM, Clock.systemUTC());
    }

    /**
     * @param zone  the zone of datetimes sent without an offset
     * @param clock "now", the end of the default search window
     */
    public GeoReportRequests(ZoneId zone, Clock clock) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads and checks a posted service request.
     *
     * @param form        the decoded form fields; a field may repeat ({@code attribute[CODE]} of a multivaluelist)
     * @param definitions the definition of each service the jurisdiction offers, by service code; empty for an
     *                    unknown code. A service without attributes has {@link ServiceDefinition#none(String)}.
     */
    public Parsed<PostedRequest> parseCreate(Map<String, List<String>> form,
                                             Function<String, Optional<ServiceDefinition>> definitions) {
        Objects.requireNonNull(form, "form");
        List<Open311Error> errors = new ArrayList<>();
        Fields fields = new Fields(form, errors);

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
                lat = coordinate("lat", latText, 90, errors);
                lon = coordinate("long", longText, 180, errors);
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
     * Reads and checks the filters of a request search. With {@code service_request_id} (comma-separated, may
     * repeat) the answer is a {@link RequestQuery.ById} and the other filters are ignored, as the specification
     * says. Otherwise: {@code service_code} and {@code status} (comma-separated, may repeat), and a window of at
     * most 90 days: both ends given, or one end and 90 days from it, or the last 90 days.
     */
    public Parsed<RequestQuery> parseQuery(Map<String, List<String>> params) {
        Objects.requireNonNull(params, "params");
        List<Open311Error> errors = new ArrayList<>();
        Fields fields = new Fields(params, errors);

        List<String> ids = fields.commaList("service_request_id");
        if (!ids.isEmpty()) {
            return new Parsed.Valid<>(new RequestQuery.ById(ids));
        }
        List<String> serviceCodes = fields.commaList("service_code");
        Set<ServiceRequest.Status> statuses = EnumSet.noneOf(ServiceRequest.Status.class);
        for (String status : fields.commaList("status")) {
            try {
                statuses.add(ServiceRequest.Status.ofWire(status));
            } catch (IllegalArgumentException e) {
                errors.add(Open311Error.badRequest("status " + status + " is not one of open, closed"));
            }
        }
        Instant start = datetime("start_date", fields.single("start_date", MAX_SHORT), false, errors);
        Instant end = datetime("end_date", fields.single("end_date", MAX_SHORT), true, errors);
        if (errors.isEmpty()) {
            if (start == null && end == null) {
                end = clock.instant();
            }
            if (start == null) {
                start = end.minus(RequestQuery.MAX_WINDOW);
            } else if (end == null) {
                end = start.plus(RequestQuery.MAX_WINDOW);
            }
            if (end.isBefore(start)) {
                errors.add(Open311Error.badRequest("end_date is before start_date"));
            } else if (Duration.between(start, end).compareTo(RequestQuery.MAX_WINDOW) > 0) {
                errors.add(Open311Error.badRequest("start_date and end_date may be at most "
                        + RequestQuery.MAX_WINDOW.toDays() + " days apart"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed.Invalid<>(errors);
        }
        return new Parsed.Valid<>(new RequestQuery.Search(serviceCodes, start, end, statuses));
    }

    private static Double coordinate(String field, String text, double limit, List<Open311Error> errors) {
        double value;
        try {
            value = new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            errors.add(Open311Error.badRequest(field + " must be a decimal number of degrees"));
            return null;
        }
        if (value < -limit || value > limit) {
            errors.add(Open311Error.badRequest(field + " must be within -" + (int) limit + ".." + (int) limit));
            return null;
        }
        return value;
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
                if (datetime(field, value, false, errors) == null) {
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

    /**
     * An ISO 8601 datetime: with an offset, or local (in the jurisdiction's zone), or a bare date (its first
     * instant, or its last one if {@code endOfDay}). Null if {@code text} is null or cannot be read (then an error
     * naming {@code field} is added).
     */
    private Instant datetime(String field, String text, boolean endOfDay, List<Open311Error> errors) {
        if (text == null) {
            return null;
        }
        Matcher spaced = SPACED_OFFSET.matcher(text);
        String iso = spaced.matches() ? spaced.group(1) + "+" + spaced.group(2) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate date = LocalDate.parse(iso);
                    return endOfDay ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                            : date.atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    errors.add(Open311Error.badRequest(field + " must be an ISO 8601 datetime such as "
                            + "2026-11-28T10:15:30+07:00"));
                    return null;
                }
            }
        }
    }

    /** Single-valued fields of a form: trimmed, blank as absent, repeated with different values refused. */
    private record Fields(Map<String, List<String>> form, List<Open311Error> errors, Set<String> refusedNames) {

        Fields(Map<String, List<String>> form, List<Open311Error> errors) {
            this(form, errors, new HashSet<>());
        }

        /** Whether {@code name} was present but refused (its error is already reported). */
        boolean refused(String name) {
            return refusedNames.contains(name);
        }

        String single(String name, int maxLength) {
            List<String> values = form.getOrDefault(name, List.of());
            List<String> distinct = values == null ? List.of() : values.stream().filter(Objects::nonNull)
                    .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
            if (distinct.isEmpty()) {
                return null;
            }
            if (distinct.size() > 1) {
                errors.add(Open311Error.badRequest(name + " is given more than once"));
                refusedNames.add(name);
                return null;
            }
            String value = distinct.get(0);
            if (value.length() > maxLength) {
                errors.add(Open311Error.badRequest(name + " is longer than " + maxLength + " characters"));
                refusedNames.add(name);
                return null;
            }
            return value;
        }

        /** Comma-separated values, the field possibly repeated: trimmed, blanks and repeats dropped. */
        List<String> commaList(String name) {
            List<String> values = form.getOrDefault(name, List.of());
            if (values == null) {
                return List.of();
            }
            return values.stream().filter(Objects::nonNull).flatMap(v -> Pattern.compile(",").splitAsStream(v))
                    .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        }
    }
}
