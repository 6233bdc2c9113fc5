package vn.govhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import vn.govhub.text.VietnameseText;

/**
 * How words become index terms. Both the index and the query side split text with the same tokenizer and map
 * each word with the same function, so a query word always lands on the term the document word became.
 * <ul>
 *   <li>{@link #exactTerm}: keeps the accents but not where the tone mark sits: "hoá" and "hóa" (and NFC/NFD,
 *   upper/lower case) give the same term. The tone is moved to a suffix digit, so the term stays
 *   accent-exact: "má" and "ma" differ.</li>
 *   <li>{@link #foldedTerm}: accent-free, via {@link VietnameseText#fold}.</li>
 * </ul>
 */
final class VietnameseTerms {

    /** Keeps multi-valued fields (document names) from forming phrases across values. */
    private static final int POSITION_GAP = 100;

    static final Analyzer EXACT = mappingAnalyzer(VietnameseTerms::exactTerm);
    static final Analyzer FOLDED = mappingAnalyzer(VietnameseTerms::foldedTerm);
    private static final Analyzer WORDS = mappingAnalyzer(UnaryOperator.identity());

    private VietnameseTerms() {
    }

    static String exactTerm(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        char tone = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            char toneDigit = toneDigit(c);
            if (toneDigit != 0) {
                tone = toneDigit;
            } else {
                base.append(c);
            }
        }
        String lower = Normalizer.normalize(base, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('ð', 'đ'); // Ð (U+00D0) typed for Đ lower-cases to ð
        return tone == 0 ? lower : lower + tone;
    }

    static String foldedTerm(String word) {
        return VietnameseText.fold(word);
    }

    /** The words of {@code text} as the tokenizer splits them, unmapped. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = WORDS.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("tokenizing a string cannot fail", e);
        }
        return words;
    }

    /** Vietnamese tones as combining marks after NFD; the vowel marks (circumflex, breve, horn) stay. */
    private static char toneDigit(char c) {
        return switch (c) {
            case '\u0301' -> '1'; // sắc
            case '\u0300' -> '2'; // huyền
            case '\u0309' -> '3'; // hỏi
            case '\u0303' -> '4'; // ngã
            case '\u0323' -> '5'; // nặng
            default -> 0;
        };
    }

    private static Analyzer mappingAnalyzer(UnaryOperator<String> mapping) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new MappingFilter(tokenizer, mapping));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }

    private static final class MappingFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final UnaryOperator<String> mapping;

        MappingFilter(TokenStream input, UnaryOperator<String> mapping) {
            super(input);
            this.mapping = mapping;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String mapped = mapping.apply(term.toString());
            term.setEmpty().append(mapped);
            return true;
        }
    }
}
