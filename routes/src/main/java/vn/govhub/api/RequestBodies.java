package vn.govhub.api;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadFileCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Reads the bodies the mini app sends to Spring MVC controllers: JSON, or multipart/form-data with one JSON part and
 * file parts. Multipart is read as a stream from the request (so the inbound limits count and time every byte),
 * part by part; a part over {@code maxPartBytes} or more than {@code maxParts} parts are refused as they arrive.
 * Unreadable input is an {@link ApiException} (400), a body over its limit a {@link BodyLimitExceeded} (413).
 */
public final class RequestBodies {

    /** Receives each file part of a multipart request, in order. */
    @FunctionalInterface
    public interface FileSink {
        void accept(String partName, String fileName, String contentType, byte[] content);
    }

    private static final int MAX_JSON_PART = 1 << 20;
    private static final int MAX_PARTS = 50;

    private RequestBodies() {
    }

    /** The JSON body, or the JSON part {@code partName} of a multipart body (its file parts go to {@code files}). */
    public static <T> T read(HttpServletRequest request, String partName, Class<T> type, FileSink files) throws IOException {
        return read(request, partName, type, files, Long.MAX_VALUE);
    }

    /** As {@link #read(HttpServletRequest, String, Class, FileSink)}, each file part at most {@code maxPartBytes}. */
    public static <T> T read(HttpServletRequest request, String partName, Class<T> type, FileSink files, long maxPartBytes)
            throws IOException {
        if (multipart(request)) {
            T value = null;
            JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
            upload.setFileCountMax(MAX_PARTS);
            try {
                FileItemInputIterator parts = upload.getItemIterator(request);
                while (parts.hasNext()) {
                    FileItemInput part = parts.next();
                    try (InputStream in = part.getInputStream()) {
                        if (part.getFieldName() != null && part.getFieldName().equals(partName) && part.getName() == null) {
                            value = json(InboundFilter.readAtMost(in, MAX_JSON_PART), type);
                        } else if (part.getName() != null) {
                            byte[] content;
                            try {
                                content = InboundFilter.readAtMost(in, maxPartBytes);
                            } catch (BodyLimitExceeded tooLarge) {
                                throw tooLarge.status() != 413 ? tooLarge : new BodyLimitExceeded(413, "The file '"
                                        + part.getName() + "' is larger than the " + maxPartBytes + " bytes accepted here.");
                            }
                            files.accept(part.getFieldName(), part.getName(), part.getContentType(), content);
                        }
                    }
                }
            } catch (FileUploadFileCountLimitException e) {
                throw ApiException.invalid("body", "has more than " + MAX_PARTS + " parts");
            } catch (FileUploadSizeException e) {
                throw new BodyLimitExceeded(413, "A part of the request is larger than accepted here.");
            } catch (FileUploadException e) {
                BodyLimitExceeded limit = BodyLimitExceeded.in(e);
                if (limit != null) {
                    throw limit;
                }
                throw new ApiException(400, "Unreadable request", "The multipart request is malformed.", List.of());
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

    private static boolean multipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The whole body, within the inbound limits. */
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
