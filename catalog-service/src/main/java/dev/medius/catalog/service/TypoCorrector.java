package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a search text so that words which appear in no exercise name are replaced by the closest name
 * word (a swapped, missing, extra or wrong letter), which full-text search alone would not find.
 */
public final class TypoCorrector {

    private TypoCorrector() {
    }

    public static String correct(String text, Collection<String> vocabulary) {
        Set<String> words = vocabulary instanceof Set<String> set ? set : Set.copyOf(vocabulary);
        List<String> out = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            out.add(words.contains(word) || word.length() < 3 ? word : closest(word, words));
        }
        return String.join(" ", out);
    }

    private static String closest(String word, Set<String> vocabulary) {
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = word;
        int bestDistance = allowed + 1;
        for (String candidate : vocabulary) {
            if (Math.abs(candidate.length() - word.length()) > allowed) {
                continue;
            }
            int distance = distance(word, candidate);
            if (distance < bestDistance || (distance == bestDistance && best != word && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
