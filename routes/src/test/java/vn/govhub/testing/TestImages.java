package vn.govhub.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Real, decodable images as a phone or scanner would send them, and what tests ask of the hub's copies. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A JPEG of at least {@code size} bytes: noise compresses badly, so it grows with its side. */
    public static byte[] noisyJpeg(int size) {
        Random random = new Random(size);
        for (int side = 32; ; side += side / 2) {
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    image.setRGB(x, y, random.nextInt(0xFFFFFF));
                }
            }
            byte[] jpeg = encode(image, "jpg");
            if (jpeg.length >= size) {
                return jpeg;
            }
        }
    }

    /** A green field with an orange disc in its upper left quarter: orientation shows in which corner is orange. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        return image;
    }

    /**
     * The JPEG with an EXIF block (big-endian TIFF, IFD0 holding the orientation) right after its start marker, the
     * {@code note} written into the block as a camera's GPS text would be.
     */
    public static byte[] withExif(byte[] jpeg, int orientation, String note) {
        byte[] text = note.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // header, IFD0 at 8
        tiff.writeBytes(new byte[] {0, 1}); // one entry
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
        tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        tiff.writeBytes(text);
        byte[] payload = tiff.toByteArray();
        int length = 2 + 6 + payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Whether the bytes carry an EXIF block anywhere. */
    public static boolean hasExif(byte[] jpeg) {
        return new String(jpeg, StandardCharsets.ISO_8859_1).contains("Exif\0\0");
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
