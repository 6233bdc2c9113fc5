package vn.govhub.feedback;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.ApiException;
import vn.govhub.api.RequestBodies;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.zalo.ZaloIdentity.Citizen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mini app's feedback resources under {@code /api/v1/feedback}: send a report (JSON, or multipart with a
 * {@code feedback} JSON part and photo parts), read mine, and the public board of answered reports.
 */
@RestController
@RequestMapping("/api/v1/feedback")
class FeedbackController {

    private static final int MAX_LIST = 100;

    private final FeedbackIntake intake;
    private final FeedbackReads reads;
    private final ProvinceRegistry provinces;
    private final FeedbackProperties settings;
    private final FeedbackStore store;

    FeedbackController(FeedbackIntake intake, FeedbackReads reads, ProvinceRegistry provinces,
                       FeedbackProperties settings, FeedbackStore store) {
        this.store = store;
        this.intake = intake;
        this.reads = reads;
        this.provinces = provinces;
        this.settings = settings;
    }

    @PostMapping
    ResponseEntity<?> submit(HttpServletRequest request, @RequestParam(required = false) String province) throws IOException {
        Citizen citizen = citizen(request, province);
        List<FeedbackRequests.Photo> photos = new ArrayList<>();
        long maxPhoto = provinces.find(citizen.province()).map(p -> FeedbackSection.of(p).maxPhotoBytes()).orElse(0L);
        FeedbackRequests.Submission submission = RequestBodies.read(request, "feedback", FeedbackRequests.Submission.class,
                (name, fileName, contentType, content) -> photos.add(new FeedbackRequests.Photo(fileName, contentType, content)), maxPhoto);
        FeedbackViews.Accepted accepted = intake.submit(citizen.province(), FeedbackIntake.Sender.app(citizen.appUserId(), citizen.name()),
                submission, photos, request.getHeader("Idempotency-Key"), null);
        return ResponseEntity.status(accepted.duplicate() ? 200 : 202).header("Location", "/api/v1/feedback/" + accepted.id()).body(accepted);
    }

    /** Public: what a citizen can report about here, the wards the province knows, and the limits the form must keep. */
    @GetMapping("/categories")
    java.util.Map<String, Object> categories(HttpServletRequest request, @RequestParam(required = false) String province) {
        ProvinceProperties p = province(province != null ? province : request.getHeader("province"));
        var rules = FeedbackSection.of(p);
        List<java.util.Map<String, Object>> categories = rules.categories().stream().map(c -> {
            java.util.Map<String, Object> view = new java.util.LinkedHashMap<>();
            view.put("code", c.code());
            view.put("name", c.name());
            view.put("description", c.description());
            view.put("group", c.group());
            view.put("keywords", c.keywords());
            view.put("answerWithinHours", c.sla().toHours());
            view.put("attributes", c.attributes());
            return view;
        }).toList();
        List<java.util.Map<String, String>> areas = rules.areas().stream()
                .map(a -> java.util.Map.of("code", a.code(), "name", a.name())).toList();
        return java.util.Map.of("province", p.id(), "categories", categories, "areas", areas, "maxPhotos", rules.maxPhotos(),
                "maxPhotoBytes", rules.maxPhotoBytes(), "maxDescription", rules.maxDescription());
    }

    @GetMapping("/mine")
    List<FeedbackViews.Mine> mine(HttpServletRequest request, @RequestParam(required = false) String province,
                                  @RequestParam(required = false) Integer limit) {
        Citizen citizen = citizen(request, province);
        return reads.mineList(citizen.province(), citizen.appUserId(), limit(limit, 20));
    }

    @GetMapping("/{id}")
    FeedbackViews.Mine one(HttpServletRequest request, @RequestParam(required = false) String province, @PathVariable String id) {
        Citizen citizen = citizen(request, province);
        return reads.mine(citizen.province(), citizen.appUserId(), id);
    }

    /** One of the sender's own photos (as stored: without location metadata unless shared). */
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(HttpServletRequest request, @RequestParam(required = false) String province, @PathVariable String id,
                                 @PathVariable String photoId) {
        Citizen citizen = citizen(request, province);
        reads.mine(citizen.province(), citizen.appUserId(), id); // 404 unless the report is the caller's
        FeedbackStore.Photo photo = store.photo(photoId).filter(p -> p.feedbackId().equals(id))
                .orElseThrow(() -> ApiException.notFound("No photo " + photoId + " in report " + id + "."));
        byte[] content = store.photoContent(photoId).orElseThrow(() -> ApiException.notFound("No photo " + photoId + "."));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "private, no-store").body(content);
    }

    /** Public: reports whose senders consented to publication, answered by default; no personal data. */
    @GetMapping
    List<FeedbackViews.Published> board(HttpServletRequest request, @RequestParam(required = false) String province,
                                        @RequestParam(required = false) String status, @RequestParam(required = false) String category,
                                        @RequestParam(required = false) String near, @RequestParam(required = false) Integer radius,
                                        @RequestParam(required = false) Integer limit) {
        ProvinceProperties p = province(province != null ? province : request.getHeader("province"));
        List<FeedbackStatus> statuses = statuses(status == null ? "answered" : status);
        Double lat = null;
        Double lon = null;
        if (near != null) {
            String[] parts = near.split(",");
            try {
                lat = Double.parseDouble(parts[0].trim());
                lon = Double.parseDouble(parts[1].trim());
            } catch (RuntimeException e) {
                throw ApiException.invalid("near", "must be lat,long in degrees");
            }
        }
        if (radius != null && (radius < 1 || radius > 50_000)) {
            throw ApiException.invalid("radius", "must be 1 to 50000 metres");
        }
        if (category != null && FeedbackSection.of(p).category(category) == null) {
            throw ApiException.invalid("category", "is not a category of this province");
        }
        return reads.board(p.id(), statuses, category, lat, lon, radius == null ? 2000 : radius, limit(limit, settings.boardLimit()));
    }

    private ProvinceProperties province(String id) {
        List<ProvinceProperties> taking = provinces.enabled().stream().filter(p -> FeedbackSection.of(p).enabled()).toList();
        if (id == null) {
            if (taking.size() == 1) {
                return taking.get(0);
            }
            throw ApiException.invalid("province", "is required: this hub serves several provinces");
        }
        return taking.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.invalid("province", "province '" + id + "' takes no feedback here"));
    }

    private static List<FeedbackStatus> statuses(String given) {
        List<FeedbackStatus> out = new ArrayList<>();
        for (String s : given.split(",")) {
            try {
                FeedbackStatus status = FeedbackStatus.valueOf(s.trim().toUpperCase());
                out.add(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "must be among " + Arrays.toString(FeedbackStatus.values()).toLowerCase());
            }
        }
        return out;
    }

    private static int limit(Integer limit, int fallback) {
        if (limit != null && (limit < 1 || limit > MAX_LIST)) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIST);
        }
        return limit == null ? Math.min(fallback, MAX_LIST) : limit;
    }

    /** The signed-in citizen (the mini app chain lets no request without one reach these resources). */
    private static Citizen citizen(HttpServletRequest request, String province) {
        return vn.govhub.zalo.CitizenAuthentication.current();
    }
}
