package vn.govhub.connectors.zalo;

import java.util.regex.Pattern;

/** Vietnamese mobile numbers as Zalo wants them: {@code 84} then nine digits, no leading zero, no plus. */
public final class PhoneNumbers {

    /** Mobile prefixes after the country code: 3x, 5x, 7x, 8x, 9x (since the 2018 renumbering). */
    private static final Pattern MOBILE = Pattern.compile("84[35789]\\d{8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    private PhoneNumbers() {
    }

    /**
     * {@code 0912 345 678}, {@code +84912345678}, {@code 84-912-345-678} → {@code 84912345678}.
     *
     * @throws IllegalArgumentException if the input is not a Vietnamese mobile number
     */
    public static String toZalo(String phone) {
        if (phone == null) {
            throw new IllegalArgumentException("no phone number");
        }
        String digits = SEPARATORS.matcher(phone.strip()).replaceAll("");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.startsWith("0")) {
            digits = "84" + digits.substring(1);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a Vietnamese mobile number");
        }
        return digits;
    }

    public static boolean isValid(String phone) {
        try {
            toZalo(phone);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** For logs and admin lists: {@code 84912***678}. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 5) + "***" + phone.substring(phone.length() - 3);
    }
}
