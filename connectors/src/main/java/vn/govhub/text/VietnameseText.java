package vn.govhub.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Unicode handling for Vietnamese text. The same word reaches the hub precomposed (NFC) or decomposed (NFD),
 * and with the tone mark on either vowel ("hoá" / "hóa"); {@link #nfc} makes storage consistent and
 * {@link #fold} makes search and dedupe insensitive to all of that.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("[\\u0300-\\u036F]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private VietnameseText() {
    }

    /** Canonical composition (NFC), the form every text is stored in. */
    public static String nfc(String text) {
        Objects.requireNonNull(text, "text");
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Accent-free, lower-case, whitespace-collapsed form for matching: "Thủ tục  hành chính" and
     * "thu tuc hanh chinh" fold to the same string. Tone and vowel marks are dropped, so the old and new tone
     * placements ("hoá", "hóa") fold equally. đ/Đ have no decomposition and are mapped explicitly, as is the
     * look-alike Ð (U+00D0) that some keyboards produce for Đ.
     */
    public static String fold(String text) {
        Objects.requireNonNull(text, "text");
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        StringBuilder mapped = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case 'đ' -> mapped.append('d');
                case 'Đ', 'Ð' -> mapped.append('D');
                default -> mapped.append(c);
            }
        }
        String lower = mapped.toString().toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(lower).replaceAll(" ").strip();
    }

    /** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
    public static String collapseWhitespace(String text) {
        Objects.requireNonNull(text, "text");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
