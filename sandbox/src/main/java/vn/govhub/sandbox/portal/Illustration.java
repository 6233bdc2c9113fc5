package vn.govhub.sandbox.portal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The picture every article shows: a small real JPEG, so that image fetches and decoders have bytes to chew. */
final class Illustration {

    static final byte[] JPEG = render();

    private Illustration() {
    }

    private static byte[] render() {
        BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                // a red band over yellow, loosely the colours of an official notice board
                image.setRGB(x, y, (y < 12 ? new Color(0xDA251D) : new Color(0xFFCD00)).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
