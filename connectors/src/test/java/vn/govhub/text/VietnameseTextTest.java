package vn.govhub.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void nfcComposesDecomposedInput() {
        String decomposed = nfd("Tiếng Việt");
        assertThat(decomposed).isNotEqualTo("Tiếng Việt");
        assertThat(VietnameseText.nfc(decomposed)).isEqualTo("Tiếng Việt");
    }

    @Test
    void nfcLeavesComposedInputAlone() {
        String composed = "Ủy ban nhân dân tỉnh";
        assertThat(VietnameseText.nfc(composed)).isSameAs(composed);
    }

    @Test
    void nfcKeepsOldAndNewTonePlacementDistinct() {
        // normalisation does not move tone marks: only folding makes these equal
        assertThat(VietnameseText.nfc("hoá")).isNotEqualTo(VietnameseText.nfc("hóa"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Thủ tục hành chính, thu tuc hanh chinh",
            "ĐẮK LẮK, dak lak",
            "đường, duong",
            "Ðà Nẵng, da nang",
            "Quảng Trị, quang tri",
            "Ứng dụng, ung dung",
            "Hồ sơ trực tuyến, ho so truc tuyen",
            "Phường Ngọc Hà, phuong ngoc ha",
    })
    void foldStripsMarksAndLowerCases(String input, String expected) {
        assertThat(VietnameseText.fold(input)).isEqualTo(expected);
    }

    @Test
    void foldTreatsDecomposedInputLikeComposed() {
        assertThat(VietnameseText.fold(nfd("Nghệ An"))).isEqualTo("nghe an");
        assertThat(VietnameseText.fold(nfd("Nghệ An"))).isEqualTo(VietnameseText.fold("Nghệ An"));
    }

    @Test
    void foldMakesOldAndNewTonePlacementEqual() {
        assertThat(VietnameseText.fold("hoá")).isEqualTo(VietnameseText.fold("hóa")).isEqualTo("hoa");
        assertThat(VietnameseText.fold("thuý")).isEqualTo(VietnameseText.fold("thúy"));
        assertThat(VietnameseText.fold("Khoẻ")).isEqualTo(VietnameseText.fold("khỏe"));
    }

    @Test
    void foldCollapsesWhitespaceIncludingNoBreakSpace() {
        assertThat(VietnameseText.fold("  Tin\u00A0tức \t\n  sự   kiện ")).isEqualTo("tin tuc su kien");
    }

    @Test
    void foldIgnoresLocaleOfTheMachine() {
        // Locale.ROOT: a Turkish default locale would otherwise turn "I" into dotless "ı"
        assertThat(VietnameseText.fold("THÔNG TIN")).isEqualTo("thong tin");
    }

    @Test
    void nullIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> VietnameseText.fold(null));
        assertThatNullPointerException().isThrownBy(() -> VietnameseText.nfc(null));
    }
}
