package vn.govhub.feedback;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.ApiException;
import vn.govhub.api.Texts;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.open311.Discovery;
import vn.govhub.connectors.open311.GeoReportFormat;
import vn.govhub.connectors.open311.GeoReportRequests;
import vn.govhub.connectors.open311.GeoReportWriter;
import vn.govhub.connectors.open311.Open311Error;
import vn.govhub.connectors.open311.Parsed;
import vn.govhub.connectors.open311.PostedRequest;
import vn.govhub.connectors.open311.RequestCreated;
import vn.govhub.connectors.open311.RequestQuery;
import vn.govhub.connectors.open311.Service;
import vn.govhub.connectors.open311.ServiceDefinition;
import vn.govhub.connectors.open311.ServiceRequest;
import vn.govhub.connectors.open311.TokenAnswer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}: the province's feedback categories as services, reports as service
 * requests, in XML (required by the standard) and JSON. {@code jurisdiction_id} is the province id (optional when one
 * province serves Open311). Requests POSTed here go through the same checks and routing as the mini app's; Open311
 * requests are public by the standard's design, so they are published (never the sender's name, phone or e-mail),
 * and {@code GET requests} lists only published reports. Errors are the standard's error lists with 400, 403 or 404.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private final ProvinceRegistry provinces;
    private final FeedbackIntake intake;
    private final FeedbackStore store;
    private final GeoReportWriter writer = new GeoReportWriter();
    private final GeoReportRequests requests;
    private final FeedbackProperties settings;
    private final Texts texts;

    Open311Controller(ProvinceRegistry provinces, FeedbackIntake intake, FeedbackStore store, FeedbackProperties settings,
                      Texts texts, Clock clock) {
        this.provinces = provinces;
        this.intake = intake;
        this.store = store;
        this.settings = settings;
        this.texts = texts;
        this.requests = new GeoReportRequests(GeoReportWriter.VIETNAM, clock);
    }

    /** Thrown to answer with the standard's error list. */
    private static final class Refused extends RuntimeException {
        private final int status;
        private final List<Open311Error> errors;

        Refused(int status, List<Open311Error> errors) {
            super(null, null, false, false);
            this.status = status;
            this.errors = errors;
        }
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(HttpServletRequest request, @PathVariable String format) {
        GeoReportFormat fmt = format(format);
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.indexOf("/open311/v2") + "/open311/v2".length()) + "/";
        Discovery discovery = new Discovery(writer.datetime(provinces.snapshot().loadedAt()), texts.get("open311.contact"),
                texts.get("open311.key-service"), base);
        return answer(fmt, 200, writer.discovery(discovery, fmt));
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(HttpServletRequest request, @PathVariable String format) {
        GeoReportFormat fmt = format(format);
        return handle(fmt, () -> {
            ProvinceProperties province = jurisdiction(request);
            List<Service> services = FeedbackSection.of(province).categories().stream().map(Open311Controller::service).toList();
            return writer.services(services, fmt);
        });
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(HttpServletRequest request, @PathVariable String code, @PathVariable String format) {
        GeoReportFormat fmt = format(format);
        return handle(fmt, () -> {
            ProvinceProperties province = jurisdiction(request);
            ServiceDefinition definition = definition(province, code)
                    .orElseThrow(() -> new Refused(404, List.of(Open311Error.notFound("service_code " + code + " is not a service here"))));
            return writer.serviceDefinition(definition, fmt);
        });
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<String> create(HttpServletRequest request, @PathVariable String format) {
        GeoReportFormat fmt = format(format);
        ResponseEntity<String> answer = handle(fmt, () -> {
            ProvinceProperties province = jurisdiction(request);
            Map<String, List<String>> form = form(request);
            String key = first(form, "api_key");
            if (key == null || FeedbackSection.of(province).open311().apiKeys().stream().noneMatch(k -> MessageDigest.isEqual(
                    k.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)))) {
                throw new Refused(403, List.of(Open311Error.forbidden("api_key is missing or not valid")));
            }
            PostedRequest posted = valid(requests.parseCreate(form, code -> definition(province, code)));
            FeedbackViews.Accepted accepted;
            try {
                accepted = intake.submit(province.id(), FeedbackIntake.Sender.open311(), submission(province, posted), List.of(), null,
                        posted.mediaUrl());
            } catch (ApiException e) {
                throw new Refused(e.status() == 429 ? 429 : 400, e.errors().isEmpty() ? List.of(new Open311Error(400, e.getMessage()))
                        : e.errors().stream().map(p -> Open311Error.badRequest(open311Field(p.field()) + " " + p.message())).toList());
            }
            return writer.created(List.of(RequestCreated.withId(accepted.reference(), texts.get("open311.routed", accepted.agency()))), fmt);
        });
        return answer.getStatusCode().value() == 200 ? ResponseEntity.status(201).headers(answer.getHeaders()).body(answer.getBody()) : answer;
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> list(HttpServletRequest request, @PathVariable String format) {
        GeoReportFormat fmt = format(format);
        return handle(fmt, () -> {
            ProvinceProperties province = jurisdiction(request);
            RequestQuery query = valid(requests.parseQuery(form(request)));
            List<ServiceRequest> found = new ArrayList<>();
            if (query instanceof RequestQuery.ById byId) {
                for (String id : byId.serviceRequestIds()) {
                    store.byReference(province.id(), id).filter(FeedbackStore.Report::publish).map(r -> request(province, r)).ifPresent(found::add);
                }
            } else if (query instanceof RequestQuery.Search search) {
                List<FeedbackStatus> statuses = search.statuses().isEmpty() ? null : Arrays.stream(FeedbackStatus.values())
                        .filter(s -> search.statuses().contains(ServiceRequest.Status.ofWire(s.open311()))).toList();
                for (FeedbackStore.Report r : store.list(new FeedbackStore.Filter(province.id(), null, statuses, null, null, null,
                        null, true, search.start(), search.end(), 1000))) {
                    ServiceRequest sr = request(province, r);
                    if (search.matches(sr)) {
                        found.add(sr);
                    }
                }
            }
            return writer.requests(found, fmt);
        });
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> one(HttpServletRequest request, @PathVariable String id, @PathVariable String format) {
        GeoReportFormat fmt = format(format);
        return handle(fmt, () -> {
            ProvinceProperties province = jurisdiction(request);
            FeedbackStore.Report r = store.byReference(province.id(), id).filter(FeedbackStore.Report::publish)
                    .orElseThrow(() -> new Refused(404, List.of(Open311Error.notFound("service_request_id " + id + " not found"))));
            return writer.requests(List.of(request(province, r)), fmt);
        });
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(HttpServletRequest request, @PathVariable String token, @PathVariable String format) {
        GeoReportFormat fmt = format(format);
        return handle(fmt, () -> {
            ProvinceProperties province = jurisdiction(request);
            FeedbackStore.Report r = store.find(token).filter(x -> x.province().equals(province.id()) && "OPEN311".equals(x.channel()))
                    .orElseThrow(() -> new Refused(404, List.of(Open311Error.notFound("token " + token + " not found"))));
            return writer.tokens(List.of(new TokenAnswer(token, r.reference())), fmt);
        });
    }

    // --- mapping

    private static Service service(FeedbackSection.Category c) {
        return new Service(c.code(), c.name(), c.description(), !c.attributes().isEmpty(), Service.Type.REALTIME,
                c.keywords().stream().map(k -> k.replace(",", " ")).toList(), c.group());
    }

    private static Optional<ServiceDefinition> definition(ProvinceProperties province, String code) {
        FeedbackSection.Category category = FeedbackSection.of(province).category(code);
        if (category == null) {
            return Optional.empty();
        }
        List<ServiceDefinition.Attribute> attributes = new ArrayList<>();
        int order = 1;
        for (FeedbackSection.Attribute a : category.attributes()) {
            ServiceDefinition.Datatype datatype = ServiceDefinition.Datatype.valueOf(a.datatype().toUpperCase());
            List<ServiceDefinition.Value> values = a.values().entrySet().stream()
                    .map(e -> new ServiceDefinition.Value(e.getKey(), e.getValue())).toList();
            attributes.add(new ServiceDefinition.Attribute(true, a.code(), datatype, a.required(), null, order++, a.description(), values));
        }
        return Optional.of(new ServiceDefinition(code, attributes));
    }

    private static FeedbackRequests.Submission submission(ProvinceProperties province, PostedRequest p) {
        FeedbackSection.Category category = FeedbackSection.of(province).category(p.serviceCode());
        String description = p.description() == null || p.description().isBlank() ? category.name() : p.description();
        String title = category.name() + ": " + (description.length() > 80 ? description.substring(0, 77) + "..." : description);
        String name = String.join(" ", java.util.stream.Stream.of(p.lastName(), p.firstName())
                .filter(s -> s != null && !s.isBlank()).toList());
        FeedbackRequests.Contact contact = name.isEmpty() && p.phone() == null && p.email() == null ? null
                : new FeedbackRequests.Contact(name.isEmpty() ? null : name, p.phone(), p.email());
        Map<String, Object> attributes = new LinkedHashMap<>();
        p.attributes().forEach((code, values) -> attributes.put(code, values.size() == 1 ? values.get(0) : values));
        String address = p.addressString() != null ? p.addressString() : null;
        return new FeedbackRequests.Submission(p.serviceCode(), title, description,
                new FeedbackRequests.Location(p.lat(), p.lon(), address, p.addressId()), false, true, false, contact, attributes);
    }

    private ServiceRequest request(ProvinceProperties province, FeedbackStore.Report r) {
        FeedbackSection.Category category = FeedbackSection.of(province).category(r.category());
        FeedbackSection.Agency agency = FeedbackSection.of(province).agency(r.agency());
        String notes = r.answer() != null ? r.answer() : switch (r.status()) {
            case RECEIVED -> texts.get("open311.notes.received");
            case IN_PROGRESS -> texts.get("open311.notes.in-progress");
            default -> null;
        };
        return new ServiceRequest(r.reference(), ServiceRequest.Status.ofWire(r.status().open311()), notes,
                category == null ? r.category() : category.name(), r.category(), r.description().isEmpty() ? null : r.description(),
                agency == null ? r.agency() : agency.name(), null, r.submittedAt(), r.updatedAt(), r.dueAt(), r.address(), r.areaCode(),
                null, r.lat(), r.lon(), r.mediaUrl());
    }

    private static <T> T valid(Parsed<T> parsed) {
        if (parsed instanceof Parsed.Invalid<T> invalid) {
            throw new Refused(400, invalid.errors());
        }
        return ((Parsed.Valid<T>) parsed).value();
    }

    private static String open311Field(String field) {
        return switch (field) {
            case "category" -> "service_code";
            case "location" -> "lat/long";
            case "location.address" -> "address_string";
            case "location.areaCode" -> "address_id";
            case "contact.phone" -> "phone";
            case "contact.email" -> "email";
            default -> field.startsWith("attributes.") ? "attribute[" + field.substring(11) + "]" : field;
        };
    }

    // --- plumbing

    private interface Body {
        String render();
    }

    private ResponseEntity<String> handle(GeoReportFormat fmt, Body body) {
        try {
            return answer(fmt, 200, body.render());
        } catch (Refused r) {
            return answer(fmt, r.status, writer.errors(r.errors, fmt));
        }
    }

    private static ResponseEntity<String> answer(GeoReportFormat fmt, int status, String body) {
        return ResponseEntity.status(status).header("Content-Type", fmt.contentType()).body(body);
    }

    private static GeoReportFormat format(String extension) {
        try {
            return GeoReportFormat.ofExtension(extension);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "Not Found", "Open311 answers in .xml or .json", List.of());
        }
    }

    private ProvinceProperties jurisdiction(HttpServletRequest request) {
        String id = request.getParameter("jurisdiction_id");
        List<ProvinceProperties> serving = provinces.enabled().stream().filter(p -> FeedbackSection.of(p).enabled() && FeedbackSection.of(p).open311().enabled())
                .toList();
        if (id == null) {
            if (serving.size() == 1) {
                return serving.get(0);
            }
            throw new Refused(400, List.of(Open311Error.badRequest("jurisdiction_id is required: this server serves "
                    + serving.stream().map(ProvinceProperties::id).toList())));
        }
        return serving.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refused(404, List.of(Open311Error.notFound("jurisdiction_id " + id + " is not served here"))));
    }

    private static Map<String, List<String>> form(HttpServletRequest request) {
        Map<String, List<String>> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, List.of(values)));
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
