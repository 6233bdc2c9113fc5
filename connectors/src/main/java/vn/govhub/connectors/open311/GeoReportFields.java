package vn.govhub.connectors.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one description of each GeoReport object's fields, in the specification's order, that both the JSON and
 * the XML rendering are made from: that is what keeps the two formats carrying the same fields in the same order.
 * Absent optional fields are simply not in the list.
 */
final class GeoReportFields {

    private final ZoneId zone;

    /** @param zone the offset datetimes are written with */
    GeoReportFields(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code instant} as the wire shows it: ISO 8601 with the jurisdiction's offset, whole seconds. */
    String datetime(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    List<Field> of(Service s) {
        Fields f = new Fields();
        f.add("service_code", s.serviceCode());
        f.add("service_name", s.serviceName());
        f.add("description", s.description());
        f.add("metadata", s.metadata());
        f.add("type", s.type().wire());
        f.add("keywords", s.keywords().isEmpty() ? null : String.join(", ", s.keywords()));
        f.add("group", s.group());
        return f.list;
    }

    List<Field> of(ServiceDefinition d) {
        Fields f = new Fields();
        f.add("service_code", d.serviceCode());
        f.add("attributes", new Items("attribute", d.attributes().stream().map(this::of).toList()));
        return f.list;
    }

    List<Field> of(ServiceDefinition.Attribute a) {
        Fields f = new Fields();
        f.add("variable", a.variable());
        f.add("code", a.code());
        f.add("datatype", a.datatype().wire());
        f.add("required", a.required());
        f.add("datatype_description", a.datatypeDescription());
        f.add("order", a.order());
        f.add("description", a.description());
        if (a.datatype().isList()) {
            f.add("values", new Items("value", a.values().stream().map(v -> {
                Fields value = new Fields();
                value.add("key", v.key());
                value.add("name", v.name());
                return value.list;
            }).toList()));
        }
        return f.list;
    }

    List<Field> of(ServiceRequest r) {
        Fields f = new Fields();
        f.add("service_request_id", r.serviceRequestId());
        f.add("status", r.status().wire());
        f.add("status_notes", r.statusNotes());
        f.add("service_name", r.serviceName());
        f.add("service_code", r.serviceCode());
        f.add("description", r.description());
        f.add("agency_responsible", r.agencyResponsible());
        f.add("service_notice", r.serviceNotice());
        f.add("requested_datetime", datetime(r.requestedAt()));
        f.add("updated_datetime", r.updatedAt() == null ? null : datetime(r.updatedAt()));
        f.add("expected_datetime", r.expectedAt() == null ? null : datetime(r.expectedAt()));
        f.add("address", r.address());
        f.add("address_id", r.addressId());
        f.add("zipcode", r.zipcode());
        f.add("lat", r.lat());
        f.add("long", r.lon());
        f.add("media_url", r.mediaUrl());
        return f.list;
    }

    List<Field> of(RequestCreated c) {
        Fields f = new Fields();
        f.add("service_request_id", c.serviceRequestId());
        f.add("token", c.token());
        f.add("service_notice", c.serviceNotice());
        f.add("account_id", c.accountId());
        return f.list;
    }

    List<Field> of(TokenAnswer t) {
        Fields f = new Fields();
        f.add("service_request_id", t.serviceRequestId());
        f.add("token", t.token());
        return f.list;
    }

    List<Field> of(Open311Error e) {
        Fields f = new Fields();
        f.add("code", e.code());
        f.add("description", e.description());
        return f.list;
    }

    /**
     * A named value: String, Boolean, Integer, Double or {@link Items}. Null values are never added.
     */
    record Field(String name, Object value) {
    }

    /** A nested list: a JSON array; in XML, the field's element wrapping one {@code element} per item. */
    record Items(String element, List<List<Field>> items) {
    }

    private static final class Fields {
        final List<Field> list = new ArrayList<>();

        void add(String name, Object value) {
            if (value != null) {
                list.add(new Field(name, value));
            }
        }
    }
}
