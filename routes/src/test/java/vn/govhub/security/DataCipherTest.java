package vn.govhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataCipherTest {

    private static String key(int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return Base64.getEncoder().encodeToString(raw);
    }

    private final DataCipher cipher = new DataCipher(new SecurityProperties(key(1), List.of(), true));

    @Test
    void roundTripsAndNeverStoresThePlainValue() {
        String stored = cipher.encrypt("079203001234", "national_id");
        assertThat(stored).startsWith("v1:").doesNotContain("079203001234");
        assertThat(cipher.decrypt(stored, "national_id")).isEqualTo("079203001234");
        assertThat(cipher.encrypt("079203001234", "national_id")).as("random IV").isNotEqualTo(stored);
    }

    @Test
    void valueMovedToAnotherColumnDoesNotDecrypt() {
        String stored = cipher.encrypt("secret", "refresh_token");
        assertThatThrownBy(() -> cipher.decrypt(stored, "access_token")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void alteredValueIsRefused() {
        String stored = cipher.encrypt("secret", "c");
        int cut = stored.lastIndexOf(':') + 1;
        byte[] sealed = Base64.getDecoder().decode(stored.substring(cut));
        sealed[sealed.length / 2] ^= 1; // one bit of the ciphertext
        String altered = stored.substring(0, cut) + Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> cipher.decrypt(altered, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotatedKeyStillReadsOldRowsAndFlagsThemForReencryption() {
        String old = cipher.encrypt("secret", "c");
        DataCipher rotated = new DataCipher(new SecurityProperties(key(2), List.of(key(1)), true));
        assertThat(rotated.decrypt(old, "c")).isEqualTo("secret");
        assertThat(rotated.needsReencryption(old)).isTrue();
        assertThat(rotated.needsReencryption(rotated.encrypt("secret", "c"))).isFalse();
        DataCipher withoutOldKey = new DataCipher(new SecurityProperties(key(2), List.of(), true));
        assertThatThrownBy(() -> withoutOldKey.decrypt(old, "c")).hasMessageContaining("neither the current");
    }

    @Test
    void withoutKeyNothingIsEncrypted() {
        DataCipher none = new DataCipher(new SecurityProperties("", List.of(), true));
        assertThat(none.ready()).isFalse();
        assertThatThrownBy(() -> none.encrypt("x", "c")).hasMessageContaining("GOVHUB_SECURITY_DATA_KEY");
    }

    @Test
    void wrongKeyLengthIsRefusedAtStart() {
        assertThatThrownBy(() -> new DataCipher(new SecurityProperties(Base64.getEncoder().encodeToString(new byte[16]), List.of(), true)))
                .hasMessageContaining("32 bytes");
    }
}
