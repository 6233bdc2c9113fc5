package vn.govhub.feedback;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.files.FileLinks;

/** {@code GET /files/feedback/{id}?exp=&sig=}: a report's photo, for the agency's system, by signed link. */
@RestController
class FeedbackFileController {

    private final FileLinks links;
    private final FeedbackStore store;

    FeedbackFileController(FileLinks links, FeedbackStore store) {
        this.links = links;
        this.store = store;
    }

    @GetMapping(path = "/files/feedback/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String id, @RequestParam(required = false) String exp,
                                 @RequestParam(required = false) String sig) {
        if (!links.validFeedback(id, exp, sig)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        var photo = store.photo(id).orElse(null);
        byte[] content = photo == null ? null : store.photoContent(id).orElse(null);
        if (content == null) {
            return ResponseEntity.status(HttpStatus.GONE).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(content);
    }
}
