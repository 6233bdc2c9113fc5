package vn.govhub.feedback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes what a photo says about where it was taken. A phone camera writes the GPS position into the photo's
 * metadata; a citizen who did not choose to share the place must not reveal it through the photo. JPEG: the APP1
 * segments (EXIF, which holds the GPS block, and XMP, which can repeat it) are dropped, the image data is kept byte
 * for byte. PNG: the {@code eXIf} chunk and the text chunks (where XMP lives) are dropped. A file whose structure
 * cannot be walked is refused rather than passed on with its metadata.
 */
final class PhotoMetadata {

    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "iTXt", "tEXt", "zTXt");
    private static final int APP1 = 0xE1;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private PhotoMetadata() {
    }

    /** The photo without location metadata; {@link IllegalArgumentException} if its structure is broken. */
    static byte[] stripLocation(byte[] photo, String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> jpeg(photo);
            case "image/png" -> png(photo);
            default -> throw new IllegalArgumentException("no metadata rules for " + mediaType);
        };
    }

    /** Whether a JPEG still carries an EXIF segment (tests, and a check after stripping). */
    static boolean hasExif(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == SOS || marker == EOI) {
                return false;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == APP1 && startsWith(jpeg, i + 4, "Exif")) {
                return true;
            }
            i += 2 + length;
        }
        return false;
    }

    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2); // SOI
        int i = 2;
        while (true) {
            if (i + 2 > in.length || (in[i] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("JPEG segment structure is broken at byte " + i);
            }
            int marker = in[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == SOS || marker == EOI || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(in, i, in.length - i); // the image data onwards, untouched
                return out.toByteArray();
            }
            if (i + 4 > in.length) {
                throw new IllegalArgumentException("JPEG segment header is cut short at byte " + i);
            }
            int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > in.length) {
                throw new IllegalArgumentException("JPEG segment length " + length + " at byte " + i + " runs past the end");
            }
            if (marker != APP1) {
                out.write(in, i, 2 + length);
            }
            i += 2 + length;
        }
    }

    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8); // signature
        int i = 8;
        while (i < in.length) {
            if (i + 12 > in.length) {
                throw new IllegalArgumentException("PNG chunk is cut short at byte " + i);
            }
            long length = ((long) (in[i] & 0xFF) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length > in.length - i - 12) {
                throw new IllegalArgumentException("PNG chunk length " + length + " at byte " + i + " runs past the end");
            }
            String type = new String(in, i + 4, 4, StandardCharsets.US_ASCII);
            int size = (int) length + 12;
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, i, size);
            }
            i += size;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int offset, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return offset + p.length <= bytes.length && Arrays.equals(bytes, offset, offset + p.length, p, 0, p.length);
    }
}
