package vn.govhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTermsTest {

    @ParameterizedTest
    @CsvSource({
            "hoá, hóa",
            "thuý, thúy",
            "khoẻ, khỏe",
            "thoả, thỏa",
            "HOÁ, hóa",
            "Đăng, đăng",
            "Ðăng, đăng"})
    void exactTermIgnoresTonePlacementCaseAndTheEthLookAlike(String variant, String canonical) {
        assertThat(VietnameseTerms.exactTerm(variant)).isEqualTo(VietnameseTerms.exactTerm(canonical));
    }

    @Test
    void exactTermIgnoresUnicodeForm() {
        String word = "nghiệp";
        assertThat(VietnameseTerms.exactTerm(Normalizer.normalize(word, Normalizer.Form.NFD)))
                .isEqualTo(VietnameseTerms.exactTerm(word));
    }

    @ParameterizedTest
    @CsvSource({"ma, má", "má, mà", "mả, mã", "ban, bán", "dang, đang", "lưu, lữ", "hoa, hóa", "ă, â"})
    void exactTermKeepsWordsThatOnlyDifferInAccents(String one, String other) {
        assertThat(VietnameseTerms.exactTerm(one)).isNotEqualTo(VietnameseTerms.exactTerm(other));
    }

    @Test
    void foldedTermDropsAllAccents() {
        assertThat(VietnameseTerms.foldedTerm("Đường")).isEqualTo("duong");
        assertThat(VietnameseTerms.foldedTerm("hoá")).isEqualTo(VietnameseTerms.foldedTerm("hóa"));
    }

    @Test
    void wordsSplitOnPunctuationAndKeepCodesWhole() {
        assertThat(VietnameseTerms.words("Cấp phù hiệu xe taxi, công-ten-nơ 1.001193"))
                .containsExactly("Cấp", "phù", "hiệu", "xe", "taxi", "công", "ten", "nơ", "1.001193");
    }

    @Test
    void wordsKeepDecomposedLettersTogether() {
        String decomposed = Normalizer.normalize("kết hôn", Normalizer.Form.NFD);
        assertThat(VietnameseTerms.words(decomposed)).hasSize(2);
    }
}
