package vn.govhub.feedback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Photos as phones send them: a JPEG with an EXIF GPS block and an XMP packet before the image data. */
final class FeedbackPhotos {

    static final String SCAN = "scan-data-of-the-storm-damaged-tree";
    static final int APP1_BYTES;
    private static final byte[] EXIF;
    private static final byte[] XMP;

    static {
        EXIF = segment(0xE1, "Exif\0\0MM\0*GPSLatitude 11.31 GPSLongitude 106.10");
        XMP = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta exif:GPSLatitude=\"11,18.6N\"/>");
        APP1_BYTES = EXIF.length + XMP.length;
    }

    private FeedbackPhotos() {
    }

    static byte[] jpegWithGps() {
        return jpeg(0);
    }

    /** A JPEG of at least {@code size} bytes (padding inside the scan data). */
    static byte[] jpeg(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(segment(0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0"));
        out.writeBytes(EXIF);
        out.writeBytes(XMP);
        out.writeBytes(segment(0xDB, "\0" + "q".repeat(64)));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0});
        out.writeBytes(SCAN.getBytes(StandardCharsets.ISO_8859_1));
        int padding = size - out.size() - 2 - SCAN.length();
        for (int i = 0; i < padding; i++) {
            out.write('p');
        }
        out.writeBytes(SCAN.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static byte[] segment(int marker, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        int length = data.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.writeBytes(data);
        return out.toByteArray();
    }
}
