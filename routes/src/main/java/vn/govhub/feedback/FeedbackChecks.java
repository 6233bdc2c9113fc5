package vn.govhub.feedback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.govhub.api.ApiException.FieldProblem;
import vn.govhub.api.ApiException;
import vn.govhub.api.Json;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.files.FileKind;
import vn.govhub.text.VietnameseText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of a citizen's report against the province's rules, each problem named by its field, before anything is
 * stored: category, title, description, location (inside the province, its commune or ward), contact, the category's
 * extra questions, photos (their kind by content, their size, decoded and written anew).
 */
final class FeedbackChecks {

    static final int MAX_TITLE = 200;
    static final int MAX_ADDRESS = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

    /** A report that passed every check, photos re-encoded. */
    record Checked(FeedbackSection.Category category, String title, String description, Double lat, Double lon,
                   String address, String areaCode, boolean anonymous, boolean publish, String contact,
                   String attributes, List<Checked.Photo> photos) {
        record Photo(String contentType, byte[] content, String sha256) {
        }

        /** What makes two submissions the same report (for Idempotency-Key). */
        String hash() {
            StringBuilder canonical = new StringBuilder().append(category.code()).append('|').append(title).append('|')
                    .append(description).append('|').append(lat).append(',').append(lon).append('|').append(address)
                    .append('|').append(anonymous).append('|').append(publish).append('|').append(attributes);
            photos.forEach(p -> canonical.append('|').append(p.sha256()));
            return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private FeedbackChecks() {
    }

    static Checked check(FeedbackRouting routing, FeedbackIntake.Sender sender, FeedbackRequests.Submission r,
                          List<FeedbackRequests.Photo> photos) {
        FeedbackSection rules = routing.config();
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null) {
            throw ApiException.invalid("body", "a report is required");
        }
        FeedbackSection.Category category = null;
        if (blank(r.category())) {
            problems.add(new FieldProblem("category", "is required"));
        } else {
            category = rules.category(r.category().trim());
            if (category == null) {
                problems.add(new FieldProblem("category", "is not a category of this province (one of "
                        + String.join(", ", rules.categories().stream().map(FeedbackSection.Category::code).toList()) + ")"));
            }
        }
        String title = text(r.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "is required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE + " characters"));
        }
        String description = text(r.description());
        if (description == null) {
            problems.add(new FieldProblem("description", "is required"));
        } else if (description.codePointCount(0, description.length()) > rules.maxDescription()) {
            problems.add(new FieldProblem("description", "must be at most " + rules.maxDescription() + " characters"));
        }
        Double lat = null;
        Double lon = null;
        String address = null;
        String areaCode = null;
        FeedbackRequests.Location where = r.location();
        if (where == null || (where.lat() == null && where.lon() == null && blank(where.address()))) {
            problems.add(new FieldProblem("location", "is required: lat and long, or an address"));
        } else {
            if ((where.lat() == null) != (where.lon() == null)) {
                problems.add(new FieldProblem("location", "needs both lat and long"));
            } else if (where.lat() != null) {
                if (!Double.isFinite(where.lat()) || !Double.isFinite(where.lon()) || !routing.inProvince(where.lat(), where.lon())) {
                    problems.add(new FieldProblem("location", "lies outside the province"));
                } else {
                    lat = where.lat();
                    lon = where.lon();
                    areaCode = routing.areaAt(lat, lon).orElse(null);
                }
            }
            address = text(where.address());
            if (address != null && address.length() > MAX_ADDRESS) {
                problems.add(new FieldProblem("location.address", "must be at most " + MAX_ADDRESS + " characters"));
            }
            if (areaCode == null && !blank(where.areaCode())) {
                if (routing.knowsArea(where.areaCode().trim())) {
                    areaCode = where.areaCode().trim();
                } else {
                    problems.add(new FieldProblem("location.areaCode", "is not a commune or ward of this province"));
                }
            }
        }
        boolean anonymous = Boolean.TRUE.equals(r.anonymous());
        String contact = null;
        if (!anonymous && sender.owner() != null) {
            contact = contact(r.contact(), sender.zaloName(), problems);
        } else if (!anonymous && r.contact() != null) {
            contact = contact(r.contact(), null, problems);
        }
        String attributes = category == null ? null : attributes(category, r.attributes(), problems);
        List<Checked.Photo> checkedPhotos = new ArrayList<>();
        List<FeedbackRequests.Photo> given = photos == null ? List.of() : photos;
        if (given.size() > rules.maxPhotos()) {
            problems.add(new FieldProblem("photos", "at most " + rules.maxPhotos() + " photos"));
        } else {
            boolean keepLocation = Boolean.TRUE.equals(r.shareLocation());
            for (int i = 0; i < given.size(); i++) {
                FeedbackRequests.Photo photo = given.get(i);
                String field = "photos[" + i + "]";
                if (photo.content().length > rules.maxPhotoBytes()) {
                    problems.add(new FieldProblem(field, "is larger than " + rules.maxPhotoBytes() + " bytes"));
                    continue;
                }
                Optional<FileKind> kind = FileKind.detect(photo.content());
                if (kind.isEmpty() || (kind.get() != FileKind.JPEG && kind.get() != FileKind.PNG)) {
                    problems.add(new FieldProblem(field, "is not a JPEG or PNG image (by its content)"));
                    continue;
                }
                byte[] content;
                try {
                    content = vn.govhub.files.Images.reencode(photo.content(), kind.get().mediaType(), keepLocation);
                } catch (vn.govhub.files.Images.Refused refused) {
                    problems.add(new FieldProblem(field, refused.getMessage()));
                    continue;
                }
                checkedPhotos.add(new Checked.Photo(kind.get().mediaType(), content, sha256(content)));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new Checked(category, title, description, lat, lon, address, areaCode, anonymous, Boolean.TRUE.equals(r.publish()),
                contact, attributes, checkedPhotos);
    }

    private static String contact(FeedbackRequests.Contact c, String zaloName, List<FieldProblem> problems) {
        String name = c != null && !blank(c.name()) ? c.name().trim() : zaloName;
        String phone = null;
        String email = null;
        if (c != null && !blank(c.phone())) {
            if (PhoneNumbers.isValid(c.phone())) {
                phone = PhoneNumbers.toZalo(c.phone());
            } else {
                problems.add(new FieldProblem("contact.phone", "must be a Vietnamese mobile number (0912345678 or +84912345678)"));
            }
        }
        if (c != null && !blank(c.email())) {
            if (EMAIL.matcher(c.email().trim()).matches()) {
                email = c.email().trim();
            } else {
                problems.add(new FieldProblem("contact.email", "is not an e-mail address"));
            }
        }
        if (name == null && phone == null && email == null) {
            return null;
        }
        return Json.MAPPER.createObjectNode().put("name", name).put("phone", phone).put("email", email).toString();
    }

    private static String attributes(FeedbackSection.Category category, Map<String, Object> given, List<FieldProblem> problems) {
        Map<String, Object> answers = given == null ? Map.of() : given;
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String code : answers.keySet()) {
            if (category.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                problems.add(new FieldProblem("attributes." + code, "is not a question of category " + category.code()));
            }
        }
        for (FeedbackSection.Attribute a : category.attributes()) {
            Object value = answers.get(a.code());
            String field = "attributes." + a.code();
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (a.required()) {
                    problems.add(new FieldProblem(field, "is required"));
                }
                continue;
            }
            List<String> values = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
            switch (a.datatype()) {
                case "number" -> {
                    try {
                        Double.parseDouble(values.get(0));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem(field, "must be a number"));
                    }
                }
                case "singlevaluelist", "multivaluelist" -> {
                    if (a.datatype().equals("singlevaluelist") && values.size() != 1) {
                        problems.add(new FieldProblem(field, "takes one value"));
                    } else if (!a.values().keySet().containsAll(values)) {
                        problems.add(new FieldProblem(field, "must be among " + String.join(", ", a.values().keySet())));
                    }
                }
                default -> {
                    if (values.get(0).length() > 1000) {
                        problems.add(new FieldProblem(field, "must be at most 1000 characters"));
                    }
                }
            }
            if (values.size() == 1 && !a.datatype().equals("multivaluelist")) {
                out.put(a.code(), values.get(0));
            } else {
                values.forEach(out.withArray(a.code())::add);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** A required free text of an inbox step, NFC, at most {@code max} characters. */
    static String required(String value, String field, int max) {
        if (blank(value)) {
            throw ApiException.invalid(field, "is required");
        }
        String v = VietnameseText.nfc(value.trim());
        if (v.length() > max) {
            throw ApiException.invalid(field, "must be at most " + max + " characters");
        }
        return v;
    }

    static String text(String value) {
        return blank(value) ? null : VietnameseText.nfc(value.trim());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
