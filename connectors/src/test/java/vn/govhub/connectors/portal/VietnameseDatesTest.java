package vn.govhub.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseDatesTest {

    // 15:00 in Vietnam (UTC+7) on Friday 9 February 2024
    private static final String VN_15H = "2024-02-09T08:00:00Z";
    private static final String VN_MIDNIGHT = "2024-02-08T17:00:00Z";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # RFC 822 / 1123 as RSS writes them
            Fri, 09 Feb 2024 15:00:00 +0700         | 2024-02-09T08:00:00Z
            Fri, 09 Feb 2024 08:00:00 GMT           | 2024-02-09T08:00:00Z
            Fri, 9 Feb 2024 08:00:00 UT             | 2024-02-09T08:00:00Z
            Fri, 09 Feb 2024 03:00:00 EST           | 2024-02-09T08:00:00Z
            Fri, 09 Feb 2024 15:00:00 ICT           | 2024-02-09T08:00:00Z
            Fri, 09 Feb 2024 15:00:00 GMT+7         | 2024-02-09T08:00:00Z
            Fri, 09 Feb 2024 15:00:00 +07:00        | 2024-02-09T08:00:00Z
            Thu, 09 Feb 2024 15:00:00 +0700         | 2024-02-09T08:00:00Z
            09 Feb 2024 15:00 +0700                 | 2024-02-09T08:00:00Z
            Fri, 09 Feb 24 15:00:00 +0700           | 2024-02-09T08:00:00Z
            Fri, 09 February 2024 15:00:00 +0700    | 2024-02-09T08:00:00Z
            Fri, 09 Feb 2024 15:00:00               | 2024-02-09T08:00:00Z
            # ISO 8601 / W3C-DTF as Atom writes them
            2024-02-09T15:00:00+07:00               | 2024-02-09T08:00:00Z
            2024-02-09T08:00:00Z                    | 2024-02-09T08:00:00Z
            2024-02-09T08:00:00.123Z                | 2024-02-09T08:00:00.123Z
            2024-02-09T15:00:00+0700                | 2024-02-09T08:00:00Z
            2024-02-09T15:00:00                     | 2024-02-09T08:00:00Z
            2024-02-09 15:00:00                     | 2024-02-09T08:00:00Z
            2024-02-09T15:00                        | 2024-02-09T08:00:00Z
            2024-02-09                              | 2024-02-08T17:00:00Z
            2024/02/09 15:00                        | 2024-02-09T08:00:00Z
            # Vietnamese day-first forms from portal pages
            15:00 ngày 09/02/2024                   | 2024-02-09T08:00:00Z
            'Thứ sáu, 09/02/2024 15:00'             | 2024-02-09T08:00:00Z
            'Thứ Sáu, 09/02/2024, 15:00 (GMT+7)'    | 2024-02-09T08:00:00Z
            09/02/2024                              | 2024-02-08T17:00:00Z
            09/02/2024 - 15:00                      | 2024-02-09T08:00:00Z
            9/2/2024                                | 2024-02-08T17:00:00Z
            Cập nhật: 09-02-2024 15:00:00           | 2024-02-09T08:00:00Z
            Ngày đăng: 09.02.2024 | 2024-02-08T17:00:00Z
            15h30 09/02/2024                        | 2024-02-09T08:30:00Z
            'Hà Nội, 09/02/2024 15 giờ 30'          | 2024-02-09T08:30:00Z
            ngày 9 tháng 2 năm 2024                 | 2024-02-08T17:00:00Z
            09/02/2024 03:00 PM                     | 2024-02-09T08:00:00Z
            09/02/2024 03:00 CH                     | 2024-02-09T08:00:00Z
            09/02/2024 12:05 SA                     | 2024-02-08T17:05:00Z
            '  09/02/2024   15:00  '                | 2024-02-09T08:00:00Z
            """)
    void parsesKnownForms(String text, String expected) {
        assertThat(VietnameseDates.parse(text)).contains(Instant.parse(expected));
    }

    @Test
    void decomposedVietnameseTextIsParsed() {
        String nfd = java.text.Normalizer.normalize("15:00 ngày 09/02/2024", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseDates.parse(nfd)).contains(Instant.parse(VN_15H));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "hôm qua",
            "2 giờ trước",
            "15:00",
            "31/02/2024",
            "09/13/2024",
            "09/02/2024 25:00",
            "Fri, 09 Foo 2024 15:00:00 +0700",
            "Fri, 09 Feb 2024 15:00:00 XYZ",
            "2024-13-01",
            "Số 12/2024/NĐ-CP"})
    void unparseableTextIsEmpty(String text) {
        assertThat(VietnameseDates.parse(text)).isEmpty();
    }

    @Test
    void customPatternIsTriedFirst() {
        // "02/09/2024" would be 2 September day-first; the source says it writes month-first
        assertThat(VietnameseDates.parse("02/09/2024 15:00", "MM/dd/yyyy HH:mm")).contains(Instant.parse(VN_15H));
        assertThat(VietnameseDates.parse("02/09/2024 15:00")).contains(Instant.parse("2024-09-02T08:00:00Z"));
    }

    @Test
    void customPatternWithDateOnlyMeansStartOfDayInVietnam() {
        assertThat(VietnameseDates.parse("20240209", "yyyyMMdd")).contains(Instant.parse(VN_MIDNIGHT));
    }

    @Test
    void customPatternWithOffsetKeepsTheOffset() {
        assertThat(VietnameseDates.parse("09.02.2024 08:00 +0000", "dd.MM.yyyy HH:mm Z"))
                .contains(Instant.parse(VN_15H));
    }

    @Test
    void builtInFormsStillApplyWhenCustomPatternDoesNotFit() {
        assertThat(VietnameseDates.parse("Fri, 09 Feb 2024 15:00:00 +0700", "yyyyMMdd"))
                .contains(Instant.parse(VN_15H));
    }

    @Test
    void invalidCustomPatternIsAConfigurationError() {
        assertThatIllegalArgumentException().isThrownBy(() -> VietnameseDates.compilePattern("dd/MM/yyyy {"));
    }
}
