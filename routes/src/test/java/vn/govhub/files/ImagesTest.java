package vn.govhub.files;

import org.junit.jupiter.api.Test;
import vn.govhub.testing.TestImages;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagesTest {

    private static final String GPS = "GPSLatitude 11.31 GPSLongitude 106.10";

    @Test
    void aPhotoLosesItsPlaceAndIsTurnedTheWayItWasTaken() throws Exception {
        // stored landscape 120x80, the camera held a quarter turn clockwise (orientation 6)
        byte[] photo = TestImages.withExif(TestImages.jpeg(120, 80), 6, GPS);
        byte[] kept = Images.reencode(photo, "image/jpeg", false);
        assertThat(TestImages.hasExif(kept)).isFalse();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
        BufferedImage upright = TestImages.decode(kept);
        assertThat(upright.getWidth()).isEqualTo(80);
        assertThat(upright.getHeight()).isEqualTo(120);
        // the orange corner (stored top left) is now top right
        assertThat(orange(upright.getRGB(75, 5))).isTrue();
        assertThat(orange(upright.getRGB(5, 5))).isFalse();
    }

    @Test
    void everyOrientationComesOutUpright() throws Exception {
        // which corner the stored top-left ends up in, per EXIF orientation (x right, y down)
        int[][] corner = {null, {0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage upright = TestImages.decode(Images.reencode(TestImages.withExif(TestImages.jpeg(120, 80), o, GPS), "image/jpeg", false));
            int w = upright.getWidth();
            int h = upright.getHeight();
            assertThat(w).as("orientation " + o).isEqualTo(o >= 5 ? 80 : 120);
            int x = corner[o][0] == 0 ? 5 : w - 6;
            int y = corner[o][1] == 0 ? 5 : h - 6;
            assertThat(orange(upright.getRGB(x, y))).as("orientation " + o).isTrue();
        }
    }

    @Test
    void aSharedPlaceKeepsTheExifBlock() throws Exception {
        byte[] photo = TestImages.withExif(TestImages.jpeg(120, 80), 6, GPS);
        byte[] kept = Images.reencode(photo, "image/jpeg", true);
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).contains(GPS);
        assertThat(TestImages.decode(kept).getWidth()).isEqualTo(120);
    }

    @Test
    void bytesAfterThePictureDoNotSurvive() throws Exception {
        for (String type : new String[] {"image/png", "image/jpeg"}) {
            byte[] picture = type.equals("image/png") ? TestImages.png(50, 40) : TestImages.jpeg(50, 40);
            ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
            polyglot.writeBytes(picture);
            polyglot.writeBytes("PK\u0003\u0004<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
            byte[] kept = Images.reencode(polyglot.toByteArray(), type, false);
            assertThat(new String(kept, StandardCharsets.ISO_8859_1)).as(type).doesNotContain("script");
            assertThat(TestImages.decode(kept).getWidth()).as(type).isEqualTo(50);
        }
    }

    @Test
    void aBombIsRefusedBeforeItIsDecoded() {
        byte[] bomb = pngHeader(100_000, 100_000);
        assertThatThrownBy(() -> Images.reencode(bomb, "image/png", false)).isInstanceOf(Images.Refused.class)
                .hasMessageContaining("100000×100000");
    }

    @Test
    void aLargePictureIsScaledDownWhileDecoding() throws Exception {
        byte[] wide = TestImages.png(Images.MAX_EDGE * 2 + 10, 40);
        BufferedImage kept = TestImages.decode(Images.reencode(wide, "image/png", false));
        assertThat(kept.getWidth()).isLessThanOrEqualTo(Images.MAX_EDGE);
    }

    @Test
    void damagedOrForeignBytesAreRefused() {
        byte[] jpeg = TestImages.jpeg(50, 40);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 200);
        assertThatThrownBy(() -> Images.reencode(cut, "image/jpeg", false)).isInstanceOf(Images.Refused.class);
        assertThatThrownBy(() -> Images.reencode("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "image/jpeg", false))
                .isInstanceOf(Images.Refused.class);
        assertThatThrownBy(() -> Images.reencode(jpeg, "image/heic", false)).isInstanceOf(Images.Refused.class);
    }

    private static boolean orange(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getGreen() > 150 && c.getBlue() < 80;
    }

    /** A PNG signature and an IHDR chunk declaring the size, and nothing else. */
    private static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        byte[] chunk = {'I', 'H', 'D', 'R', (byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
                (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height, 8, 2, 0, 0, 0};
        out.writeBytes(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }
}
