package org.gaudi.core.clm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The token ↔ id table of a chemical language model: three special tokens first ({@value #PAD} = 0,
 * {@value #BOS} = 1, {@value #EOS} = 2), then the SMILES tokens of the training corpus in sorted order. It is stored
 * in the model file, so a model always reads and writes the tokens it was trained on. There is no "unknown" token:
 * a token outside the table is an error the caller counts and reports.
 */
public final class SmilesVocabulary {
    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    private SmilesVocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.put(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + this.tokens.get(i) + "' occurs twice in the vocabulary");
            }
        }
        if (this.tokens.size() < 4 || !PAD.equals(this.tokens.get(PAD_ID)) || !BOS.equals(this.tokens.get(BOS_ID))
                || !EOS.equals(this.tokens.get(EOS_ID))) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD + ", " + BOS + ", " + EOS
                    + " and holds at least one SMILES token, got " + this.tokens);
        }
    }

    /** The special tokens followed by the distinct {@code smilesTokens}, sorted. */
    public static SmilesVocabulary of(Collection<String> smilesTokens) {
        List<String> all = new ArrayList<>(List.of(PAD, BOS, EOS));
        all.addAll(new TreeSet<>(smilesTokens));
        return new SmilesVocabulary(all);
    }

    /** A vocabulary read back from a model file (the full list, special tokens included). */
    public static SmilesVocabulary fromList(List<String> allTokens) {
        return new SmilesVocabulary(allTokens);
    }

    /** Every token in id order (special tokens included), for the model file. */
    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The id of a token, or -1 if it is not in the table. */
    public int id(String token) {
        Integer i = ids.get(token);
        return i == null ? -1 : i;
    }

    public String token(int id) {
        return tokens.get(id);
    }

    /**
     * [BOS, tokens..., EOS] as ids.
     *
     * @throws IllegalArgumentException naming the first token outside the table
     */
    public int[] encode(List<String> smilesTokens) {
        int[] out = new int[smilesTokens.size() + 2];
        out[0] = BOS_ID;
        for (int i = 0; i < smilesTokens.size(); i++) {
            int id = id(smilesTokens.get(i));
            if (id < 0 || id <= EOS_ID) {
                throw new IllegalArgumentException("token '" + smilesTokens.get(i) + "' (position " + (i + 1)
                        + ") is not in the model's vocabulary");
            }
            out[i + 1] = id;
        }
        out[out.length - 1] = EOS_ID;
        return out;
    }

    /** The SMILES text of ids, stopping at the first EOS and skipping BOS/PAD. */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (id == EOS_ID) {
                break;
            }
            if (id > EOS_ID) {
                sb.append(tokens.get(id));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return tokens.size() + " tokens " + tokens.subList(3, tokens.size());
    }
}
