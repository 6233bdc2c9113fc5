package vn.govhub.connectors.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads what Open311 clients send: the form of {@code POST requests.{fmt}} and the filters of
 * {@code GET requests.{fmt}}, both already URL-decoded by the caller into name → values. Every problem is reported
 * (not only the first) as a 400 {@link Open311Error} naming the field; nothing here authenticates the
 * {@code api_key} or looks anything up besides the service definition the caller supplies.
 *
 * <p>Datetimes are ISO 8601. One with an offset is taken as is; one without (or a bare date) is read in the
 * jurisdiction's zone. A {@code +} of an offset that a client forgot to percent-encode arrives decoded as a space
 * and is read as {@code +}.
 *
 * <p>The fields are read by {@link FormFields} and their typed values by {@link FieldValues}; a posted request,
 * with its service's attributes, is checked by {@link PostedRequestReader}.
 */
public final class GeoReportRequests {

    private final Clock clock;
    private final FieldValues values;
    private final PostedRequestReader posted;

    /** Reads local datetimes in {@link GeoReportWriter#VIETNAM}; the default window ends now. */
    public GeoReportRequests() {
        this(GeoReportWriter.VIETNAM, Clock.systemUTC());
    }

    /**
     * @param zone  the zone of datetimes sent without an offset
     * @param clock "now", the end of the default search window
     */
    public GeoReportRequests(ZoneId zone, Clock clock) {
        this.values = new FieldValues(Objects.requireNonNull(zone, "zone"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.posted = new PostedRequestReader(values);
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
        return posted.read(form, definitions);
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
        FormFields fields = new FormFields(params, errors);

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
        Instant start = values.datetime("start_date", fields.single("start_date", FormFields.MAX_SHORT), false, errors);
        Instant end = values.datetime("end_date", fields.single("end_date", FormFields.MAX_SHORT), true, errors);
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
}
