package vn.govhub.dossier;

import vn.govhub.files.FileLinks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** {@code GET /files/dossiers/{id}?exp=&sig=}: a dossier's file, for the case-handling system, by signed link. */
@RestController
class DossierFileController {

    private final FileLinks links;
    private final DossierStore store;

    DossierFileController(FileLinks links, DossierStore store) {
        this.links = links;
        this.store = store;
    }

    @GetMapping(path = "/files/dossiers/{id}")
    ResponseEntity<byte[]> file(@PathVariable String id, @RequestParam(required = false) String exp,
                                @RequestParam(required = false) String sig) {
        if (!links.valid(id, exp, sig)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        var row = store.file(id).orElse(null);
        byte[] content = row == null ? null : store.content(id).orElse(null);
        if (content == null) {
            return ResponseEntity.status(HttpStatus.GONE).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(row.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(row.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}
