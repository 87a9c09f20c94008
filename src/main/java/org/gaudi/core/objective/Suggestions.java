package org.gaudi.core.objective;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" by edit distance, ignoring case. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * @return the candidate closest to {@code word} if it is close enough to be a plausible typo (a case-only
     *     difference, or an edit distance of at most 2 and less than half the word's length), else {@code null}
     */
    static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.min(2, (Math.max(word.length(), best.length()) - 1) / 2);
        return bestDistance <= Math.max(limit, 0) && !(bestDistance == 0 && best.equals(word)) ? best : null;
    }

    /** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
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
