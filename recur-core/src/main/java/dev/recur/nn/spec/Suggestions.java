package dev.recur.nn.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt layer and argument names: the closest valid name within two edits. */
final class Suggestions {

    private Suggestions() {
    }

    /** The valid name closest to {@code given} (ignoring case), if it is at most two edits away. */
    static Optional<String> closest(String given, Collection<String> valid) {
        String best = null;
        int bestDistance = 3;
        for (String v : valid) {
            int d = distance(given.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean X?)", or "" when nothing is close. */
    static String hint(String given, Collection<String> valid) {
        return closest(given, valid).map(v -> v.equalsIgnoreCase(given)
                ? " (names are case-sensitive: did you mean " + v + "?)"
                : " (did you mean " + v + "?)").orElse("");
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
