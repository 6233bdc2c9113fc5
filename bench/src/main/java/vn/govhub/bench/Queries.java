package vn.govhub.bench;

import vn.govhub.text.VietnameseText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * 200 realistic search queries, fixed (seeded): what citizens type for the real procedure names of the seed list —
 * with accents, without, decomposed (NFD), with one typo, cut short while typing, upper-case.
 */
final class Queries {

    private Queries() {
    }

    static List<String> twoHundred() {
        List<String> names = names();
        Random random = new Random(20261128L);
        List<String> queries = new ArrayList<>();
        for (int i = 0; queries.size() < 200; i++) {
            String name = names.get(random.nextInt(names.size()));
            String[] words = name.toLowerCase().split("\\s+");
            String phrase = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 2 + random.nextInt(3))));
            String query = switch (i % 6) {
                case 0 -> phrase;
                case 1 -> VietnameseText.fold(phrase);
                case 2 -> Normalizer.normalize(phrase, Normalizer.Form.NFD);
                case 3 -> typo(VietnameseText.fold(phrase), random);
                case 4 -> phrase.length() > 6 ? phrase.substring(0, phrase.length() - 3) : phrase;
                default -> phrase.toUpperCase();
            };
            queries.add(query);
        }
        return queries;
    }

    private static String typo(String text, Random random) {
        if (text.length() < 6) {
            return text;
        }
        int at = 2 + random.nextInt(text.length() - 3);
        char[] chars = text.toCharArray();
        char swap = chars[at];
        chars[at] = chars[at - 1];
        chars[at - 1] = swap;
        return new String(chars);
    }

    private static List<String> names() {
        try (InputStream in = Queries.class.getResourceAsStream("/tthc/procedure-names.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> names = new ArrayList<>();
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] columns = line.split("\t");
                if (columns.length == 3) {
                    names.add(columns[2]);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
