package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SMILES string into tokens with the regular expression used by SMILES language models since Schwaller et
 * al. (Molecular Transformer, 2019): bracket atoms as one token, two-letter organic atoms (Br, Cl), aromatic and
 * aliphatic organic atoms, bonds, branches, ring closures (one digit, or {@code %nn}), dots and the reaction arrow.
 * Characters the expression does not match are returned as unknown tokens, each with its position, so a caller can
 * count and report them instead of mapping them silently.
 */
public final class SmilesTokenizer {
    /** The token expression; everything else is an unknown character. */
    public static final Pattern TOKEN = Pattern.compile(
            "\\[[^\\]]+]|Br?|Cl?|N|O|S|P|F|I|b|c|n|o|s|p|\\(|\\)|\\.|=|#|-|\\+|\\\\|/|:|~|@|\\?|>|\\*|\\$|%[0-9]{2}|[0-9]");

    /**
     * The tokens of one SMILES and what did not tokenize.
     *
     * @param tokens  the recognised tokens, in order
     * @param unknown each unrecognised character as {@code 'x' at column n} (1-based), in order
     */
    public record Tokens(List<String> tokens, List<String> unknown) {
        public Tokens {
            tokens = List.copyOf(tokens);
            unknown = List.copyOf(unknown);
        }

        public boolean complete() {
            return unknown.isEmpty();
        }
    }

    private SmilesTokenizer() {
    }

    /** Tokenizes {@code smiles}; blanks around it are an error of the caller (they become unknown characters). */
    public static Tokens tokenize(String smiles) {
        List<String> tokens = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Matcher m = TOKEN.matcher(smiles);
        int pos = 0;
        while (pos < smiles.length()) {
            m.region(pos, smiles.length());
            if (m.lookingAt()) {
                tokens.add(m.group());
                pos = m.end();
            } else {
                unknown.add("'" + smiles.charAt(pos) + "' at column " + (pos + 1));
                pos++;
            }
        }
        return new Tokens(tokens, unknown);
    }
}
