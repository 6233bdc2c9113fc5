package vn.govhub.api;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the bodies the mini app sends to Spring MVC controllers: JSON, or multipart/form-data with one JSON part and
 * file parts. Unreadable input is an {@link ApiException} (400), never a 500.
 */
public final class RequestBodies {

    /** Receives each file part of a multipart request, in order. */
    @FunctionalInterface
    public interface FileSink {
        void accept(String partName, String fileName, String contentType, byte[] content);
    }

    private RequestBodies() {
    }

    /** The JSON body, or the JSON part {@code partName} of a multipart body (its file parts go to {@code files}). */
    public static <T> T read(HttpServletRequest request, String partName, Class<T> type, FileSink files) throws IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("multipart/form-data")) {
            T value = null;
            try {
                for (Part part : request.getParts()) {
                    if (part.getName().equals(partName) && part.getSubmittedFileName() == null) {
                        try (InputStream in = part.getInputStream()) {
                            value = json(in.readAllBytes(), type);
                        }
                    } else if (part.getSubmittedFileName() != null) {
                        try (InputStream in = part.getInputStream()) {
                            files.accept(part.getName(), part.getSubmittedFileName(), part.getContentType(), in.readAllBytes());
                        }
                    }
                }
            } catch (ServletException | IllegalStateException e) {
                throw new ApiException(400, "Unreadable request", "The multipart request is malformed or larger than allowed.", List.of());
            }
            if (value == null) {
                throw ApiException.invalid(partName, "the multipart request needs a '" + partName + "' part (JSON)");
            }
            return value;
        }
        byte[] body = raw(request);
        if (body.length == 0) {
            throw ApiException.invalid("body", "a JSON body is required");
        }
        return json(body, type);
    }

    public static byte[] raw(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        }
    }

    public static <T> T json(byte[] json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new ApiException(400, "Malformed JSON", "The request body is not the expected JSON: " + e.getOriginalMessage(), List.of());
        } catch (IOException e) {
            throw new ApiException(400, "Unreadable request", "The request body could not be read.", List.of());
        }
    }
}
