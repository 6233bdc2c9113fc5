package vn.govhub.feedback;

import vn.govhub.testing.TestImages;

/** Photos as phones send them: a real JPEG carrying an EXIF block with the place it was taken. */
final class FeedbackPhotos {

    private FeedbackPhotos() {
    }

    static byte[] jpegWithGps() {
        return TestImages.withExif(TestImages.jpeg(120, 80), 1, "GPSLatitude 11.31 GPSLongitude 106.10");
    }

    /** A JPEG (with the EXIF block) of at least {@code size} bytes. */
    static byte[] jpeg(int size) {
        return TestImages.withExif(TestImages.noisyJpeg(size), 1, "GPSLatitude 11.31 GPSLongitude 106.10");
    }
}
