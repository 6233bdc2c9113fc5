package vn.govhub.dossier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.ApiException;
import vn.govhub.api.BodyLimitExceeded;
import vn.govhub.api.InboundFilter;
import vn.govhub.api.RequestBodies;
import vn.govhub.cluster.ClusterRateLimits;
import vn.govhub.zalo.ZaloIdentity.Citizen;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The mini app's dossier resources: {@code /api/v1/uploads} and {@code /api/v1/dossiers}. A Spring MVC controller
 * (not Camel REST) because it takes raw binary and multipart bodies; it answers refusals with the same
 * problem+json as the rest of the API. The caller is the Zalo user whose access token is in the identity header.
 */
@RestController
@RequestMapping("/api/v1")
class DossierController {

    static final int MAX_LIST = 100;

    private final DossierService service;
    private final DossierReads reads;
    private final CaseBackends backends;
    private final ClusterRateLimits limits;
    private final int trackPerMinute;

    DossierController(DossierService service, DossierReads reads, CaseBackends backends,
                      DossierProperties settings, ClusterRateLimits limits) {
        this.service = service;
        this.reads = reads;
        this.backends = backends;
        this.trackPerMinute = settings.trackPerMinute();
        this.limits = limits;
    }

    /** The raw file as the body, its type in Content-Type, its name in {@code ?name=}. */
    @PostMapping("/uploads")
    ResponseEntity<?> upload(HttpServletRequest request, @RequestParam(required = false) String province,
                             @RequestParam(required = false) String name) throws IOException {
        Citizen citizen = citizen(request, province);
        long max = service.maxFileBytes(citizen);
        if (request.getContentLengthLong() > max) {
            throw BodyLimitExceeded.tooLarge(max).problem();
        }
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = InboundFilter.readAtMost(in, max);
        }
        return ResponseEntity.status(201).body(service.upload(citizen, name, request.getContentType(), content));
    }

    /** JSON (documents by upload id) or multipart/form-data (a {@code dossier} JSON part and a part per document). */
    @PostMapping("/dossiers")
    ResponseEntity<?> submit(HttpServletRequest request, @RequestParam(required = false) String province) throws IOException {
        Citizen citizen = citizen(request, province);
        List<DossierRequests.InlineFile> inline = new ArrayList<>();
        DossierRequests.Submission submission = read(request, "dossier", DossierRequests.Submission.class, inline,
                service.maxFileBytes(citizen));
        DossierViews.Accepted accepted = service.submit(citizen, submission, inline, request.getHeader("Idempotency-Key"));
        return ResponseEntity.status(accepted.duplicate() ? 200 : 202)
                .header("Location", "/api/v1/dossiers/" + accepted.id()).body(accepted);
    }

    @GetMapping("/dossiers")
    List<DossierViews.Summary> mine(HttpServletRequest request, @RequestParam(required = false) String province,
                                    @RequestParam(required = false) Integer limit) {
        Citizen citizen = citizen(request, province);
        if (limit != null && (limit < 1 || limit > MAX_LIST)) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIST);
        }
        return reads.mine(citizen, limit == null ? 20 : limit);
    }

    @GetMapping("/dossiers/{id}")
    DossierViews.Detail one(HttpServletRequest request, @RequestParam(required = false) String province, @PathVariable String id) {
        Citizen citizen = citizen(request, province);
        return reads.detail(service.owned(citizen, id), withdrawable(citizen));
    }

    /** Public, minimal (no personal data), rate limited per client address. */
    @GetMapping("/dossiers/track/{code}")
    ResponseEntity<?> track(HttpServletRequest request, @PathVariable String code) {
        // the client as the inbound filter resolved it (behind a trusted proxy: the forwarded address), counted cluster-wide
        if (!limits.allow("dossier-track", request.getRemoteAddr(), trackPerMinute, Duration.ofMinutes(1))) {
            throw new ApiException(429, "Too Many Requests", "At most " + trackPerMinute
                    + " tracking look-ups a minute; try again shortly.", List.of());
        }
        if (code.length() > 64) {
            throw ApiException.invalid("code", "is not a tracking code");
        }
        return ResponseEntity.ok(reads.track(code.trim()).orElseThrow(() ->
                ApiException.notFound("No dossier with tracking code '" + code + "'.")));
    }

    @PostMapping("/dossiers/{id}/supplements")
    ResponseEntity<?> supplement(HttpServletRequest request, @RequestParam(required = false) String province,
                                 @PathVariable String id) throws IOException {
        Citizen citizen = citizen(request, province);
        List<DossierRequests.InlineFile> inline = new ArrayList<>();
        DossierRequests.SupplementSubmission body = read(request, "supplement", DossierRequests.SupplementSubmission.class, inline,
                service.maxFileBytes(citizen));
        return ResponseEntity.status(202).body(service.supplement(citizen, id, body, inline));
    }

    @PostMapping("/dossiers/{id}/withdrawal")
    ResponseEntity<?> withdraw(HttpServletRequest request, @RequestParam(required = false) String province,
                               @PathVariable String id) throws IOException {
        Citizen citizen = citizen(request, province);
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readAllBytes();
        }
        DossierRequests.Withdrawal body = raw.length == 0 ? null : parse(raw, DossierRequests.Withdrawal.class);
        boolean allows = withdrawable(citizen);
        service.withdraw(citizen, id, body, allows);
        return ResponseEntity.status(202).body(reads.detail(service.owned(citizen, id), allows));
    }

    /** The signed-in citizen (the mini app chain lets no request without one reach these resources). */
    private static Citizen citizen(HttpServletRequest request, String province) {
        return vn.govhub.zalo.CitizenAuthentication.current();
    }

    private boolean withdrawable(Citizen citizen) {
        return backends.of(citizen.province()).map(b -> b.system().supportsWithdrawal()).orElse(false);
    }

    private static <T> T read(HttpServletRequest request, String partName, Class<T> type,
                              List<DossierRequests.InlineFile> inline, long maxFileBytes) throws IOException {
        return RequestBodies.read(request, partName, type, (name, fileName, contentType, content) ->
                inline.add(DossierRequests.InlineFile.of(name, fileName, contentType, content)), maxFileBytes);
    }

    private static <T> T parse(byte[] json, Class<T> type) {
        return RequestBodies.json(json, type);
    }
}
