package vn.govhub.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.ApiException.FieldProblem;
import vn.govhub.api.ApiException;
import vn.govhub.api.Texts;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.files.FileKind;
import vn.govhub.platform.DailyCounters;
import vn.govhub.platform.outbox.Outbox;
import vn.govhub.security.DataCipher;
import vn.govhub.zalo.ZaloIdentity.Citizen;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Intake of dossiers from the mini app: validation against the catalogue and the province's rules, then the
 * dossier, its files, its first history row and its forward in the outbox, all in one transaction. Also uploads,
 * supplements and withdrawal requests, which follow the same path.
 */
@Service
public class DossierService {

    static final String TOPIC = "dossier-forward";
    private static final Logger log = LoggerFactory.getLogger(DossierService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final ProvinceRegistry provinces;
    private final DossierChecks checks;
    private final DossierStore store;
    private final Outbox outbox;
    private final DataCipher cipher;
    private final TransactionTemplate transactions;
    private final DailyCounters counters;
    private final Texts texts;
    private final Clock clock;

    public DossierService(ProvinceRegistry provinces, DossierChecks checks, DossierStore store, Outbox outbox,
                          DataCipher cipher, DailyCounters counters, TransactionTemplate transactions, Texts texts,
                          Clock clock) {
        this.provinces = provinces;
        this.checks = checks;
        this.store = store;
        this.outbox = outbox;
        this.cipher = cipher;
        this.transactions = transactions;
        this.counters = counters;
        this.texts = texts;
        this.clock = clock;
    }

    // --- uploads

    /** The largest file the citizen's province takes. */
    public long maxFileBytes(Citizen citizen) {
        return rules(citizen.province()).maxFileBytes();
    }

    public DossierViews.Upload upload(Citizen citizen, String fileName, String declaredType, byte[] content) {
        DossiersSection rules = rules(citizen.province());
        List<FieldProblem> problems = new ArrayList<>();
        DossierChecks.CheckedFile checked = checks.checkFile("file", fileName, declaredType, content, rules, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        FileKind kind = checked.kind();
        content = checked.content();
        DossierStore.FileRow row = new DossierStore.FileRow(UUID.randomUUID().toString(), citizen.province(),
                citizen.appUserId(), cleanName(fileName, kind), kind.mediaType(), content.length, DossierChecks.sha256(content), null, null,
                null, clock.instant(), false);
        store.insertFile(row, content);
        return new DossierViews.Upload(row.id(), row.fileName(), row.contentType(), row.size(), row.sha256());
    }

    // --- submission

    public DossierViews.Accepted submit(Citizen citizen, DossierRequests.Submission request,
                                        List<DossierRequests.InlineFile> inline, String idempotencyKey) {
        ProvinceProperties province = provinces.find(citizen.province()).orElseThrow();
        DossiersSection rules = rules(citizen.province());
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid("Idempotency-Key", "must be 8 to 128 letters, digits or . _ : -");
        }
        String hash = requestHash(request, inline);
        if (idempotencyKey != null) {
            var earlier = store.byIdempotencyKey(citizen.province(), citizen.appUserId(), idempotencyKey);
            if (earlier.isPresent()) {
                return same(earlier.get(), hash);
            }
        }
        DossierChecks.Checked checked = checks.check(citizen, province, rules, request, inline);
        // the day's counter is taken in a short transaction of its own, so concurrent submissions do not queue behind
        // one another's blob inserts on the counter row; a submission that then fails leaves a gap, never a repeat
        Instant now = clock.instant();
        String day = DAY.format(now.atZone(province.zone()));
        int counter = transactions.execute(tx -> counters.next(rules.agencyCode(), day));
        String trackingCode = rules.agencyCode() + "-" + day + "-" + String.format("%04d", counter);
        try {
            return transactions.execute(tx -> accept(citizen, province, request, checked, idempotencyKey, hash, trackingCode, now));
        } catch (DuplicateKeyException raced) {
            // the same key committed by a concurrent request: answer as for a repeat
            if (idempotencyKey != null) {
                var earlier = store.byIdempotencyKey(citizen.province(), citizen.appUserId(), idempotencyKey);
                if (earlier.isPresent()) {
                    return same(earlier.get(), hash);
                }
            }
            throw raced;
        }
    }

    private DossierViews.Accepted same(DossierStore.Dossier earlier, String hash) {
        if (!hash.equals(earlier.requestHash())) {
            throw new ApiException(409, "Conflict", "This Idempotency-Key was used for a different dossier.",
                    List.of(new FieldProblem("Idempotency-Key", "already used with a different body")));
        }
        return new DossierViews.Accepted(earlier.id(), earlier.trackingCode(), earlier.status().name(),
                earlier.submittedAt().toString(), true);
    }

    private DossierViews.Accepted accept(Citizen citizen, ProvinceProperties province, DossierRequests.Submission request,
                                         DossierChecks.Checked c, String idempotencyKey, String hash, String trackingCode, Instant now) {
        String id = UUID.randomUUID().toString();
        DossierRequests.Applicant a = c.applicant();
        ObjectNode applicant = JSON.createObjectNode()
                .put("name", a.name().trim()).put("idNumber", a.idNumber().trim()).put("phone", c.phone())
                .put("email", DossierChecks.blank(a.email()) ? null : a.email().trim())
                .put("address", DossierChecks.blank(a.address()) ? null : a.address().trim())
                .put("type", a.type() == null ? 1 : a.type());
        store.insert(new DossierStore.Dossier(id, province.id(), trackingCode, citizen.appUserId(), c.procedure().code(),
                c.procedure().procedure().name(), DossierStatus.SUBMITTED, null, null,
                cipher.encrypt(applicant.toString(), "dossier.applicant"), mask(a.name(), c.phone()), write(c.answers()),
                c.returnMethod(), c.postalAddress() == null ? null : cipher.encrypt(c.postalAddress(), "dossier.postal_address"),
                c.documentCase() == null ? null : c.documentCase().caseName(), null, null, null, null, idempotencyKey, hash, 0,
                null, now, now));
        keep(citizen, id, null, c.attachments(), now);
        store.history(id, DossierStatus.SUBMITTED, null, texts.get("dossier.submitted"), now);
        outbox.add(TOPIC, id, "forward:" + id, payload("forward", province.id(), id, null, null));
        log.info("dossier {} ({}) accepted for {} procedure {}", trackingCode, id, province.id(), c.procedure().code());
        return new DossierViews.Accepted(id, trackingCode, DossierStatus.SUBMITTED.name(), now.toString(), false);
    }

    // --- supplements and withdrawal

    public DossierViews.SupplementView supplement(Citizen citizen, String dossierId, DossierRequests.SupplementSubmission request,
                                                  List<DossierRequests.InlineFile> inline) {
        DossiersSection rules = rules(citizen.province());
        DossierStore.Dossier dossier = owned(citizen, dossierId);
        if (dossier.status() != DossierStatus.NEEDS_SUPPLEMENT) {
            throw new ApiException(409, "Conflict", "The agency has not asked for a supplement to this dossier (status "
                    + dossier.status() + ").", List.of());
        }
        List<FieldProblem> problems = new ArrayList<>();
        String note = request == null || DossierChecks.blank(request.note()) ? null : request.note().trim();
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "must be at most 2000 characters"));
        }
        DossierRequests.Submission asSubmission = new DossierRequests.Submission(null, null, null, null,
                request == null ? List.of() : request.documents(), null, null);
        List<DossierChecks.Attachment> attachments = checks.attachments(citizen, rules, asSubmission, inline, null, problems);
        if (attachments.isEmpty() && note == null) {
            problems.add(new FieldProblem("documents", "give at least one document or a note"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String supplementId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            store.lock(dossierId);
            store.insertSupplement(new DossierStore.Supplement(supplementId, dossierId, note, "PENDING", now, null));
            keep(citizen, dossierId, supplementId, attachments, now);
            store.history(dossierId, DossierStatus.NEEDS_SUPPLEMENT, null, texts.get("dossier.supplement-received", String.valueOf(attachments.size())), now);
            outbox.add(TOPIC, dossierId, "supplement:" + supplementId, payload("supplement", citizen.province(), dossierId, supplementId, null));
        });
        return new DossierViews.SupplementView(supplementId, note, "PENDING", now.toString(), null, List.of());
    }

    public void withdraw(Citizen citizen, String dossierId, DossierRequests.Withdrawal request, boolean backendAllows) {
        DossierStore.Dossier dossier = owned(citizen, dossierId);
        if (!backendAllows) {
            throw new ApiException(409, "Conflict", "This province's case-handling system does not take withdrawal "
                    + "requests online: ask at the one-stop desk.", List.of());
        }
        if (dossier.status().ended() || dossier.status() == DossierStatus.RESULT_READY) {
            throw new ApiException(409, "Conflict", "The dossier can no longer be withdrawn (status " + dossier.status() + ").", List.of());
        }
        String reason = request == null || DossierChecks.blank(request.reason()) ? texts.get("dossier.withdraw-reason") : request.reason().trim();
        if (reason.length() > 1000) {
            throw ApiException.invalid("reason", "must be at most 1000 characters");
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            store.lock(dossierId);
            store.history(dossierId, dossier.status(), null, texts.get("dossier.withdraw-requested", reason), now);
            outbox.add(TOPIC, dossierId, "withdraw:" + dossierId, payload("withdraw", citizen.province(), dossierId, null, reason));
        });
    }

    /** Attaches the checked uploads and stores the inline files, for the dossier or one of its supplements. */
    private void keep(Citizen citizen, String dossierId, String supplementId, List<DossierChecks.Attachment> attachments, Instant now) {
        for (DossierChecks.Attachment attachment : attachments) {
            if (attachment.uploadId() != null) {
                if (!store.attach(attachment.uploadId(), citizen.appUserId(), dossierId, supplementId, attachment.requirementCode())) {
                    // taken by a concurrent submission since the check: nothing of this one is kept
                    throw ApiException.invalid("documents", "upload " + attachment.uploadId() + " was just used by another dossier");
                }
            } else {
                DossierRequests.InlineFile f = attachment.inline();
                store.insertFile(new DossierStore.FileRow(UUID.randomUUID().toString(), citizen.province(), citizen.appUserId(),
                        cleanName(f.fileName(), attachment.kind()), attachment.kind().mediaType(), f.content().length,
                        f.sha256(), dossierId, supplementId, attachment.requirementCode(), now, false), f.content());
            }
        }
    }

    /** The citizen's own dossier; 404 for anyone else's (the same answer as for no dossier at all). */
    DossierStore.Dossier owned(Citizen citizen, String dossierId) {
        return store.find(dossierId).filter(d -> d.owner().equals(citizen.appUserId()) && d.province().equals(citizen.province()))
                .orElseThrow(() -> ApiException.notFound("No dossier '" + dossierId + "' of yours."));
    }

    // --- helpers

    DossiersSection rules(String provinceId) {
        ProvinceProperties province = provinces.find(provinceId).orElseThrow(() -> ApiException.invalid("province", "unknown province"));
        if (!DossiersSection.of(province).enabled()) {
            throw new ApiException(404, "Not Found", "Province '" + provinceId + "' does not take dossiers online.", List.of());
        }
        return DossiersSection.of(province);
    }

    static String payload(String kind, String province, String dossierId, String supplementId, String reason) {
        ObjectNode node = JSON.createObjectNode().put("kind", kind).put("province", province).put("dossierId", dossierId);
        if (supplementId != null) {
            node.put("supplementId", supplementId);
        }
        if (reason != null) {
            node.put("reason", reason);
        }
        return node.toString();
    }

    private static String requestHash(DossierRequests.Submission request, List<DossierRequests.InlineFile> inline) {
        try {
            StringBuilder canonical = new StringBuilder(CANONICAL.writeValueAsString(request));
            for (DossierRequests.InlineFile f : inline) {
                canonical.append('|').append(f.requirementCode()).append(':').append(f.sha256());
            }
            return DossierChecks.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Map<String, String> answers) {
        try {
            return JSON.writeValueAsString(new HashMap<>(answers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "N*** V** A" and "84912***678": enough for an operator to tell dossiers apart, not to identify anyone. */
    static String mask(String name, String phone) {
        StringBuilder masked = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                masked.append(masked.isEmpty() ? "" : " ").append(word.codePoints().limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append("***");
            }
        }
        return masked + (phone == null ? "" : ", " + PhoneNumbers.mask(phone));
    }

    private static String cleanName(String fileName, FileKind kind) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
        return name.isEmpty() ? "tep." + kind.name().toLowerCase() : name;
    }

}
