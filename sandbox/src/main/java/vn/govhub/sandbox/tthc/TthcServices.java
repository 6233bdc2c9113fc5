package vn.govhub.sandbox.tthc;

import static vn.govhub.sandbox.tthc.TthcJson.JSON;
import static vn.govhub.sandbox.tthc.TthcJson.bytes;
import static vn.govhub.sandbox.tthc.TthcJson.error;
import static vn.govhub.sandbox.tthc.TthcJson.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.govhub.sandbox.tthc.ProcedureCatalogue.Procedure;

/**
 * What the national database answers once a call is let through: the four services over the catalogue, and the
 * form templates its documents link to. Every read of the catalogue holds its monitor, because
 * {@link #nextRevision()} changes it in place while the hub may be syncing.
 */
final class TthcServices {

    private final ProcedureCatalogue catalogue; // guarded by itself
    private final Supplier<String> baseUrl;
    private final TthcFaults faults;

    /**
     * @param baseUrl the simulator's, known once started; form links are written with it
     * @param faults  asked whether a detail answer is to be cut off
     */
    TthcServices(int procedureCount, Supplier<String> baseUrl, TthcFaults faults) {
        this.catalogue = new ProcedureCatalogue(procedureCount);
        this.baseUrl = baseUrl;
        this.faults = faults;
    }

    /** The answer of {@code service} to a call already admitted. */
    ResponseDefinition answer(String service, JsonNode body) {
        return switch (service) {
            case TthcSimulator.LIST_SERVICE -> list(body);
            case TthcSimulator.DETAIL_SERVICE -> detail(body);
            case TthcSimulator.AGENCIES_SERVICE -> agencies();
            case TthcSimulator.SECTORS_SERVICE -> sectors();
            default -> error(TthcSimulator.UNKNOWN_SERVICE, "Không tìm thấy dịch vụ " + service);
        };
    }

    List<String> procedureCodes() {
        synchronized (catalogue) {
            return catalogue.listed().stream().map(p -> p.code).toList();
        }
    }

    /** The {@code LayThuTuc} item of a listed procedure, as read back from its JSON bytes. */
    Optional<JsonNode> procedure(String code) {
        Optional<ObjectNode> item;
        synchronized (catalogue) {
            item = catalogue.find(code).map(this::write);
        }
        return item.map(node -> {
            try {
                return JSON.readTree(bytes(node));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    int revision() {
        synchronized (catalogue) {
            return catalogue.revision();
        }
    }

    ProcedureCatalogue.Revision nextRevision() {
        synchronized (catalogue) {
            return catalogue.next();
        }
    }

    void reset() {
        synchronized (catalogue) {
            catalogue.reset();
        }
    }

    private ResponseDefinition list(JsonNode body) {
        int page = body.path("page").asInt(0);
        int pageSize = body.path("pageSize").asInt(0);
        ArrayNode result = JSON.createArrayNode();
        synchronized (catalogue) {
            List<Procedure> listed = catalogue.listed();
            int from = 0;
            int to = listed.size();
            if (page > 0 && pageSize > 0) {
                from = (int) Math.min(listed.size(), (long) (page - 1) * pageSize);
                to = (int) Math.min(listed.size(), (long) from + pageSize);
            }
            for (Procedure p : listed.subList(from, to)) {
                result.addObject().put("MATTHC", p.code).put("TENTTHC", p.name());
            }
        }
        return ok(result);
    }

    private ResponseDefinition detail(JsonNode body) {
        String code = body.path("maTTHC").asText("").strip();
        if (code.isEmpty()) {
            return error(TthcSimulator.BAD_REQUEST, "Thiếu tham số maTTHC");
        }
        ArrayNode result = JSON.createArrayNode();
        synchronized (catalogue) {
            catalogue.find(code).map(this::write).ifPresent(result::add);
        }
        if (faults.takeTruncation()) {
            byte[] whole = bytes(TthcJson.success(result));
            int cut = whole.length / 2;
            while (cut > 1 && (whole[cut] & 0xC0) == 0x80) {
                cut--; // cut between characters: the JSON is broken, the UTF-8 is not
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", TthcJson.TYPE).withBody(Arrays.copyOf(whole, cut)).build();
        }
        return ok(result);
    }

    private ResponseDefinition agencies() {
        ArrayNode result = JSON.createArrayNode();
        for (Agencies.Agency agency : Agencies.all()) {
            result.addObject().put("MADONVI", agency.code()).put("TENDONVI", agency.name());
        }
        return ok(result);
    }

    private ResponseDefinition sectors() {
        ArrayNode result = JSON.createArrayNode();
        synchronized (catalogue) {
            catalogue.sectorCodes().forEach((name, code) ->
                    result.addObject().put("MALINHVUC", code).put("TENLINHVUC", name));
        }
        return ok(result);
    }

    /** {@code GET /download_file.jsp?ma=}: a form template, named for both old and new browsers. */
    ResponseDefinition download(Request request) {
        String key = request.queryParameter("ma").isPresent() ? request.queryParameter("ma").firstValue() : null;
        Optional<ProcedureWriter.Form> form = ProcedureWriter.parseFormKey(key).flatMap(k -> {
            synchronized (catalogue) {
                return catalogue.byIndex(k[0]).flatMap(p -> ProcedureWriter.form(p, k[1]));
            }
        });
        if (form.isEmpty()) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                    .withHeader("Content-Type", "text/html; charset=UTF-8")
                    .withBody("<html><body><h1>Không tìm thấy tệp tin</h1></body></html>").build();
        }
        ProcedureWriter.Form f = form.get();
        String ascii = FormFiles.ascii(f.fileName()).replace("\"", "");
        String encoded = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", f.contentType())
                .withHeader("Content-Disposition",
                        "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .withBody(f.bytes()).build();
    }

    /** Called holding the catalogue's monitor. */
    private ObjectNode write(Procedure p) {
        return ProcedureWriter.write(p, baseUrl.get(), catalogue.sectorCodes().get(p.seed.sector()));
    }
}
