package vn.govhub.dossier;

import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException.FieldProblem;
import vn.govhub.api.ApiException;
import vn.govhub.catalogue.CatalogueStore;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.files.FileKind;
import vn.govhub.model.Procedure;
import vn.govhub.zalo.ZaloIdentity.Citizen;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a citizen's dossier before anything is stored, each problem named by its field: the procedure (in the
 * province's catalogue, active, accepting dossiers online), the applicant, the answers, how the result goes back, the
 * procedure's document case, and every file (its kind by content, its size, pictures decoded and written anew; an
 * upload must be the citizen's own and unused).
 */
@Component
class DossierChecks {

    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final int MAX_ANSWERS = 200;
    private static final int MAX_ANSWER_CHARS = 4000;
    private static final int MAX_FILE_NAME = 255;

    private final CatalogueStore catalogue;
    private final DossierStore store;

    DossierChecks(CatalogueStore catalogue, DossierStore store) {
        this.catalogue = catalogue;
        this.store = store;
    }

    /** Everything about a submission that was checked, ready to be stored. */
    record Checked(CatalogueStore.StoredProcedure procedure, Procedure.DocumentCase documentCase,
                           DossierRequests.Applicant applicant, String phone, Map<String, String> answers,
                           List<Attachment> attachments, String returnMethod, String postalAddress) {
    }

    record Attachment(String requirementCode, String uploadId, DossierRequests.InlineFile inline, FileKind kind) {
    }

    Checked check(Citizen citizen, ProvinceProperties province, DossiersSection rules,
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

    List<Attachment> attachments(Citizen citizen, DossiersSection rules, DossierRequests.Submission request,
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
    record CheckedFile(FileKind kind, byte[] content) {
    }

    CheckedFile checkFile(String field, String fileName, String declaredType, byte[] content,
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
