package vn.govhub.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException;
import vn.govhub.api.Json;
import vn.govhub.api.Texts;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.security.DataCipher;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reports as their sender, the public and the agency inbox see them. */
@Component
public class FeedbackReads {

    private final FeedbackStore store;
    private final DataCipher cipher;
    private final FeedbackTables tables;
    private final Texts texts;
    private final Clock clock;

    public FeedbackReads(FeedbackStore store, DataCipher cipher, FeedbackTables tables, Texts texts, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.texts = texts;
        this.tables = tables;
        this.clock = clock;
    }

    /** The sender's own report; anyone else's is 404, as if it did not exist. */
    public FeedbackViews.Mine mine(String province, String owner, String id) {
        FeedbackStore.Report r = store.find(id).filter(x -> x.province().equals(province) && owner.equals(x.owner()))
                .orElseThrow(() -> ApiException.notFound("No report " + id + "."));
        return mineView(r, true);
    }

    public List<FeedbackViews.Mine> mineList(String province, String owner, int limit) {
        return store.mine(province, owner, limit).stream().map(r -> mineView(r, false)).toList();
    }

    private FeedbackViews.Mine mineView(FeedbackStore.Report r, boolean withHistory) {
        FeedbackSection.Category category = category(r.province(), r.category());
        List<String> photos = store.photos(r.id()).stream().map(FeedbackStore.Photo::id).toList();
        return new FeedbackViews.Mine(r.id(), r.reference(), r.category(), category == null ? r.category() : category.name(),
                r.title(), r.description(), r.status().name(), agencyName(r), r.answer(), string(r.answeredAt()), string(r.dueAt()),
                string(r.submittedAt()), r.lat(), r.lon(), r.address(), r.areaCode(), r.anonymous(), r.publish(), photos,
                withHistory ? steps(r, false) : List.of());
    }

    /** Published reports: consented, answered (or as asked), without identity; the place rounded to about 100 m. */
    public List<FeedbackViews.Published> board(String province, List<FeedbackStatus> statuses, String category, Double lat,
                                              Double lon, Integer radius, int limit) {
        List<FeedbackStore.Report> found = store.list(new FeedbackStore.Filter(province, null, statuses, category, null, null,
                null, true, null, null, lat == null ? limit : Math.max(limit, 1000)));
        List<FeedbackViews.Published> out = new ArrayList<>();
        for (FeedbackStore.Report r : found) {
            Long distance = null;
            if (lat != null) {
                if (r.lat() == null) {
                    continue;
                }
                distance = Math.round(FeedbackIntake.distance(lat, lon, r.lat(), r.lon()));
                if (distance > radius) {
                    continue;
                }
            }
            FeedbackSection.Category c = category(r.province(), r.category());
            out.add(new FeedbackViews.Published(r.reference(), r.category(), c == null ? r.category() : c.name(), r.title(),
                    r.description(), r.status().name(), agencyName(r), r.answer(), string(r.answeredAt()), string(r.submittedAt()),
                    round(r.lat()), round(r.lon()), r.areaCode(), distance));
            if (out.size() >= limit) {
                break;
            }
        }
        if (lat != null) {
            out.sort(java.util.Comparator.comparing(FeedbackViews.Published::distanceMeters));
        }
        return out;
    }

    /** An inbox entry; {@code full} adds the history and the sender's contact in clear (else masked). */
    public FeedbackViews.Inboxed inboxed(FeedbackStore.Report r, boolean full) {
        Instant now = clock.instant();
        JsonNode contact = contact(r);
        String sender = r.anonymous() ? texts.get("feedback.anonymous") : contact == null ? null : full
                ? contact.path("name").asText("") + (contact.hasNonNull("phone") ? ", " + contact.path("phone").asText() : "")
                : mask(contact.path("name").asText(""), contact.path("phone").asText(null));
        return new FeedbackViews.Inboxed(r.id(), r.reference(), r.province(), r.category(), r.title(), r.description(),
                r.status().name(), r.paknState(), r.agency(), r.delivery(), r.claimedBy(), r.answer(), string(r.dueAt()),
                !r.status().ended() && r.dueAt().isBefore(now), string(r.escalatedAt()), string(r.submittedAt()), r.lat(), r.lon(),
                r.address(), r.areaCode(), sender, store.photos(r.id()).size(), r.lastError(), full ? steps(r, true) : List.of());
    }

    private List<FeedbackViews.Step> steps(FeedbackStore.Report r, boolean withActors) {
        return store.steps(r.id()).stream().map(s -> new FeedbackViews.Step(s.action(), s.status().name(), s.agency(),
                withActors && s.actor() != null ? s.actor() + ": " + nullToEmpty(s.note()) : s.note(), string(s.at()))).toList();
    }

    private String agencyName(FeedbackStore.Report r) {
        return tables.province(r.province()).map(p -> FeedbackSection.of(p).agency(r.agency())).map(FeedbackSection.Agency::name)
                .orElse(r.agency());
    }

    static String mask(String name, String phone) {
        StringBuilder masked = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                masked.append(masked.isEmpty() ? "" : " ").append(part.charAt(0)).append("***");
            }
        }
        return masked + (phone == null ? "" : ", " + PhoneNumbers.mask(phone));
    }

    private static Double round(Double degrees) {
        return degrees == null ? null : Math.round(degrees * 1000) / 1000.0;
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A category of a province's current configuration, or null. */
    public FeedbackSection.Category category(String provinceId, String code) {
        return tables.province(provinceId).map(p -> FeedbackSection.of(p).category(code)).orElse(null);
    }

    /** The sender's contact, decrypted (null when anonymous or none was given). */
    public JsonNode contact(FeedbackStore.Report r) {
        if (r.contact() == null || r.anonymous()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(cipher.decrypt(r.contact(), "feedback.contact"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contact of " + r.reference() + " is unreadable", e);
        }
    }
}
