package vn.govhub.catalogue;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException;
import vn.govhub.upstream.BoundedBody;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Form templates (mẫu đơn) of procedures: fetched from their upstream link once, checked (size, and that the bytes
 * are a document format we serve), kept in the database, and served from there afterwards.
 */
@Component
public class FormCache {

    /** A cached form file. */
    public record Form(String fileName, String contentType, byte[] content) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ProducerTemplate camel;
    private final Clock clock;

    public FormCache(NamedParameterJdbcTemplate jdbc, ProducerTemplate camel, Clock clock) {
        this.jdbc = jdbc;
        this.camel = camel;
        this.clock = clock;
    }

    public Form get(String url, String fileName, int maxBytes) {
        String hash = CatalogueSync.sha256(url);
        Optional<Form> cached = jdbc.query("SELECT file_name, content_type, content FROM form_file WHERE url_hash = :h",
                Map.of("h", hash), (rs, n) -> new Form(rs.getString(1), rs.getString(2), rs.getBytes(3))).stream().findFirst();
        if (cached.isPresent()) {
            return cached.get();
        }
        Form fetched = fetch(url, fileName, maxBytes);
        try {
            jdbc.update("INSERT INTO form_file (url_hash, url, file_name, content_type, size_bytes, content, fetched_at) "
                            + "VALUES (:h, :u, :f, :t, :s, :c, :now)",
                    new MapSqlParameterSource("h", hash).addValue("u", url).addValue("f", fetched.fileName())
                            .addValue("t", fetched.contentType()).addValue("s", fetched.content().length)
                            .addValue("c", fetched.content()).addValue("now", CatalogueStore.odt(clock.instant())));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another request cached it meanwhile: same bytes
        }
        return fetched;
    }

    private Form fetch(String url, String fileName, int maxBytes) {
        Exchange answer = camel.request(url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false",
                e -> e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET"));
        if (answer.getException() != null) {
            // the link comes from the national catalogue: a refusal by the outbound guard is worth an operator's look
            org.slf4j.LoggerFactory.getLogger(FormCache.class).warn("Form {} not fetched: {}", fileName, answer.getException().getMessage());
            throw new ApiException(502, "Bad Gateway", "The form could not be fetched from its source.", List.of());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            throw new ApiException(502, "Bad Gateway", "The form's source answered HTTP " + status + ".", List.of());
        }
        byte[] bytes;
        try (InputStream in = answer.getMessage().getBody(InputStream.class)) {
            bytes = BoundedBody.read(in, maxBytes, null, clock);
        } catch (BoundedBody.LimitExceeded e) {
            throw new ApiException(502, "Bad Gateway", "The form is larger than " + maxBytes + " bytes.", List.of());
        } catch (IOException e) {
            throw new ApiException(502, "Bad Gateway", "The form could not be read from its source.", List.of());
        }
        String type = documentType(bytes);
        if (type == null) {
            throw new ApiException(502, "Bad Gateway", "The form's source did not send a document (PDF, Word, Excel, OpenDocument).", List.of());
        }
        return new Form(fileName, type, bytes);
    }

    /** The media type the bytes really are, or null when they are not a document format we serve. */
    static String documentType(byte[] b) {
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "application/msword";
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            String head = new String(Arrays.copyOf(b, Math.min(b.length, 4096)), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (head.contains("word/")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (head.contains("xl/")) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            if (head.contains("opendocument.text")) {
                return "application/vnd.oasis.opendocument.text";
            }
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
