package vn.govhub.connectors.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the captured-style payloads under src/test/resources/portal. */
final class Samples {

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/portal/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
