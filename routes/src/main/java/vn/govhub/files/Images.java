package vn.govhub.files;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

/**
 * Every photo or scanned page the hub keeps is decoded and written anew: what reaches an agency or a case system is
 * pixels the hub has seen, never bytes it has not (data appended after the image, polyglot files, metadata). On the
 * way, the camera's orientation is applied, location and other metadata go (unless the citizen chose to share the
 * place: then the original EXIF block is kept), and a picture larger than {@link #MAX_EDGE} pixels on its long edge
 * is scaled down while decoding. A picture declaring more than {@link #MAX_PIXELS} pixels is refused before decoding
 * (a decompression bomb), and at most {@link #DECODERS} pictures are decoded at once, so memory stays bounded.
 */
public final class Images {

    /** A picture with a larger long edge is scaled down (a 600 dpi A4 scan keeps 300 dpi). */
    public static final int MAX_EDGE = 6000;
    /** A header declaring more pixels than this is not decoded at all. */
    public static final long MAX_PIXELS = 120_000_000L;
    static final int DECODERS = 2;

    private static final Semaphore DECODING = new Semaphore(DECODERS);

    /** A picture that could not be decoded (or not safely): the message says why, for the citizen. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private Images() {
    }

    /**
     * The picture decoded and encoded again in its own format ({@code image/jpeg} or {@code image/png}).
     *
     * @param keepLocation keep the original EXIF block (JPEG only), as the citizen chose to share where it was taken
     */
    public static byte[] reencode(byte[] picture, String mediaType, boolean keepLocation) throws Refused {
        boolean jpeg = mediaType.equals("image/jpeg");
        if (!jpeg && !mediaType.equals("image/png")) {
            throw new Refused("is not a JPEG or PNG picture");
        }
        try {
            DECODING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("could not be checked now; try again");
        }
        try {
            BufferedImage image = decode(picture);
            byte[] exif = jpeg ? Exif.segment(picture) : null;
            if (exif != null && !keepLocation) {
                image = Exif.upright(image, Exif.orientation(exif));
            }
            byte[] encoded = jpeg ? jpeg(image) : png(image);
            return keepLocation && exif != null ? Exif.insert(encoded, exif) : encoded;
        } catch (IOException | RuntimeException e) {
            throw new Refused("is a damaged or unsupported picture (" + e.getClass().getSimpleName() + ")");
        } finally {
            DECODING.release();
        }
    }

    private static BufferedImage decode(byte[] picture) throws IOException, Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(picture))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refused("is not a picture the hub can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new Refused("declares " + width + "×" + height + " pixels, more than the hub decodes");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.max(width, height) / (double) MAX_EDGE);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_3BYTE_BGR
                        || image.getType() == BufferedImage.TYPE_INT_RGB ? image : rgb(image);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage rgb(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(image, 0, 0, null);
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage opaque = image.getColorModel().hasAlpha() ? rgb(image) : image;
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(opaque, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /** The EXIF block of a JPEG: found, read for its orientation, and put back into a new JPEG. */
    static final class Exif {
        private Exif() {
        }

        /** The whole APP1 "Exif" segment (marker and length included), or null. */
        static byte[] segment(byte[] jpeg) {
            int i = 2;
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                int marker = jpeg[i + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return null;
                }
                int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                if (length < 2 || i + 2 + length > jpeg.length) {
                    return null;
                }
                if (marker == 0xE1 && length > 8 && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i' && jpeg[i + 7] == 'f') {
                    byte[] segment = new byte[2 + length];
                    System.arraycopy(jpeg, i, segment, 0, segment.length);
                    return segment;
                }
                i += 2 + length;
            }
            return null;
        }

        /** The orientation tag (0x0112) of IFD0, 1 when absent or unreadable. */
        static int orientation(byte[] segment) {
            int tiff = 10; // FF E1 len(2) "Exif\0\0"
            if (segment.length < tiff + 8) {
                return 1;
            }
            boolean little = segment[tiff] == 'I';
            int ifd = tiff + u32(segment, tiff + 4, little);
            if (ifd < tiff || ifd + 2 > segment.length) {
                return 1;
            }
            int entries = u16(segment, ifd, little);
            for (int e = 0; e < entries; e++) {
                int at = ifd + 2 + e * 12;
                if (at + 12 > segment.length) {
                    return 1;
                }
                if (u16(segment, at, little) == 0x0112) {
                    int value = u16(segment, at + 8, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        /** The picture turned the way the camera says it was held. */
        static BufferedImage upright(BufferedImage image, int orientation) {
            if (orientation == 1) {
                return image;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            boolean swap = orientation >= 5;
            // where each stored pixel goes on screen: x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
            AffineTransform t = switch (orientation) {
                case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
                case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
                case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
                case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
                case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // turned a quarter clockwise
                case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
                case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // turned a quarter anticlockwise
                default -> new AffineTransform();
            };
            BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h,
                    image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = out.createGraphics();
            g.drawImage(image, t, null);
            g.dispose();
            return out;
        }

        /** A JPEG with {@code segment} right after its start marker. */
        static byte[] insert(byte[] jpeg, byte[] segment) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segment.length);
            out.write(jpeg, 0, 2);
            out.write(segment, 0, segment.length);
            out.write(jpeg, 2, jpeg.length - 2);
            return out.toByteArray();
        }

        private static int u16(byte[] b, int at, boolean little) {
            return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        }

        private static int u32(byte[] b, int at, boolean little) {
            return little ? u16(b, at, true) | u16(b, at + 2, true) << 16 : u16(b, at, false) << 16 | u16(b, at + 2, false);
        }
    }
}
