package vn.govhub.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Location metadata leaves photos, the image stays byte for byte. */
class PhotoMetadataTest {

    @Test
    void exifAndXmpSegmentsLeaveAJpegAndTheImageDataStays() {
        byte[] jpeg = FeedbackPhotos.jpegWithGps();
        assertThat(PhotoMetadata.hasExif(jpeg)).isTrue();
        byte[] stripped = PhotoMetadata.stripLocation(jpeg, "image/jpeg");
        assertThat(PhotoMetadata.hasExif(stripped)).isFalse();
        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("GPS").doesNotContain("xap/1.0");
        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).contains("JFIF").endsWith(FeedbackPhotos.SCAN + "\u00FF\u00D9");
        assertThat(stripped.length).isEqualTo(jpeg.length - FeedbackPhotos.APP1_BYTES);
    }

    @Test
    void textAndExifChunksLeaveAPng() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", new byte[13]);
        chunk(png, "eXIf", "GPS 11.31 106.10".getBytes(StandardCharsets.US_ASCII));
        chunk(png, "iTXt", "XML:com.adobe.xmp GPS".getBytes(StandardCharsets.US_ASCII));
        chunk(png, "IDAT", new byte[] {1, 2, 3});
        chunk(png, "IEND", new byte[0]);
        byte[] stripped = PhotoMetadata.stripLocation(png.toByteArray(), "image/png");
        String text = new String(stripped, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("IHDR", "IDAT", "IEND").doesNotContain("eXIf", "GPS", "iTXt");
    }

    @Test
    void aBrokenStructureIsRefusedRatherThanPassedOn() {
        byte[] jpeg = FeedbackPhotos.jpegWithGps();
        byte[] cut = java.util.Arrays.copyOf(jpeg, 30);
        assertThatThrownBy(() -> PhotoMetadata.stripLocation(cut, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(new byte[] {0, 0, (byte) (data.length >> 8), (byte) data.length});
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(new byte[4]); // CRC: not checked here
    }
}
