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
import vn.govhub.catalogue.CatalogueStore;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.files.FileKind;
import vn.govhub.model.Procedure;
import vn.govhub.platform.DailyCounters;
import vn.govhub.platform.outbox.Outbox;
import vn.govhub.security.DataCipher;
import vn.govhub.zalo.ZaloIdentity.Citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int MAX_ANSWERS = 200;
    private static final int MAX_ANSWER_CHARS = 4000;
    private static final int MAX_FILE_NAME = 255;

    private final ProvinceRegistry provinces;
    private final CatalogueStore catalogue;
    private final DossierStore store;
    private final Outbox outbox;
    private final DataCipher cipher;
    private final TransactionTemplate transactions;
    private final DailyCounters counters;
    private final Texts texts;
    private final Clock clock;

    public DossierService(ProvinceRegistry provinces, CatalogueStore catalogue, DossierStore store, Outbox outbox,
                          DataCipher cipher, DailyCounters counters, TransactionTemplate transactions, Texts texts,
                          Clock clock) {
        this.provinces = provinces;
        this.catalogue = catalogue;
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
        CheckedFile checked = checkFile("file", fileName, declaredType, content, rules, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        FileKind kind = checked.kind();
        content = checked.content();
        DossierStore.FileRow row = new DossierStore.FileRow(UUID.randomUUID().toString(), citizen.province(),
                citizen.appUserId(), cleanName(fileName, kind), kind.mediaType(), content.length, sha256(content), null, null,
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
        Checked checked = check(citizen, province, rules, request, inline);
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

    /** Everything about a submission that was checked, ready to be stored. */
    private record Checked(CatalogueStore.StoredProcedure procedure, Procedure.DocumentCase documentCase,
                           DossierRequests.Applicant applicant, String phone, Map<String, String> answers,
                           List<Attachment> attachments, String returnMethod, String postalAddress) {
    }

    private record Attachment(String requirementCode, String uploadId, DossierRequests.InlineFile inline, FileKind kind) {
    }

    private Checked check(Citizen citizen, ProvinceProperties province, DossiersSection rules,
                          DossierRequests.Submission request, List<DossierRequests.InlineFile> inline) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            throw ApiException.invalid("body", "a dossier (JSON) is required");
        }
        CatalogueStore.StoredProcedure procedure = null;
        if (blank(request.procedureCode())) {
            problems.add(new FieldProblem("procedureCode", "is required"));
        } else {
            procedure = catalogue.find(province.id(), request.procedureCode().trim()).orElse(null);
            if (procedure == null) {
                problems.add(new FieldProblem("procedureCode", "no procedure '" + request.procedureCode() + "' in this province's catalogue"));
            } else if (!procedure.active()) {
                problems.add(new FieldProblem("procedureCode", "the procedure is withdrawn and no longer accepts dossiers"));
                procedure = null;
            } else if (!procedure.onlineLevel().acceptsDossiers()) {
                problems.add(new FieldProblem("procedureCode", "the procedure is information only here: submit it at the desk"));
                procedure = null;
            }
        }
        String phone = checkApplicant(request.applicant(), problems);
        Map<String, String> answers = request.answers() == null ? Map.of() : request.answers();
        if (answers.size() > MAX_ANSWERS) {
            problems.add(new FieldProblem("answers", "at most " + MAX_ANSWERS + " answers"));
        }
        answers.forEach((k, v) -> {
            if (blank(k) || k.length() > 100) {
                problems.add(new FieldProblem("answers", "a field name is empty or longer than 100 characters"));
            } else if (v != null && v.length() > MAX_ANSWER_CHARS) {
                problems.add(new FieldProblem("answers." + k, "must be at most " + MAX_ANSWER_CHARS + " characters"));
            }
        });
        String returnMethod = request.returnMethod() == null ? "DESK" : request.returnMethod().trim().toUpperCase();
        String postal = blank(request.postalAddress()) ? null : request.postalAddress().trim();
        if (!returnMethod.equals("DESK") && !returnMethod.equals("POSTAL")) {
            problems.add(new FieldProblem("returnMethod", "must be DESK or POSTAL"));
        } else if (returnMethod.equals("POSTAL") && (postal == null || postal.length() < 10)) {
            problems.add(new FieldProblem("postalAddress", "is required (at least 10 characters) when the result is sent by post"));
        } else if (postal != null && postal.length() > 500) {
            problems.add(new FieldProblem("postalAddress", "must be at most 500 characters"));
        }
        Procedure.DocumentCase documentCase = procedure == null ? null : documentCase(procedure.procedure(), request.documentCase(), problems);
        List<Attachment> attachments = attachments(citizen, rules, request, inline, documentCase, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new Checked(procedure, documentCase, request.applicant(), phone, answers, attachments, returnMethod, postal);
    }

    private static String checkApplicant(DossierRequests.Applicant applicant, List<FieldProblem> problems) {
        if (applicant == null) {
            problems.add(new FieldProblem("applicant", "is required"));
            return null;
        }
        if (blank(applicant.name()) || applicant.name().trim().length() > 200) {
            problems.add(new FieldProblem("applicant.name", "is required, at most 200 characters"));
        }
        if (applicant.idNumber() == null || !NATIONAL_ID.matcher(applicant.idNumber().trim()).matches()) {
            problems.add(new FieldProblem("applicant.idNumber", "must be the 12 digits of a national ID (CCCD) number"));
        }
        String phone = null;
        if (blank(applicant.phone()) || !PhoneNumbers.isValid(applicant.phone())) {
            problems.add(new FieldProblem("applicant.phone", "must be a Vietnamese mobile number (0912345678 or +84912345678)"));
        } else {
            phone = PhoneNumbers.toZalo(applicant.phone());
        }
        if (!blank(applicant.email()) && !EMAIL.matcher(applicant.email().trim()).matches()) {
            problems.add(new FieldProblem("applicant.email", "is not an e-mail address"));
        }
        if (applicant.address() != null && applicant.address().length() > 500) {
            problems.add(new FieldProblem("applicant.address", "must be at most 500 characters"));
        }
        if (applicant.type() != null && (applicant.type() < 1 || applicant.type() > 4)) {
            problems.add(new FieldProblem("applicant.type", "must be 1 (citizen), 2 (business), 3 (state agency) or 4 (other organisation)"));
        }
        return phone;
    }

    private static Procedure.DocumentCase documentCase(Procedure procedure, String requested, List<FieldProblem> problems) {
        List<Procedure.DocumentCase> cases = procedure.documents();
        if (cases.isEmpty()) {
            return new Procedure.DocumentCase(null, List.of());
        }
        if (blank(requested)) {
            if (cases.size() == 1) {
                return cases.get(0);
            }
            problems.add(new FieldProblem("documentCase", "is required: this procedure has " + cases.size() + " cases"));
            return null;
        }
        for (Procedure.DocumentCase c : cases) {
            if (requested.trim().equals(c.caseName())) {
                return c;
            }
        }
        problems.add(new FieldProblem("documentCase", "is not one of this procedure's cases"));
        return null;
    }

    /** The requirement code of a required document: its national code, else its position in the case. */
    static String requirementCode(Procedure.DocumentCase documentCase, int index) {
        String code = documentCase.documents().get(index).code();
        return blank(code) ? "doc-" + (index + 1) : code.trim();
    }

    private List<Attachment> attachments(Citizen citizen, DossiersSection rules, DossierRequests.Submission request,
                                         List<DossierRequests.InlineFile> inline, Procedure.DocumentCase documentCase,
                                         List<FieldProblem> problems) {
        List<Attachment> attachments = new ArrayList<>();
        Set<String> uploadIds = new HashSet<>();
        long total = 0;
        List<DossierRequests.DocumentRef> refs = request.documents() == null ? List.of() : request.documents();
        for (int i = 0; i < refs.size(); i++) {
            DossierRequests.DocumentRef ref = refs.get(i);
            String field = "documents[" + i + "]";
            if (ref == null || blank(ref.requirementCode()) || blank(ref.uploadId())) {
                problems.add(new FieldProblem(field, "needs requirementCode and uploadId"));
                continue;
            }
            if (!uploadIds.add(ref.uploadId())) {
                problems.add(new FieldProblem(field + ".uploadId", "the same upload is given twice"));
                continue;
            }
            var file = store.file(ref.uploadId()).filter(f -> f.owner().equals(citizen.appUserId())
                    && f.province().equals(citizen.province()) && f.dossierId() == null);
            if (file.isEmpty()) {
                problems.add(new FieldProblem(field + ".uploadId", "no upload of yours with this id is waiting (expired or already used?)"));
                continue;
            }
            total += file.get().size();
            attachments.add(new Attachment(ref.requirementCode().trim(), ref.uploadId(), null, null));
        }
        for (DossierRequests.InlineFile file : inline) {
            String field = "files." + file.requirementCode();
            CheckedFile checked = checkFile(field, file.fileName(), file.contentType(), file.content(), rules, problems);
            if (checked != null) {
                DossierRequests.InlineFile kept = checked.content() == file.content() ? file
                        : DossierRequests.InlineFile.of(file.requirementCode(), file.fileName(), file.contentType(), checked.content());
                total += kept.content().length;
                attachments.add(new Attachment(file.requirementCode().trim(), null, kept, checked.kind()));
            }
        }
        if (attachments.size() > rules.maxFiles()) {
            problems.add(new FieldProblem("documents", "at most " + rules.maxFiles() + " files in one dossier"));
        }
        if (total > rules.maxDossierBytes()) {
            problems.add(new FieldProblem("documents", "the files add up to " + total + " bytes; at most "
                    + rules.maxDossierBytes() + " in one dossier"));
        }
        if (documentCase != null) {
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0; i < documentCase.documents().size(); i++) {
                names.put(requirementCode(documentCase, i), documentCase.documents().get(i).name());
            }
            Set<String> given = new HashSet<>();
            for (Attachment a : attachments) {
                if (!names.containsKey(a.requirementCode())) {
                    problems.add(new FieldProblem("documents", "'" + a.requirementCode() + "' is not a document of this procedure"));
                }
                given.add(a.requirementCode());
            }
            names.forEach((code, name) -> {
                if (!given.contains(code)) {
                    problems.add(new FieldProblem("documents." + code, "is required: " + name));
                }
            });
        }
        return attachments;
    }

    /** A file as it will be kept: its kind, and its bytes (pictures written anew). */
    private record CheckedFile(FileKind kind, byte[] content) {
    }

    private CheckedFile checkFile(String field, String fileName, String declaredType, byte[] content,
                                  DossiersSection rules, List<FieldProblem> problems) {
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem(field, "is empty"));
            return null;
        }
        if (content.length > rules.maxFileBytes()) {
            problems.add(new FieldProblem(field, "is " + content.length + " bytes; at most " + rules.maxFileBytes()));
            return null;
        }
        if (fileName != null && fileName.length() > MAX_FILE_NAME) {
            problems.add(new FieldProblem(field, "file name longer than " + MAX_FILE_NAME + " characters"));
            return null;
        }
        FileKind kind = FileKind.detect(content).orElse(null);
        if (kind == null) {
            problems.add(new FieldProblem(field, "is not a PDF, JPEG, PNG or DOCX file (checked by its content)"));
            return null;
        }
        if (kind == FileKind.HEIC) {
            problems.add(new FieldProblem(field, "is a HEIC photo, which the hub cannot check: send it as JPEG or PNG"));
            return null;
        }
        if (!kind.matches(declaredType)) {
            problems.add(new FieldProblem(field, "is declared " + declaredType + " but its content is " + kind.mediaType()));
            return null;
        }
        if (kind == FileKind.JPEG || kind == FileKind.PNG) {
            try {
                return new CheckedFile(kind, vn.govhub.files.Images.reencode(content, kind.mediaType(), false));
            } catch (vn.govhub.files.Images.Refused refused) {
                problems.add(new FieldProblem(field, refused.getMessage()));
                return null;
            }
        }
        return new CheckedFile(kind, content);
    }

    private DossierViews.Accepted accept(Citizen citizen, ProvinceProperties province, DossierRequests.Submission request,
                                         Checked c, String idempotencyKey, String hash, String trackingCode, Instant now) {
        String id = UUID.randomUUID().toString();
        DossierRequests.Applicant a = c.applicant();
        ObjectNode applicant = JSON.createObjectNode()
                .put("name", a.name().trim()).put("idNumber", a.idNumber().trim()).put("phone", c.phone())
                .put("email", blank(a.email()) ? null : a.email().trim())
                .put("address", blank(a.address()) ? null : a.address().trim())
                .put("type", a.type() == null ? 1 : a.type());
        store.insert(new DossierStore.Dossier(id, province.id(), trackingCode, citizen.appUserId(), c.procedure().code(),
                c.procedure().procedure().name(), DossierStatus.SUBMITTED, null, null,
                cipher.encrypt(applicant.toString(), "dossier.applicant"), mask(a.name(), c.phone()), write(c.answers()),
                c.returnMethod(), c.postalAddress() == null ? null : cipher.encrypt(c.postalAddress(), "dossier.postal_address"),
                c.documentCase() == null ? null : c.documentCase().caseName(), null, null, null, null, idempotencyKey, hash, 0,
                null, now, now));
        for (Attachment attachment : c.attachments()) {
            if (attachment.uploadId() != null) {
                if (!store.attach(attachment.uploadId(), citizen.appUserId(), id, null, attachment.requirementCode())) {
                    // taken by a concurrent submission since the check: nothing of this one is kept
                    throw ApiException.invalid("documents", "upload " + attachment.uploadId() + " was just used by another dossier");
                }
            } else {
                DossierRequests.InlineFile f = attachment.inline();
                store.insertFile(new DossierStore.FileRow(UUID.randomUUID().toString(), province.id(), citizen.appUserId(),
                        cleanName(f.fileName(), attachment.kind()), attachment.kind().mediaType(), f.content().length,
                        f.sha256(), id, null, attachment.requirementCode(), now, false), f.content());
            }
        }
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
        String note = request == null || blank(request.note()) ? null : request.note().trim();
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "must be at most 2000 characters"));
        }
        DossierRequests.Submission asSubmission = new DossierRequests.Submission(null, null, null, null,
                request == null ? List.of() : request.documents(), null, null);
        List<Attachment> attachments = attachments(citizen, rules, asSubmission, inline, null, problems);
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
            for (Attachment attachment : attachments) {
                if (attachment.uploadId() != null) {
                    if (!store.attach(attachment.uploadId(), citizen.appUserId(), dossierId, supplementId, attachment.requirementCode())) {
                        throw ApiException.invalid("documents", "upload " + attachment.uploadId() + " was just used by another dossier");
                    }
                } else {
                    DossierRequests.InlineFile f = attachment.inline();
                    store.insertFile(new DossierStore.FileRow(UUID.randomUUID().toString(), citizen.province(), citizen.appUserId(),
                            cleanName(f.fileName(), attachment.kind()), attachment.kind().mediaType(), f.content().length,
                            f.sha256(), dossierId, supplementId, attachment.requirementCode(), now, false), f.content());
                }
            }
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
        String reason = request == null || blank(request.reason()) ? texts.get("dossier.withdraw-reason") : request.reason().trim();
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
            return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
