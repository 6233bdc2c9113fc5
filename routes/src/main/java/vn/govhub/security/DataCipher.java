package vn.govhub.security;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AES-256-GCM for values kept in the database that must not be readable there: OA tokens, national ID numbers.
 * A value is stored as {@code v1:<key id>:<base64 of iv, ciphertext and tag>}; the key id (the first bytes of the
 * key's SHA-256) lets a rotated-out key keep reading old rows until they are re-encrypted with the current one.
 * The column name is bound in as associated data, so a value copied into another column does not decrypt.
 */
@Component
public class DataCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public DataCipher(SecurityProperties properties) {
        String current = null;
        if (!properties.dataKey().isBlank()) {
            current = add(properties.dataKey(), "govhub.security.data-key");
        }
        for (String previous : properties.previousDataKeys()) {
            if (!previous.isBlank()) {
                add(previous, "govhub.security.previous-data-keys");
            }
        }
        this.currentKeyId = current;
    }

    /** Whether a current key is configured; without one nothing can be encrypted. */
    public boolean ready() {
        return currentKeyId != null;
    }

    public String encrypt(String plain, String column) {
        if (plain == null) {
            return null;
        }
        if (currentKeyId == null) {
            throw new IllegalStateException("govhub.security.data-key (GOVHUB_SECURITY_DATA_KEY) is not set: "
                    + "the hub cannot store " + column + " encrypted");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption of " + column + " failed", e);
        }
    }

    /** @throws IllegalStateException if the value is not ours, was altered, or its key is no longer configured */
    public String decrypt(String stored, String column) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException(column + " is not an encrypted value");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException(column + " was encrypted with key " + parts[1]
                    + ", which is neither the current nor a previous data key");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(column + " cannot be decrypted (altered, or the wrong key)", e);
        }
    }

    /** Whether a stored value was written with a key other than the current one (to re-encrypt on rotation). */
    public boolean needsReencryption(String stored) {
        return stored != null && currentKeyId != null && !stored.startsWith(PREFIX + currentKeyId + ":");
    }

    private String add(String base64, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(setting + " must be 32 bytes (AES-256), base64; it is " + raw.length);
        }
        String id = keyId(raw);
        keys.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
        return id;
    }

    private static String keyId(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
