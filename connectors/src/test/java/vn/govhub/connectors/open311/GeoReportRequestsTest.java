package vn.govhub.connectors.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeoReportRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

    private final GeoReportRequests requests =
            new GeoReportRequests(GeoReportWriter.VIETNAM, Clock.fixed(NOW, ZoneOffset.UTC));

    /** The jurisdiction's catalogue: ORG-HOLE with attributes, LIGHT without. */
    private final Function<String, Optional<ServiceDefinition>> catalogue = code -> switch (code) {
        case "ORG-HOLE" -> Optional.of(Samples.potholeDefinition());
        case "LIGHT" -> Optional.of(ServiceDefinition.none("LIGHT"));
        default -> Optional.empty();
    };

    /** A form builder: {@code form("a", "1", "b", "2")}; a name may repeat. */
    private static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return form;
    }

    /** A valid post for ORG-HOLE, plus {@code extra} fields. */
    private static Map<String, List<String>> pothole(String... extra) {
        Map<String, List<String>> form = form("api_key", "key-1", "service_code", "ORG-HOLE", "lat", "16.4637",
                "long", "107.5909", "attribute[SIZE]", "L");
        form.putAll(form(extra));
        return form;
    }

    private static List<String> errorsOf(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        List<Open311Error> errors = ((Parsed.Invalid<?>) parsed).errors();
        assertThat(errors).allSatisfy(e -> assertThat(e.code()).isEqualTo(400));
        return errors.stream().map(Open311Error::description).toList();
    }

    private static <T> T valueOf(Parsed<T> parsed) {
        assertThat(parsed).as("%s", parsed).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<T>) parsed).value();
    }


    @Test
    void aCompletePostIsRead() {
        PostedRequest posted = valueOf(requests.parseCreate(pothole(
                "description", "  Ổ gà lớn trước số 12 Lê Lợi ", "media_url", "https://img.example.vn/a.jpg",
                "email", "an@example.vn", "phone", "+84 912 345 678", "first_name", "An", "last_name", "Nguyễn",
                "device_id", "dev-1", "account_id", "zalo-9", "attribute[LANES]", "CAR",
                "attribute[LANES]", "MOTO", "attribute[DEPTH]", "12.5", "attribute[SEEN]", "2026-11-28T07:30:00+07:00",
                "attribute[PLATE]", "75A-123.45"), catalogue));
        assertThat(posted.apiKey()).isEqualTo("key-1");
        assertThat(posted.serviceCode()).isEqualTo("ORG-HOLE");
        assertThat(posted.lat()).isEqualTo(16.4637);
        assertThat(posted.lon()).isEqualTo(107.5909);
        assertThat(posted.description()).isEqualTo("Ổ gà lớn trước số 12 Lê Lợi");
        assertThat(posted.attributes()).containsExactly(Map.entry("SIZE", List.of("L")),
                Map.entry("LANES", List.of("CAR", "MOTO")), Map.entry("DEPTH", List.of("12.5")),
                Map.entry("SEEN", List.of("2026-11-28T07:30:00+07:00")), Map.entry("PLATE", List.of("75A-123.45")));
        assertThat(posted.toString()).doesNotContain("Nguyễn", "912", "an@example.vn", "Lê Lợi");
    }

    @Test
    void anAddressAloneIsALocation() {
        PostedRequest posted = valueOf(requests.parseCreate(
                form("service_code", "LIGHT", "address_string", "12 Lê Lợi, Huế"), catalogue));
        assertThat(posted.hasCoordinates()).isFalse();
        assertThat(posted.addressString()).isEqualTo("12 Lê Lợi, Huế");
        assertThat(valueOf(requests.parseCreate(form("service_code", "LIGHT", "address_id", "A-1"), catalogue))
                .addressId()).isEqualTo("A-1");
    }

    @Test
    void missingServiceCodeIsRefused() {
        assertThat(errorsOf(requests.parseCreate(form("address_string", "12 Lê Lợi"), catalogue)))
                .containsExactly("service_code is required");
        assertThat(errorsOf(requests.parseCreate(form("service_code", "  ", "address_string", "x"), catalogue)))
                .containsExactly("service_code is required");
    }

    @Test
    void unknownServiceCodeIsRefused() {
        assertThat(errorsOf(requests.parseCreate(form("service_code", "NOPE", "address_string", "x"), catalogue)))
                .containsExactly("service_code NOPE is not a service of this jurisdiction");
    }

    @Test
    void aPostWithoutLocationIsRefused() {
        assertThat(errorsOf(requests.parseCreate(form("service_code", "LIGHT", "description", "tối om"), catalogue)))
                .containsExactly("a location is required: lat and long, address_string or address_id");
    }

    @Test
    void latWithoutLongIsRefused() {
        assertThat(errorsOf(requests.parseCreate(form("service_code", "LIGHT", "lat", "16.4"), catalogue)))
                .containsExactly("lat and long go together: long is missing");
    }

    @Test
    void coordinatesMustBeNumbersOnTheGlobe() {
        assertThat(errorsOf(requests.parseCreate(form("service_code", "LIGHT", "lat", "16,4", "long", "181"),
                catalogue))).containsExactly("lat must be a decimal number of degrees", "long must be within -180..180");
    }

    @Test
    void aDescriptionOf4000CharactersIsAcceptedAnd4001Refused() {
        assertThat(valueOf(requests.parseCreate(pothole("description", "ệ".repeat(4000)), catalogue))
                .description()).hasSize(4000);
        assertThat(errorsOf(requests.parseCreate(pothole("description", "a".repeat(4001)), catalogue)))
                .containsExactly("description is 4001 characters long; at most 4000 are accepted");
    }

    @Test
    void descriptionIsCountedInComposedCharacters() {
        // "ệ" decomposed is three code points; a client sending NFD must not be refused for it
        String decomposed = "e\u0323\u0302".repeat(4000);
        assertThat(valueOf(requests.parseCreate(pothole("description", decomposed), catalogue)).description())
                .isEqualTo("ệ".repeat(4000));
    }

    @Test
    void aValueOutsideTheListIsRefused() {
        Map<String, List<String>> form = pothole("attribute[LANES]", "BOAT");
        form.put("attribute[SIZE]", List.of("XL"));
        assertThat(errorsOf(requests.parseCreate(form, catalogue))).containsExactly(
                "attribute[SIZE]: XL is not one of S, L", "attribute[LANES]: BOAT is not one of CAR, MOTO, WALK");
    }

    @Test
    void aMissingRequiredAttributeIsRefused() {
        Map<String, List<String>> form = pothole();
        form.remove("attribute[SIZE]");
        assertThat(errorsOf(requests.parseCreate(form, catalogue))).containsExactly("attribute[SIZE] is required");
        form.put("attribute[SIZE]", List.of(" "));
        assertThat(errorsOf(requests.parseCreate(form, catalogue))).containsExactly("attribute[SIZE] is required");
    }

    @Test
    void aSingleValueListTakesOneValue() {
        Map<String, List<String>> form = pothole();
        form.put("attribute[SIZE]", List.of("S", "L"));
        assertThat(errorsOf(requests.parseCreate(form, catalogue)))
                .containsExactly("attribute[SIZE] takes one value, not 2");
    }

    @Test
    void aNumberAttributeMustParse() {
        assertThat(errorsOf(requests.parseCreate(pothole("attribute[DEPTH]", "mười"), catalogue)))
                .containsExactly("attribute[DEPTH] must be a number");
    }

    @Test
    void aDatetimeAttributeMustParse() {
        assertThat(errorsOf(requests.parseCreate(pothole("attribute[SEEN]", "hôm qua"), catalogue)))
                .containsExactly("attribute[SEEN] must be an ISO 8601 datetime such as 2026-11-28T10:15:30+07:00");
    }

    @Test
    void anAttributeTheServiceDoesNotHaveIsRefused() {
        assertThat(errorsOf(requests.parseCreate(pothole("attribute[COLOUR]", "red"), catalogue)))
                .containsExactly("attribute[COLOUR] is not an attribute of service ORG-HOLE");
        assertThat(errorsOf(requests.parseCreate(
                form("service_code", "LIGHT", "address_id", "A-1", "attribute[SIZE]", "L"), catalogue)))
                .containsExactly("attribute[SIZE] is not an attribute of service LIGHT");
    }

    @Test
    void valuesForAnInformationOnlyAttributeAreDropped() {
        PostedRequest posted = valueOf(requests.parseCreate(pothole("attribute[NOTE]", "x"), catalogue));
        assertThat(posted.attributes()).doesNotContainKey("NOTE");
    }

    @Test
    void theBracketedArrayFormOfAMultiValueListIsRead() {
        PostedRequest posted = valueOf(requests.parseCreate(
                pothole("attribute[LANES][]", "CAR", "attribute[LANES][]", "WALK"), catalogue));
        assertThat(posted.attributes().get("LANES")).containsExactly("CAR", "WALK");
    }

    @Test
    void mediaUrlEmailAndPhoneMustBeWhatTheySay() {
        assertThat(errorsOf(requests.parseCreate(pothole("media_url", "javascript:alert(1)", "email", "an@",
                "phone", "gọi tôi"), catalogue))).containsExactly("media_url must be an absolute http or https URL",
                "email is not an email address", "phone is not a phone number");
    }

    @Test
    void aSingleFieldGivenTwiceWithDifferentValuesIsRefused() {
        Map<String, List<String>> form = pothole();
        form.put("service_code", List.of("ORG-HOLE", "LIGHT"));
        assertThat(errorsOf(requests.parseCreate(form, catalogue)))
                .containsExactly("service_code is given more than once");
    }

    @Test
    void overlongShortFieldsAreRefused() {
        assertThat(errorsOf(requests.parseCreate(pothole("first_name", "A".repeat(256)), catalogue)))
                .containsExactly("first_name is longer than 255 characters");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(errorsOf(requests.parseCreate(form("description", "x".repeat(4001), "email", "no"), catalogue)))
                .hasSize(4);
    }


    @Test
    void noFiltersMeanTheLast90DaysOfEverything() {
        RequestQuery.Search search = (RequestQuery.Search) valueOf(requests.parseQuery(Map.of()));
        assertThat(search.end()).isEqualTo(NOW);
        assertThat(search.start()).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(search.serviceCodes()).isEmpty();
        assertThat(search.statuses()).isEmpty();
    }

    @Test
    void requestIdsOverrideEveryOtherFilter() {
        RequestQuery query = valueOf(requests.parseQuery(form("service_request_id", "HUE-1, HUE-2",
                "service_request_id", "HUE-3", "status", "pending", "start_date", "garbage")));
        assertThat(query).isEqualTo(new RequestQuery.ById(List.of("HUE-1", "HUE-2", "HUE-3")));
        assertThat(query.matches(Samples.fullRequest())).isFalse();
    }

    @Test
    void serviceCodesAndStatusesAreCommaSeparated() {
        RequestQuery.Search search = (RequestQuery.Search) valueOf(requests.parseQuery(
                form("service_code", "ORG-HOLE,LIGHT", "status", "open, closed")));
        assertThat(search.serviceCodes()).containsExactly("ORG-HOLE", "LIGHT");
        assertThat(search.statuses()).containsExactlyInAnyOrder(ServiceRequest.Status.OPEN,
                ServiceRequest.Status.CLOSED);
    }

    @Test
    void aBadStatusIsRefused() {
        assertThat(errorsOf(requests.parseQuery(form("status", "open,pending"))))
                .containsExactly("status pending is not one of open, closed");
    }

    @Test
    void aWindowOfMoreThan90DaysIsRefused() {
        assertThat(errorsOf(requests.parseQuery(form("start_date", "2026-08-01T00:00:00+07:00",
                "end_date", "2026-10-30T00:00:01+07:00"))))
                .containsExactly("start_date and end_date may be at most 90 days apart");
        RequestQuery.Search exactly90 = (RequestQuery.Search) valueOf(requests.parseQuery(form(
                "start_date", "2026-08-01T00:00:00+07:00", "end_date", "2026-10-30T00:00:00+07:00")));
        assertThat(Duration.between(exactly90.start(), exactly90.end())).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThat(errorsOf(requests.parseQuery(form("start_date", "2026-11-02T00:00:00Z",
                "end_date", "2026-11-01T00:00:00Z")))).containsExactly("end_date is before start_date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"28/11/2026", "yesterday", "2026-13-01T00:00:00Z"})
    void anUnreadableDateIsRefused(String date) {
        assertThat(errorsOf(requests.parseQuery(form("start_date", date))))
                .containsExactly("start_date must be an ISO 8601 datetime such as 2026-11-28T10:15:30+07:00");
    }

    @Test
    void oneEndGivenMeans90DaysFromIt() {
        RequestQuery.Search fromStart = (RequestQuery.Search) valueOf(requests.parseQuery(
                form("start_date", "2026-09-01T00:00:00Z")));
        assertThat(fromStart.end()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        RequestQuery.Search toEnd = (RequestQuery.Search) valueOf(requests.parseQuery(
                form("end_date", "2026-11-30T00:00:00Z")));
        assertThat(toEnd.start()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
    }

    @Test
    void datesWithoutOffsetAreVietnameseTimeAndADecodedPlusIsAPlus() {
        RequestQuery.Search search = (RequestQuery.Search) valueOf(requests.parseQuery(form(
                "start_date", "2026-11-01", "end_date", "2026-11-28T10:15:30 07:00")));
        assertThat(search.start()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(search.end()).isEqualTo(Instant.parse("2026-11-28T03:15:30Z"));
        RequestQuery.Search endDay = (RequestQuery.Search) valueOf(requests.parseQuery(form(
                "start_date", "2026-11-01T00:00:00", "end_date", "2026-11-28")));
        assertThat(endDay.start()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(endDay.end()).isEqualTo(Instant.parse("2026-11-28T16:59:59.999999999Z"));
    }

    @Test
    void aSearchMatchesByServiceStatusAndWindow() {
        RequestQuery.Search search = (RequestQuery.Search) valueOf(requests.parseQuery(form(
                "service_code", "ORG-HOLE", "status", "closed", "start_date", "2026-11-28T10:15:30+07:00",
                "end_date", "2026-11-29T00:00:00+07:00")));
        assertThat(search.matches(Samples.fullRequest())).isTrue();
        assertThat(search.matches(Samples.bareRequest())).isFalse(); // LIGHT, open
    }
}
