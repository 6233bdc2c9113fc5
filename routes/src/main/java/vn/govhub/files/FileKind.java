package vn.govhub.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types a dossier accepts, recognised by their first bytes (magic numbers), never by the name or the
 * declared type alone: PDF, JPEG, PNG, HEIC/HEIF (phone photos) and DOCX (a ZIP holding {@code word/document.xml}).
 */
public enum FileKind {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    HEIC("image/heic"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "heif");
    /** A DOCX names its parts in the first entries; a ZIP whose first entries are not Word's is refused. */
    private static final int DOCX_ENTRIES_SCANNED = 64;

    private final String mediaType;

    FileKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The kind the bytes are, if one of the accepted kinds. */
    public static Optional<FileKind> detect(byte[] bytes) {
        if (startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p'
                && HEIF_BRANDS.contains(new String(bytes, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of(HEIC);
        }
        if (startsWith(bytes, ZIP_MAGIC) && isWordDocument(bytes)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    /** Whether a declared media type names this kind (HEIF is HEIC's family; image/jpg is a common alias). */
    public boolean matches(String declared) {
        if (declared == null) {
            return true;
        }
        String type = declared.split(";", 2)[0].trim().toLowerCase();
        return switch (this) {
            case JPEG -> type.equals("image/jpeg") || type.equals("image/jpg") || type.equals("image/pjpeg");
            case HEIC -> type.equals("image/heic") || type.equals("image/heif");
            default -> type.equals(mediaType) || type.equals("application/octet-stream");
        };
    }

    private static boolean isWordDocument(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            for (int i = 0; i < DOCX_ENTRIES_SCANNED && (entry = zip.getNextEntry()) != null; i++) {
                if (entry.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
